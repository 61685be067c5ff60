// Is a pooled tail percentile a figure? The q-quantile of N requests rests on the N(1-q) beyond
// it; with fewer than MIN_BEYOND there (harness/stats/tail.ts: p99 needs 1,000 requests, p99.9
// 10,000) the summary reports "too few samples" instead of a value, and compare never gates on it
// (harness/results/samples.ts leaves such repetitions out).
import type { MetricInfo } from '../core/metrics.ts';
import { MIN_BEYOND, samplesNeeded } from '../stats/tail.ts';
import type { Measurement } from '../model/results.ts';

/** Requests a valid repetition measured for `sampleName`: collected when recorded, else the kept samples; undefined when unknown. */
export function requestsOf(m: Measurement, sampleName: string): number | undefined {
  return m.sampleCounts?.[sampleName]?.collected ?? m.samples?.[sampleName]?.length;
}

/**
 * Why a pooled percentile of the valid repetitions `ok` may not be quoted ("too few samples: ..."),
 * or undefined when it may (or when the metric is no tail percentile, or no repetition recorded its
 * count: netperf reports percentiles without samples).
 */
export function tooFewSamples(info: MetricInfo, ok: readonly Measurement[]): string | undefined {
  const pooled = info.pooled;
  if (typeof pooled !== 'object' || ok.length === 0) return undefined;
  const counts = ok.map((m) => requestsOf(m, pooled.samples));
  if (counts.some((c) => c === undefined)) return undefined;
  const total = counts.reduce((a: number, c) => a + c!, 0);
  const needed = samplesNeeded(pooled.quantile);
  if (total >= needed) return undefined;
  return `too few samples: ${total} requests; the ${pooled.quantile * 100}th percentile needs ${needed} (${MIN_BEYOND} beyond it)`;
}
