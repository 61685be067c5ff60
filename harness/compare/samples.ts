// The raw repetitions behind each summary row: what the significance test needs. Only measurements
// in state ok count, as in the summary (harness/results/summary.ts).
import { median } from 'simple-statistics';
import { metricInfo } from '../metrics.ts';
import type { ResultsFile } from '../results/schema.ts';

export interface MetricSamples {
  scenario: string;
  workload: string;
  metric: string;
  unit: string;
  /** One value per ok repetition (pooled over runs when the baseline is history). */
  values: number[];
}

export const sampleKey = (s: { scenario: string; workload: string; metric: string }) => `${s.scenario}\u0000${s.workload}\u0000${s.metric}`;

export function samplesOfResults(results: ResultsFile): MetricSamples[] {
  const byKey = new Map<string, MetricSamples>();
  for (const m of results.measurements) {
    if (m.state !== 'ok') continue;
    for (const [metric, value] of Object.entries(m.metrics)) {
      if (!Number.isFinite(value)) continue;
      const key = sampleKey({ scenario: m.scenario, workload: m.workload, metric });
      const set = byKey.get(key) ?? { scenario: m.scenario, workload: m.workload, metric, unit: metricInfo(metric).unit, values: [] };
      set.values.push(value);
      byKey.set(key, set);
    }
  }
  return [...byKey.values()];
}

/** Many runs' samples as one: every repetition of every run is one observation of the baseline. */
export function poolSamples(runs: readonly (readonly MetricSamples[])[]): MetricSamples[] {
  const byKey = new Map<string, MetricSamples>();
  for (const run of runs) {
    for (const s of run) {
      const key = sampleKey(s);
      const pooled = byKey.get(key) ?? { ...s, values: [] };
      pooled.values.push(...s.values);
      byKey.set(key, pooled);
    }
  }
  return [...byKey.values()];
}

export function medianOf(values: readonly number[]): number {
  return values.length ? median([...values]) : NaN;
}
