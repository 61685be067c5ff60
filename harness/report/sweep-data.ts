// The curves of a sweep, read only from the summary: for each swept axis, each workload's rate
// against the axis's values, one series per scenario (and per value of any other varying axis),
// with the recorded interval and the ratio to host at the same point and topology.
import { axisNamed } from '../bench/axes.ts';
import { pointLabel, varyingAxes } from '../core/point.ts';
import type { ResultsFile, SummaryRow } from '../model/results.ts';
import type { BarDatum } from './chart-data.ts';

/** The rate each workload is read by along a sweep. */
export const SWEEP_METRICS = ['throughputGbps', 'transactionsPerS', 'connectionsPerS'];

/** A bar's figure and interval (chart-data.ts), at one value of the axis, with its ratio to host. */
export interface SweepDatum extends Omit<BarDatum, 'whisker'> {
  axis: string;
  x: number;
  /** Scenario, and the other varying axes' values when there are any ("veth · mtu 9000"). */
  series: string;
  /** The other varying axes' values alone ("mtu 9000"), empty when there are none: the line's dash. */
  variant: string;
  ratio: number | null;
  ratioLo: number | null;
  ratioHi: number | null;
}

const num = (x: number | null | undefined) => (typeof x === 'number' && Number.isFinite(x) ? x : null);

/** The numeric swept axes of a run: those whose values vary among its summary rows. */
export function sweptAxes(results: ResultsFile): string[] {
  return varyingAxes(results.summary.map((r) => r.point)).filter((a) => a !== 'topology' && results.summary.every((r) => typeof r.point[a] === 'number'));
}

export function sweepData(results: ResultsFile, axis: string): SweepDatum[] {
  const rows = results.summary.filter((r: SummaryRow) => SWEEP_METRICS.includes(r.metric) && typeof r.point[axis] === 'number' && Number.isFinite(r.value));
  const others = varyingAxes(rows.map((r) => r.point)).filter((a) => a !== axis);
  return rows.map((r) => ({
    axis, x: r.point[axis] as number,
    series: others.length ? `${r.scenario} · ${pointLabel(r.point, others)}` : r.scenario,
    variant: pointLabel(r.point, others),
    scenario: r.scenario, workload: r.workload, point: r.point, metric: r.metric, value: r.value,
    lo: num(r.ciLow), hi: num(r.ciHigh), ratio: num(r.ratioToHost), ratioLo: num(r.ratioCiLow), ratioHi: num(r.ratioCiHigh),
  })).sort((a, b) => a.x - b.x);
}

/** Whether charts put the axis on a log scale (bench/axes.ts); false for an axis this build does not know. */
export function axisLogScale(axis: string): boolean {
  try {
    return axisNamed(axis).logScale === true;
  } catch {
    return false;
  }
}
