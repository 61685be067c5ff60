// How much each kept sample of a repetition counts when repetitions' samples are pooled: the
// requests it stands for. A workload keeps at most 20,000 of its samples (stats/latency.ts
// subsampleUniform) and records how many it collected; a repetition that kept 20,000 of 100,000
// counts 5 per sample, so a long repetition is not outvoted by a short one. The summary's pooled
// percentiles (results/summary.ts) and the latency CDF (report/latency-cdf-data.ts) both use this.
import type { Measurement } from '../model/results.ts';

/** collected / kept (> 1) when `samples` of the measurement were subsampled; undefined (weight 1) otherwise. */
export function sampleWeight(m: Pick<Measurement, 'samples' | 'sampleCounts'>, name: string): number | undefined {
  const kept = m.samples?.[name]?.length;
  const collected = m.sampleCounts?.[name]?.collected;
  return kept && collected !== undefined && collected > kept ? collected / kept : undefined;
}
