// Two-sided Mann-Whitney U test (Wilcoxon rank-sum). Chosen for the regression gate because
// benchmark repetitions are few, skewed and occasionally wild: a rank test assumes no normality
// and one outlier moves it by one rank. simple-statistics gives the rank sum (ties get average
// ranks) and the error function; it has no p-value for the test, so that part is here:
// - exact null distribution when there are no ties and the samples are small (as R's wilcox.test);
// - otherwise the normal approximation with tie and continuity corrections (as scipy's 'asymptotic').
import { errorFunction, wilcoxonRankSum } from 'simple-statistics';
import { exactUCdf, EXACT_LIMIT } from './u-distribution.ts';

export const MANN_WHITNEY = 'Mann-Whitney U';

export interface MannWhitneyResult {
  test: typeof MANN_WHITNEY;
  /** U of the first sample: the number of (x, y) pairs with x > y, ties counting one half. */
  u: number;
  n1: number;
  n2: number;
  /** Two-sided p-value. */
  pValue: number;
  method: 'exact' | 'normal';
  /** The smallest two-sided p-value any outcome could give with these sample sizes. */
  minPValue: number;
}

export function mannWhitneyU(x: readonly number[], y: readonly number[], opts: { forceNormal?: boolean } = {}): MannWhitneyResult {
  const n1 = x.length;
  const n2 = y.length;
  if (n1 === 0 || n2 === 0) return { test: MANN_WHITNEY, u: NaN, n1, n2, pValue: NaN, method: 'exact', minPValue: 1 };
  const u = wilcoxonRankSum([...x], [...y]) - (n1 * (n1 + 1)) / 2;
  const minPValue = Math.min(1, 2 / binomial(n1 + n2, n1));
  const tieTerm = tieCorrection([...x, ...y]);
  if (!opts.forceNormal && tieTerm === 0 && n1 + n2 <= EXACT_LIMIT) {
    const tail = exactUCdf(Math.min(u, n1 * n2 - u), n1, n2);
    return { test: MANN_WHITNEY, u, n1, n2, pValue: Math.min(1, 2 * tail), method: 'exact', minPValue };
  }
  const n = n1 + n2;
  const variance = ((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1)));
  const distance = Math.max(0, Math.abs(u - (n1 * n2) / 2) - 0.5);
  const pValue = variance <= 0 ? 1 : 1 - errorFunction(distance / Math.sqrt(variance) / Math.SQRT2);
  return { test: MANN_WHITNEY, u, n1, n2, pValue: Math.min(1, pValue), method: 'normal', minPValue };
}

/** Sum of t^3 - t over groups of t tied values. */
function tieCorrection(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let sum = 0;
  for (const t of counts.values()) sum += t ** 3 - t;
  return sum;
}

function binomial(n: number, k: number): number {
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return r;
}
