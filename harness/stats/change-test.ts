// How much a metric changed between a baseline and a candidate, with a two-sided p-value and an
// interval, in one of three designs (the unit of variation is named by the design):
// - independent: repetitions of two runs; Yuen's (1974) trimmed-mean t-test (Biometrika
//   61:165-170), Welch's (1947) test on 20%-trimmed means with winsorized variances;
// - paired: repetitions of one interleaved run, baseline and candidate measured back to back in
//   each repetition; the same trimmed t on the per-repetition differences (one-sample form);
// - prediction: one candidate run against the run-level values of N earlier runs (the run is the
//   unit); the prediction interval for one new observation, x̄ ± t(n-1) s sqrt(1 + 1/n)
//   (Hahn & Meeker 1991, "Statistical Intervals", §4.7), read as a test.
// Why trimmed: one disturbed repetition in five (a timer or deferred kernel work landing inside a
// window: −3% on the instruction clock, where the others agree to 0.02%) made a plain t-test's
// variance so large that a 1% change among the other four pairs came out p = 0.5. With 20% trimming
// (Wilcox 2012, "Introduction to Robust Estimation and Hypothesis Testing", §4.5-5.3: γ = 0.2 keeps
// power near the t-test's for normal data) g = floor(0.2 n) values leave each end: none for n <= 4,
// where the tests are exactly Student's and Welch's, one for n = 5..9.
// Positive values are compared on the log scale, so the change is a ratio (of geometric means) and
// multiplicative noise is symmetric; values that can be zero (counts, loss) on their own scale.
// The interval has level 1 - 2*alpha: inside ±threshold it is Schuirmann's (1987) two one-sided
// tests at alpha (J. Pharmacokin. Biopharm. 15:657-680), the equivalence test behind "unchanged".
import { mean, sampleVariance } from 'simple-statistics';
import { studentTTwoSided, studentTQuantile } from './t-distribution.ts';

export type Design = 'independent' | 'paired' | 'prediction';

export interface ChangeTest {
  design: Design;
  /** ratio: estimate and interval are % changes; difference: in the metric's unit. */
  scale: 'ratio' | 'difference';
  estimate: number;
  /** Two-sided p-value of "no change"; NaN when the design has too few values. */
  pValue: number;
  df: number;
  /** Interval of the change at `level` (= 1 - 2 alpha), same units as estimate. */
  low: number;
  high: number;
  level: number;
}

interface Core { diff: number; se: number; df: number }

function finish(design: Design, scale: ChangeTest['scale'], c: Core | null, alpha: number): ChangeTest {
  // alpha >= 1/2 gives a level <= 0: an interval whose ends cross, and an equivalence test that holds for anything.
  if (!(alpha > 0 && alpha < 0.5)) throw new RangeError(`change test: alpha ${alpha} is outside (0, 0.5)`);
  const level = 1 - 2 * alpha;
  if (!c || !Number.isFinite(c.diff) || !(c.df > 0)) return { design, scale, estimate: c?.diff ?? NaN, pValue: NaN, df: NaN, low: NaN, high: NaN, level };
  const back = (x: number) => (scale === 'ratio' ? Math.expm1(x) * 100 : x);
  let pValue: number;
  let half: number;
  if (c.se === 0) {
    [pValue, half] = [c.diff === 0 ? 1 : 0, 0];
  } else {
    pValue = studentTTwoSided(c.diff / c.se, c.df);
    half = studentTQuantile(1 - alpha, c.df) * c.se;
  }
  return { design, scale, estimate: back(c.diff), pValue, df: c.df, low: back(c.diff - half), high: back(c.diff + half), level };
}

const onScale = (xs: readonly number[], scale: ChangeTest['scale']) => (scale === 'ratio' ? xs.map(Math.log) : [...xs]);
const scaleOf = (...groups: (readonly number[])[]) => (groups.every((g) => g.every((x) => x > 0)) ? ('ratio' as const) : ('difference' as const));
const variance = (xs: readonly number[]) => (xs.length > 1 ? sampleVariance([...xs]) : NaN);

/** Fraction trimmed from each end by the repetition tests (Wilcox 2012: 0.2). */
export const TRIM = 0.2;

/**
 * A sample's γ-trimmed mean and the squared standard error of it, (n − 1) s_w² / (h (h − 1)), with
 * s_w² the winsorized variance, g = floor(γ n) and h = n − 2g values kept (Yuen 1974). With g = 0 it
 * is the mean and s²/n. Needs h >= 2.
 */
export function trimmedMoments(xs: readonly number[], trim = TRIM): { centre: number; se2: number; kept: number } {
  const sorted = [...xs].sort((a, b) => a - b);
  const n = sorted.length;
  const g = Math.floor(trim * n);
  const kept = n - 2 * g;
  const centre = mean(sorted.slice(g, n - g));
  const winsorized = sorted.map((x, i) => sorted[Math.min(Math.max(i, g), n - 1 - g)]!);
  // Equal values have no spread: rounding in the mean (of logs) must not invent one, or two
  // constant samples would get a p of 1e-31 instead of 0 or 1.
  const constant = sorted[g] === sorted[n - 1 - g];
  return { centre, se2: constant ? 0 : ((n - 1) * variance(winsorized)) / (kept * (kept - 1)), kept };
}

/** Yuen's trimmed t on two independent samples (each keeping >= 2 values after trimming). */
export function independentChange(baseline: readonly number[], candidate: readonly number[], alpha: number): ChangeTest {
  const scale = scaleOf(baseline, candidate);
  const [a, b] = [onScale(baseline, scale), onScale(candidate, scale)];
  if (a.length < 2 || b.length < 2) return finish('independent', scale, null, alpha);
  const [ta, tb] = [trimmedMoments(a), trimmedMoments(b)];
  const se = Math.sqrt(ta.se2 + tb.se2);
  const df = se === 0 ? ta.kept + tb.kept - 2 : (ta.se2 + tb.se2) ** 2 / (ta.se2 ** 2 / (ta.kept - 1) + tb.se2 ** 2 / (tb.kept - 1));
  return finish('independent', scale, { diff: tb.centre - ta.centre, se, df }, alpha);
}

/** Trimmed t on the differences of (baseline_i, candidate_i) pairs measured in the same repetition (n >= 2 pairs). */
export function pairedChange(pairs: readonly (readonly [number, number])[], alpha: number): ChangeTest {
  const scale = scaleOf(pairs.map((p) => p[0]), pairs.map((p) => p[1]));
  const d = pairs.map(([x, y]) => (scale === 'ratio' ? Math.log(y) - Math.log(x) : y - x));
  if (d.length < 2) return finish('paired', scale, null, alpha);
  const t = trimmedMoments(d);
  return finish('paired', scale, { diff: t.centre, se: Math.sqrt(t.se2), df: t.kept - 1 }, alpha);
}

/** One candidate run-level value against N >= 2 earlier runs' values (prediction interval). */
export function predictionChange(history: readonly number[], candidate: number, alpha: number): ChangeTest {
  const scale = scaleOf(history, [candidate]);
  const h = onScale(history, scale);
  const [c] = onScale([candidate], scale);
  if (h.length < 2 || !Number.isFinite(c)) return finish('prediction', scale, null, alpha);
  return finish('prediction', scale, { diff: c! - mean(h), se: Math.sqrt(variance(h) * (1 + 1 / h.length)), df: h.length - 1 }, alpha);
}
