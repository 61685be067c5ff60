// A comparison for the terminal and for Markdown (a CI job summary, a PR comment). Both name the
// test and its parameters so a reader knows what "significant" meant.
import { fmtChangePct, fmtPValue, fmtWithUnit, markdownTable, textTable } from '../report/format.ts';
import type { ComparisonReport, ComparisonRow } from './compare.ts';

const VERDICT_MARK: Record<ComparisonRow['verdict'], string> = { improved: '✅ improved', regressed: '❌ regressed', unchanged: 'unchanged', inconclusive: '❔ inconclusive' };

export function describeTest(r: ComparisonReport): string {
  const t = r.test;
  return `${t.name} test, ${t.sides}, alpha ${t.alpha} (exact without ties up to ${t.exactUpToValues} values, else normal approximation with tie correction); ` +
    `a change counts when |median change| > ${t.thresholdPct}% and p < ${t.alpha}`;
}

function cells(row: ComparisonRow): string[] {
  return [
    row.scenario, row.workload, row.metric, row.better,
    `${fmtWithUnit(row.baselineMedian, row.unit)} (n=${row.baselineN})`,
    `${fmtWithUnit(row.candidateMedian, row.unit)} (n=${row.candidateN})`,
    fmtChangePct(row.changePct), fmtPValue(row.pValue),
  ];
}

const HEADER = ['scenario', 'workload', 'metric', 'better', 'baseline median', 'candidate median', 'change', 'p'];

export function countsLine(r: ComparisonReport): string {
  const c = r.counts;
  return `${c.regressed} regressed, ${c.improved} improved, ${c.unchanged} unchanged, ${c.inconclusive} inconclusive`;
}

/** What the table covers and what it leaves out, in one line. */
export function scopeLine(r: ComparisonReport): string {
  const metrics = typeof r.metrics === 'string' ? `${r.metrics} metrics` : `metrics ${r.metrics.join(', ')}`;
  const { baselineOnly, candidateOnly } = r.unmatched;
  const left = [baselineOnly && `${baselineOnly} only in the baseline`, candidateOnly && `${candidateOnly} only in the candidate`].filter(Boolean);
  return `${metrics}; medians over repetitions${left.length ? `; not compared: ${left.join(', ')}` : ''}`;
}

/** "kernel: A -> B" per varied dimension; older comparison files have none. */
export function underTestLines(r: ComparisonReport): string[] {
  return (r.underTest ?? []).map((u) => `${u.dimension} ${u.baseline} -> ${u.candidate}`);
}

/** The differences --vary accepted are said once, in the under-test line. */
const isUnderTest = (d: ComparisonReport['differences'][number]) => d.note?.startsWith('under test') === true;

export function renderComparisonText(r: ComparisonReport): string {
  const lines = [
    `baseline: ${r.baseline.label} (${r.baseline.runIds.join(', ') || 'no runs'})`,
    `candidate: ${r.candidate.label} (${r.candidate.runIds.join(', ')})`,
    ...underTestLines(r).map((line) => `under test: ${line}`),
    `test: ${describeTest(r)}`,
    `scope: ${scopeLine(r)}`,
    ...r.differences.filter((d) => !isUnderTest(d)).map((d) => `${d.blocking ? 'forced past' : 'note'}: ${d.note ?? `${d.field} differs: ${JSON.stringify(d.baseline)} vs ${JSON.stringify(d.candidate)}`}`),
    '',
    textTable([...HEADER, 'verdict'], r.rows.map((row) => [...cells(row), `${row.verdict} (${row.why})`])),
    '',
    countsLine(r),
  ];
  return lines.join('\n');
}

const ALIGN: ('l' | 'r')[] = ['l', 'l', 'l', 'l', 'r', 'r', 'r', 'r', 'l'];

/** Changes first, in their own table; every row in a collapsed block, so a PR comment stays short. */
export function renderComparisonMarkdown(r: ComparisonReport): string {
  const title = r.counts.regressed > 0 ? '### ❌ netkit-bench: regression' : '### ✅ netkit-bench: no regression';
  const notes = [...underTestLines(r).map((line) => `- **under test**: ${line}`), ...r.differences.filter((d) => !isUnderTest(d)).map((d) => `- ${d.blocking ? '**forced past**' : 'note'}: ${d.note ?? `\`${d.field}\` differs: \`${d.baseline}\` vs \`${d.candidate}\``}`)];
  const table = (rows: ComparisonRow[]) => markdownTable([...HEADER, 'verdict'], rows.map((row) => [...cells(row), VERDICT_MARK[row.verdict]]), ALIGN);
  const changed = r.rows.filter((row) => row.verdict === 'regressed' || row.verdict === 'improved');
  return [
    title, '',
    `Baseline **${r.baseline.label}** (${r.baseline.runIds.length} run(s)) vs candidate **${r.candidate.label}**: ${countsLine(r)}.`, '',
    `Test: ${describeTest(r)}. Scope: ${scopeLine(r)}.`, '',
    ...(notes.length ? [...notes, ''] : []),
    ...(changed.length ? [table(changed), ''] : []),
    `<details><summary>all ${r.rows.length} rows</summary>`, '',
    table(r.rows), '',
    '</details>', '',
  ].join('\n');
}
