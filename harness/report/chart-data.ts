// The data behind the charts, read only from a results file. Rows carry what the charts need and
// nothing the file does not say: the summary's quoted value (median over repetitions, or the pooled
// percentile for latency), its recorded interval with that interval's real coverage (or min-max in
// files without one), and ratios. The latency CDF's points are latency-cdf-data.ts.
import { BPF_NS_PER_PACKET } from '../core/metrics.ts';
import { coverageLabel } from '../results/interval-label.ts';
import type { ResultsFile, SummaryRow } from '../model/results.ts';
import { scenarioOrder } from './scenario-colors.ts';
import type { Point } from '../model/point.ts';

export interface BarDatum {
  scenario: string;
  workload: string;
  metric: string;
  value: number;
  lo: number | null;
  hi: number | null;
  /** The whisker's coverage label ("75%"), or "min-max". */
  whisker: string;
  /** The row's matrix point (topology, swept axes). */
  point: Point;
}

export type Whiskers = 'ci' | 'min-max';

const finite = (x: number | null | undefined): x is number => typeof x === 'number' && Number.isFinite(x);

export const isBpfMetric = (metric: string) => metric.startsWith(BPF_NS_PER_PACKET);
export const bpfProgramOf = (metric: string) => metric.slice(BPF_NS_PER_PACKET.length);

/** Rows of the matching metrics with a value, scenarios in registry order. */
export function summaryRows(results: ResultsFile, metric: (name: string) => boolean): SummaryRow[] {
  const order = scenarioOrder(results.summary.map((r) => r.scenario));
  return results.summary
    .filter((r) => metric(r.metric) && finite(r.value))
    .sort((a, b) => order.indexOf(a.scenario) - order.indexOf(b.scenario));
}

/**
 * The caption of whiskers drawn from `coverages` (one per bar): "75%" when all agree, the range
 * when they differ ("75%–96.9%"), "coverage unknown" for files written before coverage existed.
 */
export function whiskerNote(whiskers: Whiskers, coverages: readonly (number | null | undefined)[], of = 'the median over repetitions'): string {
  if (whiskers === 'min-max') return 'whiskers: min to max of the repetitions';
  const known = coverages.filter((c): c is number => typeof c === 'number');
  const range = known.length < coverages.length ? coverageLabel(undefined)
    : Math.min(...known) === Math.max(...known) ? coverageLabel(known[0]) : `${coverageLabel(Math.min(...known))}–${coverageLabel(Math.max(...known))}`;
  return `whiskers: order-statistic interval of ${of}, coverage ${range}`;
}

/** Bars with whiskers: the recorded interval when every row has one, else min-max of the repetitions. */
export function barData(rows: readonly SummaryRow[]): { data: BarDatum[]; whiskers: Whiskers; note: string } {
  const whiskers: Whiskers = rows.length > 0 && rows.every((r) => finite(r.ciLow) && finite(r.ciHigh)) ? 'ci' : 'min-max';
  const data = rows.map((r) => ({
    scenario: r.scenario,
    workload: r.workload,
    metric: r.metric,
    value: r.value,
    lo: whiskers === 'ci' ? r.ciLow : finite(r.min) ? r.min : null,
    hi: whiskers === 'ci' ? r.ciHigh : finite(r.max) ? r.max : null,
    whisker: whiskers === 'ci' ? coverageLabel(r.ciCoverage) : 'min-max',
    point: r.point,
  }));
  return { data, whiskers, note: whiskerNote(whiskers, rows.map((r) => r.ciCoverage)) };
}

/** Workloads in the order the run was asked for, then any others the summary holds. */
export function workloadOrder(results: ResultsFile): string[] {
  const present = [...new Set(results.summary.map((r) => r.workload))];
  return [...results.options.workloads.filter((w) => present.includes(w)), ...present.filter((w) => !results.options.workloads.includes(w))];
}
