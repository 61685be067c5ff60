// One measurement's latency figures from its raw per-request samples, and the uniform subsample
// of them kept in results.json (full runs reach millions of requests; percentiles across
// repetitions are computed later from what is kept, see harness/results/estimate.ts).
import { quantileSorted } from 'simple-statistics';

export interface LatencyFigures {
  p50Us: number;
  p90Us: number;
  p99Us: number;
  p999Us: number;
  maxUs: number;
}

export function latencyFigures(samplesUs: readonly number[]): LatencyFigures | undefined {
  if (samplesUs.length === 0) return undefined;
  const sorted = Array.from(Float64Array.from(samplesUs).sort());
  return {
    p50Us: quantileSorted(sorted, 0.5),
    p90Us: quantileSorted(sorted, 0.9),
    p99Us: quantileSorted(sorted, 0.99),
    p999Us: quantileSorted(sorted, 0.999),
    maxUs: sorted[sorted.length - 1]!,
  };
}

export const MAX_KEPT_SAMPLES = 20_000;

/** Every (n / max)-th sample, in time order, so the kept set covers the whole run evenly. */
export function subsampleUniform(xs: readonly number[], max = MAX_KEPT_SAMPLES): number[] {
  if (xs.length <= max) return [...xs];
  const step = xs.length / max;
  return Array.from({ length: max }, (_, i) => xs[Math.floor(i * step)]!);
}
