// How much a metric changed between a baseline and a candidate, with a two-sided p-value and an
// interval, in one of three designs (the unit of variation is named by the design):
// - independent: repetitions of two runs; Welch's t-test (Welch 1947, Biometrika 34:28-35);
// - paired: repetitions of one interleaved run, baseline and candidate measured back to back in
//   each repetition; Student's paired t-test on the per-repetition differences;
// - prediction: one candidate run against the run-level values of N earlier runs (the run is the
//   unit); the prediction interval for one new observation, x̄ ± t(n-1) s sqrt(1 + 1/n)
//   (Hahn & Meeker 1991, "Statistical Intervals", §4.7), read as a test.
// Positive values are compared on the log scale, so the change is a ratio (of geometric means) and
// multiplicative noise is symmetric; values that can be zero (counts, loss) on their own scale.
// The interval has level 1 - 2*alpha: inside ±threshold it is Schuirmann's (1987) two one-sided
// tests at alpha (J. Pharmacokin. Biopharm. 15:657-680), the equivalence test behind "unchanged".
import { mean, sampleVariance } from 'simple-statistics';
import { studentTCdf, studentTQuantile } from './t-distribution.ts';

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
  const level = 1 - 2 * alpha;
  if (!c || !Number.isFinite(c.diff) || !(c.df > 0)) return { design, scale, estimate: c?.diff ?? NaN, pValue: NaN, df: NaN, low: NaN, high: NaN, level };
  const back = (x: number) => (scale === 'ratio' ? Math.expm1(x) * 100 : x);
  let pValue: number;
  let half: number;
  if (c.se === 0) {
    [pValue, half] = [c.diff === 0 ? 1 : 0, 0];
  } else {
    pValue = Math.min(1, 2 * (1 - studentTCdf(Math.abs(c.diff / c.se), c.df)));
    half = studentTQuantile(1 - alpha, c.df) * c.se;
  }
  return { design, scale, estimate: back(c.diff), pValue, df: c.df, low: back(c.diff - half), high: back(c.diff + half), level };
}

const onScale = (xs: readonly number[], scale: ChangeTest['scale']) => (scale === 'ratio' ? xs.map(Math.log) : [...xs]);
const scaleOf = (...groups: (readonly number[])[]) => (groups.every((g) => g.every((x) => x > 0)) ? ('ratio' as const) : ('difference' as const));
const variance = (xs: readonly number[]) => (xs.length > 1 ? sampleVariance([...xs]) : NaN);

/** Welch's t on two independent samples (each n >= 2). */
export function independentChange(baseline: readonly number[], candidate: readonly number[], alpha: number): ChangeTest {
  const scale = scaleOf(baseline, candidate);
  const [a, b] = [onScale(baseline, scale), onScale(candidate, scale)];
  if (a.length < 2 || b.length < 2) return finish('independent', scale, null, alpha);
  const [va, vb] = [variance(a) / a.length, variance(b) / b.length];
  const se = Math.sqrt(va + vb);
  const df = se === 0 ? a.length + b.length - 2 : (va + vb) ** 2 / (va ** 2 / (a.length - 1) + vb ** 2 / (b.length - 1));
  return finish('independent', scale, { diff: mean(b) - mean(a), se, df }, alpha);
}

/** Paired t on (baseline_i, candidate_i) pairs measured in the same repetition (n >= 2 pairs). */
export function pairedChange(pairs: readonly (readonly [number, number])[], alpha: number): ChangeTest {
  const scale = scaleOf(pairs.map((p) => p[0]), pairs.map((p) => p[1]));
  const d = pairs.map(([x, y]) => (scale === 'ratio' ? Math.log(y) - Math.log(x) : y - x));
  if (d.length < 2) return finish('paired', scale, null, alpha);
  return finish('paired', scale, { diff: mean(d), se: Math.sqrt(variance(d) / d.length), df: d.length - 1 }, alpha);
}

/** One candidate run-level value against N >= 2 earlier runs' values (prediction interval). */
export function predictionChange(history: readonly number[], candidate: number, alpha: number): ChangeTest {
  const scale = scaleOf(history, [candidate]);
  const h = onScale(history, scale);
  const [c] = onScale([candidate], scale);
  if (h.length < 2 || !Number.isFinite(c)) return finish('prediction', scale, null, alpha);
  return finish('prediction', scale, { diff: c! - mean(h), se: Math.sqrt(variance(h) * (1 + 1 / h.length)), df: h.length - 1 }, alpha);
}
