// The answer matrix and the claims as terminal lines: a header of workloads and their primary
// metrics, one row per scenario (host's own figures, every other scenario's ratio to host with its
// interval), then one line per claim. An interval's coverage is stated once when every cell shares
// it, else in each cell (harness/results/interval-label.ts).
import { fmtNumber, textTable } from '../core/format.ts';
import { coverageLabel } from '../results/interval-label.ts';
import { columnKey, pointFields, type AnswerCell, type AnswerMatrix } from './answer.ts';
import type { ClaimResult } from './claims.ts';
import { pointLabel } from '../core/point.ts';

/** "1.2 [1.1..1.3]", with its coverage unless every interval shares one; "invalid 5/5" without a figure; '-' where not measured. */
export function cellText(c: AnswerCell | undefined, baseline: boolean, commonCoverage: string | undefined, sep: string): string {
  if (!c) return '-';
  const flag = c.state === 'ok' ? '' : ` ${c.state} ${c.attempted - c.n}/${c.attempted}`;
  if (!Number.isFinite(c.value)) return flag.trim() || '-';
  if (baseline) return `${fmtNumber(c.value)}${flag}`;
  if (c.ratio === null) return `-${flag}`;
  const cov = coverageLabel(c.coverage);
  const ci = c.low === null || c.high === null ? '' : ` [${fmtNumber(c.low)}${sep}${fmtNumber(c.high)}${cov === commonCoverage ? '' : `, ${cov}`}]`;
  return `${fmtNumber(c.ratio)}${ci}${flag}`;
}

function allCells(m: AnswerMatrix): AnswerCell[] {
  return m.groups.flatMap((g) => g.scenarios.filter((s) => s !== m.baseline).flatMap((s) => Object.values(g.cells[s] ?? {})));
}

/** What the figures are, in one line: repetitions and the coverage every interval shares, if one. */
export function answerLegend(m: AnswerMatrix): { legend: string; commonCoverage?: string } {
  const cells = allCells(m);
  const withCi = cells.filter((c) => c.low !== null && c.high !== null);
  const coverages = [...new Set(withCi.map((c) => coverageLabel(c.coverage)))];
  const commonCoverage = coverages.length === 1 ? coverages[0] : undefined;
  const reps = [...new Set([...cells, ...m.groups.flatMap((g) => Object.values(g.cells[m.baseline] ?? {}))].map((c) => c.attempted))];
  const of = reps.length === 1 ? `${reps[0]} repetition${reps[0] === 1 ? '' : 's'}` : 'the repetitions';
  const interval = withCi.length === 0 ? '(no interval below 3 valid repetitions)' : `[interval${commonCoverage ? `, ${commonCoverage} coverage` : ', coverage'}]`;
  return { legend: `ratio to ${m.baseline}, median of ${of} ${interval}; the ${m.baseline} row: its own medians`, ...(commonCoverage ? { commonCoverage } : {}) };
}

/** The matrix (one table; when rows carry a point, a label line before each group's rows) with each group's claims under its rows, as lines. */
export function answerLines(m: AnswerMatrix, claims: readonly ClaimResult[][], sep = '..'): string[] {
  if (m.columns.length === 0) return ['no primary figure measured'];
  const { legend, commonCoverage } = answerLegend(m);
  const arrow = (b: 'higher' | 'lower') => (b === 'higher' ? '↑' : '↓');
  const rows = m.groups.map((g) => g.scenarios.map((s) => [s, ...m.columns.map((c) => cellText(g.cells[s]?.[columnKey(c)], s === m.baseline, commonCoverage, sep))]));
  const table = textTable(['scenario', ...m.columns.map((c) => c.workload)], [['', ...m.columns.map((c) => `${c.metric} ${arrow(c.better)}`)], ...rows.flat()]).split('\n');
  const out = [legend, ...table.splice(0, 2)];
  m.groups.forEach((g, i) => {
    const label = pointLabel(g.point);
    if (label) out.push(`${label}:`);
    out.push(...table.splice(0, rows[i]!.length));
    const width = Math.max(...claims[i]!.map((c) => c.verdict.length));
    out.push(...claims[i]!.map((c) => `${c.verdict.padEnd(width)}  ${c.statement}: ${c.detail}`));
  });
  // A workload refused at a point is one skip per scenario (bench/refusals.ts): said once, naming the scenarios.
  const said = new Map<string, string[]>();
  for (const s of m.skipped) {
    // A refused workload names its swept values even where no measured row varies on them (udp_rr at msg=1,1024: only 1024 measured).
    const axes = s.workload ? [...new Set([...m.axes, ...Object.keys(s.point ?? {}).filter((a) => a !== 'topology')])] : m.axes;
    const at = pointLabel(pointFields(s, axes));
    const what = `${s.workload ? `${s.workload} ` : ''}(${at ? `${at}: ` : ''}${s.reason})`;
    said.set(what, [...(said.get(what) ?? []), s.scenario]);
  }
  if (said.size) out.push(`skipped: ${[...said].map(([what, scenarios]) => `${scenarios.join(', ')} ${what}`).join('; ')}`);
  return out;
}
