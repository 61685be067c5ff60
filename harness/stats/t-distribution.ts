// Student's t distribution: the CDF through the regularised incomplete beta function
// (I_x(a, b) by Lentz's continued fraction, Numerical Recipes 3rd ed. §6.4, with log-gamma from
// simple-statistics), and its quantile by bisection. simple-statistics gives t statistics but no
// p-values; these few lines are all the gate needs (Yuen/Welch, trimmed paired and prediction-interval tests).
import { gammaln } from 'simple-statistics';

/**
 * Continued fraction of I_x(a, b) (Numerical Recipes betacf); converges fast for x < (a+1)/(a+b+2),
 * in O(sqrt(max(a, b))) terms (NR §6.4), so the cap grows with the parameters: a large n (df in
 * the millions) needs thousands of terms, where a fixed 300 stopped short.
 */
function betaContinuedFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  d = Math.abs(d) < tiny ? tiny : d;
  d = 1 / d;
  let h = d;
  const terms = 300 + Math.ceil(10 * Math.sqrt(Math.max(a, b)));
  for (let m = 1; m <= terms; m++) {
    const m2 = 2 * m;
    for (const num of [(m * (b - m) * x) / ((a + m2 - 1) * (a + m2)), (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1))]) {
      d = 1 + num * d;
      d = Math.abs(d) < tiny ? tiny : d;
      c = 1 + num / c;
      c = Math.abs(c) < tiny ? tiny : c;
      d = 1 / d;
      h *= d * c;
    }
    if (Math.abs(d * c - 1) < 1e-14) break;
  }
  return h;
}

/** Regularised incomplete beta I_x(a, b) for x in [0, 1], a, b > 0. */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(gammaln(a + b) - gammaln(a) - gammaln(b) + a * Math.log(x) + b * Math.log(1 - x));
  return x < (a + 1) / (a + b + 2) ? (front * betaContinuedFraction(x, a, b)) / a : 1 - (front * betaContinuedFraction(1 - x, b, a)) / b;
}

/**
 * P(|T| >= |t|), the two-sided p-value, computed as the tail itself: 1 - P(T <= |t|) cancels to 0
 * once the tail is below 1e-16, while the tail goes on down to the smallest double.
 */
export function studentTTwoSided(t: number, df: number): number {
  if (Number.isNaN(t) || !(df > 0)) return NaN;
  if (!Number.isFinite(t)) return 0;
  return Math.min(1, incompleteBeta(df / (df + t * t), df / 2, 0.5));
}

/** P(T <= t) for Student's t with df > 0 degrees of freedom (df may be fractional, as Welch's). */
export function studentTCdf(t: number, df: number): number {
  const tail = 0.5 * studentTTwoSided(t, df);
  return t > 0 ? 1 - tail : tail;
}

/**
 * The t with P(T <= t) = p, by bisection on the lower tail (p > 1/2 by symmetry, so a p near 1 is
 * as exact as one near 0), within a bracket doubled until it holds the answer (df = 1 at p = 1e-12
 * is t = -3.2e11). NaN for p outside (0, 1) or df <= 0.
 */
export function studentTQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1) || !(df > 0)) return NaN;
  if (p > 0.5) return -studentTQuantile(1 - p, df);
  if (p === 0.5) return 0;
  const lower = (t: number) => 0.5 * studentTTwoSided(t, df);
  let lo = -1;
  while (lower(lo) > p && lo > -1e300) lo *= 2;
  let hi = 0;
  for (let i = 0; i < 2000 && hi - lo > 1e-12 * Math.max(1, Math.abs(lo)); i++) {
    const mid = (lo + hi) / 2;
    if (lower(mid) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
