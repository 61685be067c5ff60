// A comparison for the terminal and for Markdown (a CI job summary, a PR comment). Both name the
// design, its unit of variation, the family adjustment and the equivalence bound, so a reader
// knows what "regressed" and "unchanged" meant. Gated rows are marked with *.
import { fmtChangePct, fmtNumber, fmtPValue, fmtWithUnit, markdownTable, textTable } from '../core/format.ts';
import type { ComparisonReport, ComparisonRow } from './compare.ts';
import { pointLabel, varyingAxes } from '../core/point.ts';

const VERDICT_MARK: Record<ComparisonRow['verdict'], string> = { improved: '✅ improved', regressed: '❌ regressed', unchanged: 'unchanged', inconclusive: '❔ inconclusive' };

const DESIGN: Record<ComparisonReport['test']['design'], string> = {
  independent: "Yuen's trimmed t-test (20%) on log values (repetitions of two runs)",
  paired: 'trimmed (20%) paired t-test on log ratios (repetitions of one interleaved run)',
  prediction: 'prediction interval of one new run from earlier run medians (t, n-1 df)',
};

export function describeTest(r: ComparisonReport): string {
  const t = r.test;
  const adjust = t.adjust === 'holm' ? 'Holm (family-wise error)' : 'Benjamini-Hochberg (false discovery rate)';
  // familySize counts the gated rows that had a test; a history of one earlier run gives none a test.
  const gated = r.rows.filter((row) => row.gated).length;
  const tested = gated === t.familySize ? `${gated} gated row(s) (*)` : `${gated} gated row(s) (*), ${t.familySize} with a test,`;
  return `${DESIGN[t.design]}; unit: the ${t.unit}; ${tested} adjusted by ${adjust} at alpha ${t.alpha} (the other, reported rows adjusted as a family of their own, never gating); ` +
    `regressed/improved: adjusted p < ${t.alpha} and change beyond ±${t.thresholdPct}% (or the metric's absolute floor); ` +
    `unchanged: ${Math.round(t.tostLevel * 100)}% interval of the change inside that bound (TOST); else inconclusive`;
}

/** The test's estimate and interval: % for ratios, the metric's unit for differences. */
function change(row: ComparisonRow): string {
  const t = row.test;
  if (!Number.isFinite(t.estimate)) return Number.isFinite(row.changePct) ? fmtChangePct(row.changePct) : '-';
  if (t.scale === 'ratio') return `${fmtChangePct(t.estimate)} [${fmtChangePct(t.low)}, ${fmtChangePct(t.high)}]`;
  const sign = (x: number) => `${x > 0 ? '+' : ''}${fmtNumber(x)}`;
  return `${sign(t.estimate)} [${sign(t.low)}, ${sign(t.high)}] ${row.unit}`.trim();
}

const rowAxes = (r: ComparisonReport) => varyingAxes(r.rows.flatMap((x) => (x.point ? [x.point] : [])));

/** The scenario, with the row's point on the axes that vary among the rows (none: the name alone). */
function scenarioAt(row: ComparisonRow, axes: readonly string[]): string {
  const label = row.point && axes.length ? pointLabel(row.point, axes) : '';
  return label ? `${row.scenario} (${label})` : row.scenario;
}

function cells(row: ComparisonRow, axes: readonly string[]): string[] {
  return [
    scenarioAt(row, axes), row.workload, `${row.metric}${row.gated ? ' *' : ''}`, row.better,
    `${fmtWithUnit(row.baselineMedian, row.unit)} (n=${row.baselineN}${row.test.design === 'prediction' ? ' runs' : ''})`,
    `${fmtWithUnit(row.candidateMedian, row.unit)} (n=${row.candidateN})`,
    change(row), fmtPValue(row.pValue), fmtPValue(row.pAdjusted),
  ];
}

const HEADER = ['scenario', 'workload', 'metric', 'better', 'baseline median', 'candidate median', 'change [interval]', 'p', 'adj. p'];

export function countsLine(r: ComparisonReport): string {
  const c = r.counts;
  const gatedRegressed = r.rows.filter((x) => x.gated && x.verdict === 'regressed').length;
  return `${c.regressed} regressed (${gatedRegressed} gated), ${c.improved} improved, ${c.unchanged} unchanged, ${c.inconclusive} inconclusive`;
}

/** What the table covers and what it leaves out, in one line. */
export function scopeLine(r: ComparisonReport): string {
  const metrics = typeof r.metrics === 'string' ? `${r.metrics} metrics` : `metrics ${r.metrics.join(', ')}`;
  const { baselineOnly, candidateOnly } = r.unmatched;
  const left = [baselineOnly && `${baselineOnly} only in the baseline`, candidateOnly && `${candidateOnly} only in the candidate`].filter(Boolean);
  return `${metrics}${left.length ? `; not compared: ${left.join(', ')}` : ''}`;
}

/** "kernel: A -> B" per varied dimension; older comparison files have none. */
export function underTestLines(r: ComparisonReport): string[] {
  return (r.underTest ?? []).map((u) => `${u.dimension} ${u.baseline} -> ${u.candidate}`);
}

/** A side of a varied dimension in a few words: the kernel's release, the BPF objects' hash. */
function briefly(dimension: string, side: string): string {
  if (dimension === 'kernel') return side.split(' ')[0]!;
  return dimension === 'bpf' ? side.split(' (')[0]! : side;
}

/**
 * What the change under test did, in one line per varied dimension, from the gated rows:
 * "kernel 6.12.117+deb12-amd64 → 6.12.118+deb12-amd64: netkit tcp_rr transactionsPerS -0.4%, unchanged".
 */
export function underTestSummaries(r: ComparisonReport): string[] {
  const gated = r.rows.filter((row) => row.gated);
  const axes = rowAxes(r);
  const effects = gated.map((row) => `${scenarioAt(row, axes)} ${row.workload} ${row.metric} ${fmtChangePct(Number.isFinite(row.test.estimate) && row.test.scale === 'ratio' ? row.test.estimate : row.changePct)}, ${row.verdict}`);
  return (r.underTest ?? []).map((u) => `${u.dimension} ${briefly(u.dimension, u.baseline)} → ${briefly(u.dimension, u.candidate)}: ${effects.join('; ') || 'no gated row to judge it by'}`);
}

/** The differences --vary accepted are said once, in the under-test line. */
const isUnderTest = (d: ComparisonReport['differences'][number]) => d.note?.startsWith('under test') === true;

export function renderComparisonText(r: ComparisonReport): string {
  const lines = [
    `baseline: ${r.baseline.label} (${r.baseline.runIds.join(', ') || 'no runs'})`,
    `candidate: ${r.candidate.label} (${r.candidate.runIds.join(', ')})`,
    ...underTestLines(r).map((line) => `under test: ${line}`),
    ...underTestSummaries(r).map((line) => `what it did: ${line}`),
    `test: ${describeTest(r)}`,
    `scope: ${scopeLine(r)}`,
    ...r.notes.map((n) => `note: ${n}`),
    ...r.differences.filter((d) => !isUnderTest(d)).map((d) => `${d.blocking ? 'forced past' : 'note'}: ${d.note ?? `${d.field} differs: ${JSON.stringify(d.baseline)} vs ${JSON.stringify(d.candidate)}`}`),
    '',
    textTable([...HEADER, 'verdict'], r.rows.map((row) => [...cells(row, rowAxes(r)), `${row.verdict} (${row.why})`])),
    '',
    countsLine(r),
  ];
  return lines.join('\n');
}

const ALIGN: ('l' | 'r')[] = ['l', 'l', 'l', 'l', 'r', 'r', 'r', 'r', 'r', 'l'];

/** Changes first, in their own table; every row in a collapsed block, so a PR comment stays short. */
export function renderComparisonMarkdown(r: ComparisonReport): string {
  const title = r.exitCode === 1 ? '### ❌ netkit-bench: regression' : '### ✅ netkit-bench: no regression';
  const notes = [
    ...underTestSummaries(r).map((line) => `- **${line.slice(0, line.indexOf(': '))}**: ${line.slice(line.indexOf(': ') + 2)}`),
    ...underTestLines(r).map((line) => `- **under test**: ${line}`),
    ...r.notes.map((n) => `- note: ${n}`),
    ...r.differences.filter((d) => !isUnderTest(d)).map((d) => `- ${d.blocking ? '**forced past**' : 'note'}: ${d.note ?? `\`${d.field}\` differs: \`${d.baseline}\` vs \`${d.candidate}\``}`),
  ];
  const table = (rows: ComparisonRow[]) => markdownTable([...HEADER, 'verdict'], rows.map((row) => [...cells(row, rowAxes(r)), VERDICT_MARK[row.verdict]]), ALIGN);
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
