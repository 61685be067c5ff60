// results.csv: one row per scenario x workload x point x metric, from the summary (model/results.ts SummaryRow
// says what each figure is). Column names are stable; new columns go at the end, never renamed:
//
//   run_id, where                  the run; native, vm-kvm or vm-tcg
//   scenario, workload, metric     what was measured; metric names carry their unit
//   unit                           the metric's unit (harness/core/metrics.ts)
//   n                              valid repetitions
//   median, mean, stddev, cv_pct,  over the valid repetitions' values (cv_pct = stddev/mean in %)
//   min, max
//   ratio_to_host                  value / the host scenario's value, same workload and metric
//   state                          ok, invalid, failed, or "skipped: <reason>"
//   ci_low, ci_high                order-statistic interval of the median over repetitions (for a
//                                  latency percentile: of the repetitions' own percentiles); empty
//                                  when n < 3 (note says why). NOT a 95% interval: see ci_coverage
//   ratio_ci_low, ratio_ci_high    the same over the per-repetition ratios to host (paired by repetition)
//   value                          the figure to quote: the median, or for latency percentiles
//                                  the percentile of all repetitions' samples merged
//   estimator                      median or pooled: how value was formed
//   better                         higher or lower
//   attempted                      repetitions measured, valid or not
//   reasons                        why repetitions were not valid, "; "-separated
//   clock                          host time, or instructions (icount shift=N): then unit reads
//                                  "per 1e9 guest instructions" (harness/clock/labels.ts)
//   ip_version                     4 or 6: the IP version every workload used (--ip)
//   tool                           the tool and version that measured (iperf 3.12, netperf 2.7.0)
//   ci_coverage                    exact coverage of [ci_low, ci_high] in % (75 at n = 3, 93.75 at
//                                  n = 5, >= 95 from n = 6); "unknown" for a file from before it was
//                                  recorded (a bootstrap interval then, labelled 95%, often less)
//   ratio_ci_coverage              the same for [ratio_ci_low, ratio_ci_high]
//   topology                       the row's topology (cross-node, same-node, ...): rows pair by it
//   <axis>                         one column per swept axis (msg, flows, mtu, gso), after topology,
//                                  in the order the run swept them: the row's value on that axis
//   note                           "too few samples: ..." for a tail percentile with too few requests
//                                  beyond it (value empty), or why a row has no interval
import { stringify } from 'csv-stringify/sync';
import { clockIdentity } from '../clock/clock.ts';
import { clockedUnit } from '../clock/labels.ts';
import { plainNumber } from '../core/format.ts';
import type { ResultsFile } from '../model/results.ts';
import type { Point } from '../model/point.ts';

export const CSV_COLUMNS = [
  'run_id', 'where', 'scenario', 'workload', 'metric', 'unit', 'n', 'median', 'mean', 'stddev', 'cv_pct', 'min', 'max', 'ratio_to_host', 'state',
  'ci_low', 'ci_high', 'ratio_ci_low', 'ratio_ci_high', 'value', 'estimator', 'better', 'attempted', 'reasons', 'clock', 'ip_version', 'tool',
  'ci_coverage', 'ratio_ci_coverage', 'note', 'topology',
] as const;

/** Coverage in percent; "unknown" when an old file has an interval but no coverage. */
function coverage(c: number | null | undefined, low: number | null): string {
  if (typeof c === 'number') return num(c * 100);
  return low === null ? '' : 'unknown';
}

function num(x: number | null | undefined): string {
  return x === null || x === undefined || !Number.isFinite(x) ? '' : plainNumber(x, 6);
}

export function resultsCsv(results: ResultsFile): string {
  const clock = clockIdentity(results.environment.clock);
  const ip = String(results.options.workloadParams?.ipVersion ?? 4);
  // Swept axes, in the run's order, then any other axis a row carries (a merged or older file).
  const axes = [...new Set([...Object.keys(results.options.sweep ?? {}), ...results.summary.flatMap((r) => Object.keys(r.point))])].filter((a) => a !== 'topology');
  const at = (point: Point | undefined) => [point?.topology ?? '', ...axes.map((a) => String(point?.[a] ?? ''))];
  const rows = results.summary.map((r) => [
    results.runId, results.environment.where, r.scenario, r.workload, r.metric, clockedUnit(r.unit, results.environment.clock), String(r.n),
    num(r.median), num(r.mean), num(r.stddev), num(r.cvPct), num(r.min), num(r.max), num(r.ratioToHost), r.state,
    num(r.ciLow), num(r.ciHigh), num(r.ratioCiLow), num(r.ratioCiHigh), num(r.value), r.estimator, r.better, String(r.attempted), r.reasons.join('; '), clock, ip, r.tool ?? '',
    coverage(r.ciCoverage, r.ciLow), coverage(r.ratioCiCoverage, r.ratioCiLow), r.tooFewSamples ?? r.noInterval ?? '',
    ...at(r.point),
  ]);
  const blank = (from: (typeof CSV_COLUMNS)[number], to: (typeof CSV_COLUMNS)[number]) => new Array<string>(CSV_COLUMNS.indexOf(to) - CSV_COLUMNS.indexOf(from) - 1).fill('');
  const skipped = results.skipped.map((s) => [
    results.runId, results.environment.where, s.scenario, s.workload ?? '', '', '', '0', ...blank('n', 'state'), `skipped: ${s.reason}`, ...blank('state', 'clock'), clock, ip, ...blank('ip_version', 'topology'), ...at(s.point),
  ]);
  return stringify([...rows, ...skipped], { header: true, columns: [...CSV_COLUMNS, ...axes] });
}
