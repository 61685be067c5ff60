// The regression gate's verdicts in the HTML report, when the run folder holds a comparison.json
// (scripts/nightly.sh saves one with `compare --save`).
import type { ComparisonReport } from '../compare/compare.ts';
import { countsLine, describeTest } from '../compare/render.ts';
import { fmtChangePct, fmtPValue, fmtWithUnit } from '../core/format.ts';
import { escapeHtml as h } from './html-escape.ts';

export function comparisonHtml(r: ComparisonReport): string {
  const head = ['scenario', 'workload', 'metric', 'better', 'baseline', 'candidate', 'change', 'p', 'verdict'];
  const rows = r.rows.map((x) => [
    x.scenario, x.workload, x.metric, x.better,
    `${fmtWithUnit(x.baselineMedian, x.unit)} (n=${x.baselineN})`, `${fmtWithUnit(x.candidateMedian, x.unit)} (n=${x.candidateN})`,
    fmtChangePct(x.changePct), fmtPValue(x.pValue),
  ].map((c) => `<td>${h(c)}</td>`).join('') + `<td class="verdict-${x.verdict}" title="${h(x.why)}">${x.verdict}</td>`);
  return [
    `<p><strong>${h(countsLine(r))}</strong> against ${h(r.baseline.label)} (${r.baseline.runIds.length} run(s)).</p>`,
    `<p class="note">${h(describeTest(r))}.</p>`,
    `<table class="summary"><thead><tr>${head.map((x) => `<th>${x}</th>`).join('')}</tr></thead><tbody>${rows.map((x) => `<tr>${x}</tr>`).join('')}</tbody></table>`,
  ].join('\n');
}
