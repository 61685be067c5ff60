// The full terminal table (bench --verbose; run-text.ts leads with the answer matrix): one line
// per scenario x workload x headline metric (every metric with `all`), with the figure, its interval and that interval's real coverage, the ratio to host with
// its interval, and validity (harness/results/interval-label.ts says how intervals are labelled).
import { BPF_NS_PER_PACKET, metricInfo } from '../core/metrics.ts';
import { fmtNumber } from '../core/format.ts';
import { clockedUnit, clockNote } from '../clock/labels.ts';
import type { ClockInfo, ResultsFile, SummaryRow } from '../model/results.ts';
import { INTERVAL_NOTE, rowIntervals, TOO_FEW_NOTE } from '../results/interval-label.ts';
import { measuredWithLine } from '../results/tools.ts';
import { placementText } from '../cpu/placement-text.ts';
import { contentionNote } from '../cpu/contention.ts';

function validity(r: SummaryRow): string {
  if (r.state === 'ok') return 'ok';
  const bad = r.attempted - r.n;
  return `${r.state} ${bad}/${r.attempted}${r.reasons[0] ? `: ${r.reasons[0]}` : ''}`;
}

const HEADER = ['scenario', 'workload', 'metric', 'value', 'interval (coverage)', 'vs host', 'interval (coverage)', 'cv%', 'n', 'validity'];

function cells(r: SummaryRow, clock: ClockInfo | undefined): string[] {
  const ci = rowIntervals(r, (x) => fmtNumber(x));
  const value = r.tooFewSamples ? 'too few samples' : Number.isFinite(r.value) ? `${fmtNumber(r.value)} ${clockedUnit(r.unit, clock)}`.trim() : '-';
  return [r.scenario, r.workload, r.metric, value, ci.value, fmtNumber(r.ratioToHost), ci.ratio, fmtNumber(r.cvPct, 2), String(r.n), validity(r)];
}

/** The first line: which run, where, on what. */
export function runHeadline(results: ResultsFile): string {
  const env = results.environment;
  const where = env.where === 'vm-tcg' ? ' (VM under TCG emulation: compare ratios between scenarios, not absolute figures)' : '';
  return `run ${results.runId} on ${env.kernelRelease}, ${env.where}${where}, IPv${results.options.workloadParams?.ipVersion ?? 4}, ${placementText(results.options)}`;
}

/** The table of `rows` (headline metrics, or every metric with `all`) and the skipped scenarios, header first. */
export function tableLines(results: ResultsFile, opts: { all?: boolean } = {}): { lines: string[]; shown: SummaryRow[] } {
  const shown = results.summary.filter((r) => opts.all || r.metric === '-' || metricInfo(r.metric).headline);
  const rows = shown.map((r) => cells(r, results.environment.clock));
  for (const s of results.skipped) rows.push([s.scenario, s.workload ?? '-', '-', '-', '-', '-', '-', '-', '0', `skipped: ${s.reason}`]);
  const widths = HEADER.map((h, i) => Math.max(h.length, ...rows.map((r) => (i === HEADER.length - 1 ? 0 : r[i]!.length))));
  const line = (c: string[]) => c.map((x, i) => (i === c.length - 1 ? x : x.padEnd(widths[i]!))).join('  ');
  return { lines: [line(HEADER), ...rows.map(line)], shown };
}

/** The notes under a table: the clock, the tools, what intervals are, contention, BPF figures. */
export function runNotes(results: ResultsFile, shown: readonly SummaryRow[], opts: { all?: boolean; intervalNote?: string } = {}): string[] {
  const clock = clockNote(results.environment.clock);
  const notes = [
    ...(clock ? [`${clock}.`] : []),
    ...measuredWithLine(results),
    ...(opts.intervalNote ? [] : ['value: median over repetitions; latency percentiles (p50Us..) are of all repetitions\' requests merged, maxUs the largest.']),
    `${opts.intervalNote ?? INTERVAL_NOTE}.${opts.all ? '' : ' Every metric: results.csv or --verbose.'}`,
    ...(shown.some((r) => r.tooFewSamples) ? [`${TOO_FEW_NOTE}.`] : []),
  ];
  const contended = contentionNote(results.measurements);
  if (contended) notes.push(contended);
  if (shown.some((r) => r.metric.startsWith(BPF_NS_PER_PACKET))) {
    notes.push(`${BPF_NS_PER_PACKET}<program>: program body only (the redirect helpers' route/neighbour work happens after it returns), from an untimed pass with BPF run statistics on.`);
  }
  return notes;
}

/** Today's full table: the headline metrics (every metric with `all`), then the notes. */
export function renderTable(results: ResultsFile, opts: { all?: boolean } = {}): string {
  const { lines, shown } = tableLines(results, opts);
  return [runHeadline(results), ...lines, ...runNotes(results, shown, opts)].join('\n');
}
