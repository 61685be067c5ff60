// A tail percentile is a figure only with enough samples beyond it: the q-quantile of n samples
// rests on the n(1-q) largest, so p99 of 200 requests is two values and p99.9 of 5,000 is five.
// We ask for at least MIN_BEYOND samples beyond the quantile (10: p99 needs 1,000 requests,
// p99.9 needs 10,000), as e.g. Gil Tene's HdrHistogram notes advise.
export const MIN_BEYOND = 10;

/** Samples needed for quantile q (0 < q < 1) to have MIN_BEYOND beyond it; 0 for q <= 0.5. */
export function samplesNeeded(q: number): number {
  return q <= 0.5 ? 0 : Math.ceil(MIN_BEYOND / (1 - q) - 1e-9);
}

/** Does a quantile q of n samples have enough samples beyond it? */
export function enoughBeyond(q: number, n: number): boolean {
  return n >= samplesNeeded(q);
}
