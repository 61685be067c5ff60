// The latency CDF's points: for each scenario x workload x matrix point, the pooled quantiles of the valid
// repetitions' kept samples at fixed probabilities, each kept sample weighted by the requests it
// stands for. Same pooling (stats/pooled-quantile.ts) and same weights (results/sample-weight.ts)
// as the summary's pooled percentiles, so the curve passes through the table's p50, p90 and p99.
import type { Measurement } from '../model/results.ts';
import { sampleWeight } from '../results/sample-weight.ts';
import { poolSamples, pooledQuantile } from '../stats/pooled-quantile.ts';
import { LATENCY_SAMPLES } from '../workloads/latency-outcome.ts';
import { pointKey } from '../core/point.ts';
import type { Point } from '../model/point.ts';

/** Cumulative probabilities drawn: fine steps, and more of them in the tail where datapaths differ. */
export const CDF_PROBS = [...Array.from({ length: 99 }, (_, i) => (i + 1) / 100), 0.995, 0.999, 0.9995, 0.9999];

/** `at`: the matrix point as its key (core/point.ts), so each point draws its own line. */
export interface LatencyCdfPoint { scenario: string; workload: string; point: Point; at: string; probability: number; latencyUs: number }

interface Group { scenario: string; workload: string; point: Point; runs: number[][]; weights: number[] }

/** Points in order of probability within each group, groups in the order the measurements list them. */
export function latencyCdfData(measurements: readonly Measurement[], probs: readonly number[] = CDF_PROBS): LatencyCdfPoint[] {
  const groups = new Map<string, Group>();
  for (const m of measurements) {
    const samples = m.state === 'ok' ? m.samples?.[LATENCY_SAMPLES] : undefined;
    if (!samples?.length) continue;
    const key = `${m.scenario}\u0000${m.workload}\u0000${pointKey(m.point)}`;
    const g = groups.get(key) ?? { scenario: m.scenario, workload: m.workload, point: m.point, runs: [], weights: [] };
    g.runs.push(samples);
    g.weights.push(sampleWeight(m, LATENCY_SAMPLES) ?? 1);
    groups.set(key, g);
  }
  return [...groups.values()].flatMap((g) => {
    const pool = poolSamples(g.runs);
    const at = pointKey(g.point);
    return probs.map((probability) => ({ scenario: g.scenario, workload: g.workload, point: g.point, at, probability, latencyUs: pooledQuantile(pool, probability, g.weights) }));
  });
}
