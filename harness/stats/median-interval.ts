// Distribution-free confidence interval of a median from n independent values: the order
// statistics (x(k), x(n-k+1)) cover the population median with probability
// 1 - 2 * BinomCDF(k - 1; n, 1/2), whatever the distribution (continuous). The largest k whose
// coverage still reaches the wanted level gives the shortest such interval. Conover (1999),
// "Practical Nonparametric Statistics", 3rd ed., §3.2; Hahn & Meeker (1991) Table A.15.
// Below the n the level needs (95%: n >= 6) no interval reaches it; the widest one [min, max]
// is returned with its own, lower, coverage (75% at n = 3, 93.75% at n = 5) so nobody labels it 95%.
import { gammaln } from 'simple-statistics';

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

/**
 * P(X = i) for X ~ Binomial(n, 1/2). Up to n = 1000 exactly as C(n, i) 2^-n (the published
 * coverages, 0.75 at n = 3); beyond, through log-gamma: 0.5 ** n underflows to 0 past n = 1074,
 * which made every coverage 1 and collapsed a large sample's interval onto its median.
 */
function binomialHalfPmf(i: number, n: number): number {
  if (n > 1000) return Math.exp(gammaln(n + 1) - gammaln(i + 1) - gammaln(n - i + 1) - n * Math.LN2);
  let p = 0.5 ** n;
  for (let j = 0; j < i; j++) p = (p * (n - j)) / (j + 1);
  return p;
}

/** P(X <= x) for X ~ Binomial(n, 1/2). */
export function binomialHalfCdf(x: number, n: number): number {
  if (x < 0) return 0;
  if (x >= n) return 1;
  let sum = 0;
  for (let i = 0; i <= x; i++) sum += binomialHalfPmf(i, n);
  return Math.min(1, sum);
}

/** Coverage of (x(k), x(n-k+1)) for the median of n values. */
export function orderStatisticCoverage(n: number, k: number): number {
  return k < 1 || 2 * k > n + 1 ? 0 : 1 - 2 * binomialHalfCdf(k - 1, n);
}

/** The smallest n whose [min, max] reaches `level` (95% needs 6); Infinity for a level no n reaches (>= 1). */
export function minUnitsForLevel(level: number): number {
  if (!(level < 1)) return Infinity;
  let n = 1;
  while (orderStatisticCoverage(n, 1) < level) n++;
  return n;
}

/**
 * Order-statistic interval of the median of `values` (NaN ignored) at the level asked for
 * (default 0.95, in (0, 1); RangeError otherwise). Null for fewer than 2 values. When n is too
 * small for the level, the interval is [min, max] with reachesLevel false and its true coverage.
 * Ties are allowed: the coverage is then at least the stated one (Conover §3.2). One pass over k
 * with a running CDF: linear in n, not quadratic.
 */
export function medianInterval(values: readonly number[], level = 0.95): MedianInterval | null {
  if (!(level > 0 && level < 1)) throw new RangeError(`median interval: level ${level} is outside (0, 1)`);
  const xs = values.filter(Number.isFinite).sort((a, b) => a - b);
  const n = xs.length;
  if (n < 2) return null;
  // cdf = P(X <= k - 1); the coverage of k is 1 - 2 cdf. Step k up while k + 1 still reaches the level.
  let k = 1;
  let cdf = binomialHalfPmf(0, n);
  while (2 * (k + 1) <= n + 1 && 1 - 2 * (cdf + binomialHalfPmf(k, n)) >= level) {
    cdf += binomialHalfPmf(k, n);
    k++;
  }
  const coverage = 1 - 2 * cdf;
  return { low: xs[k - 1]!, high: xs[n - k]!, coverage, k, n, reachesLevel: coverage >= level };
}
