// Distribution-free confidence interval of a median from n independent values: the order
// statistics (x(k), x(n-k+1)) cover the population median with probability
// 1 - 2 * BinomCDF(k - 1; n, 1/2), whatever the distribution (continuous). The largest k whose
// coverage still reaches the wanted level gives the shortest such interval. Conover (1999),
// "Practical Nonparametric Statistics", 3rd ed., §3.2; Hahn & Meeker (1991) Table A.15.
// Below the n the level needs (95%: n >= 6) no interval reaches it; the widest one [min, max]
// is returned with its own, lower, coverage (75% at n = 3, 93.75% at n = 5) so nobody labels it 95%.

export interface MedianInterval {
  low: number;
  high: number;
  /** Exact coverage of this interval (0..1): what it may be labelled with. */
  coverage: number;
  /** The order statistics used, 1-based: low = x(k), high = x(n-k+1). */
  k: number;
  n: number;
  /** True when the coverage reaches the level asked for. */
  reachesLevel: boolean;
}

/** P(X <= x) for X ~ Binomial(n, 1/2). */
export function binomialHalfCdf(x: number, n: number): number {
  if (x < 0) return 0;
  let term = 0.5 ** n;
  let sum = 0;
  for (let i = 0; i <= Math.min(x, n); i++) {
    sum += term;
    term = (term * (n - i)) / (i + 1);
  }
  return Math.min(1, sum);
}

/** Coverage of (x(k), x(n-k+1)) for the median of n values. */
export function orderStatisticCoverage(n: number, k: number): number {
  return k < 1 || 2 * k > n + 1 ? 0 : 1 - 2 * binomialHalfCdf(k - 1, n);
}

/** The smallest n whose [min, max] reaches `level` (95% needs 6). */
export function minUnitsForLevel(level: number): number {
  let n = 1;
  while (orderStatisticCoverage(n, 1) < level) n++;
  return n;
}

/**
 * Order-statistic interval of the median of `values` (NaN ignored) at the level asked for
 * (default 0.95). Null for fewer than 2 values. When n is too small for the level, the interval is
 * [min, max] with reachesLevel false and its true coverage.
 */
export function medianInterval(values: readonly number[], level = 0.95): MedianInterval | null {
  const xs = values.filter(Number.isFinite).sort((a, b) => a - b);
  const n = xs.length;
  if (n < 2) return null;
  let k = 1;
  while (orderStatisticCoverage(n, k + 1) >= level) k++;
  const coverage = orderStatisticCoverage(n, k);
  return { low: xs[k - 1]!, high: xs[n - k]!, coverage, k, n, reachesLevel: coverage >= level };
}
