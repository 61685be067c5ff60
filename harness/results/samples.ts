// The raw repetitions behind each summary row: what the change tests need. Only measurements in
// state ok count, as in the summary (harness/results/summary.ts). A tail percentile of a
// repetition with too few requests beyond it (harness/stats/tail.ts) is left out and counted.
import { metricInfo } from '../core/metrics.ts';
import { pointKey } from '../core/point.ts';
import type { Point } from '../model/point.ts';
import type { ResultsFile } from '../model/results.ts';
import { enoughBeyond } from '../stats/tail.ts';
import { withDerivedRates } from './floors.ts';

export interface MetricSamples {
  scenario: string;
  workload: string;
  point: Point;
  metric: string;
  unit: string;
  /** One value per ok repetition (or, for a history baseline, one per run: its median). */
  values: number[];
  /** Repetition number of each value (absent in history files). */
  repetitions?: number[];
  /** Repetitions left out because a tail percentile had too few samples beyond it. */
  tooFewSamples?: number;
}

/** The pairing key of a row across runs: scenario, workload, point and metric. */
export const sampleKey = (s: { scenario: string; workload: string; point: Point; metric: string }) => `${s.scenario}\u0000${s.workload}\u0000${pointKey(s.point)}\u0000${s.metric}`;

export function samplesOfResults(results: ResultsFile): MetricSamples[] {
  const byKey = new Map<string, MetricSamples>();
  for (const m of results.measurements) {
    if (m.state !== 'ok') continue;
    for (const [metric, value] of Object.entries(withDerivedRates(m.metrics, results.options.durationS))) {
      if (!Number.isFinite(value)) continue;
      const key = sampleKey({ scenario: m.scenario, workload: m.workload, point: m.point, metric });
      const set = byKey.get(key) ?? { scenario: m.scenario, workload: m.workload, point: m.point, metric, unit: metricInfo(metric).unit, values: [], repetitions: [] };
      byKey.set(key, set);
      const info = metricInfo(metric).pooled;
      const collected = typeof info === 'object' ? m.sampleCounts?.[info.samples]?.collected : undefined;
      if (typeof info === 'object' && collected !== undefined && !enoughBeyond(info.quantile, collected)) {
        set.tooFewSamples = (set.tooFewSamples ?? 0) + 1;
        continue;
      }
      set.values.push(value);
      set.repetitions!.push(m.repetition);
    }
  }
  return [...byKey.values()].filter((s) => s.values.length > 0 || s.tooFewSamples);
}

/** Its readers (compare, history, the trend chart) have always imported it from here. */
