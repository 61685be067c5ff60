// Percentile bootstrap over independent units (repetitions). A statistic is a function of one
// draw: the indices of the units picked, with replacement. Resampling whole repetitions rather
// than single requests respects that requests within one run are not independent of each other.
import { quantileSorted, sampleWithReplacement } from 'simple-statistics';
import { seededRandom } from './random.ts';

export interface BootstrapOptions {
  /** Number of resamples; 2,000 keeps the 2.5% tails to about 50 draws each. */
  resamples: number;
  /** Coverage of the interval, e.g. 0.95. */
  confidence: number;
  seed: number;
}

export const DEFAULT_BOOTSTRAP: BootstrapOptions = { resamples: 2000, confidence: 0.95, seed: 1 };

/** Fewer units than this give intervals that only restate the data. */
export const MIN_UNITS = 3;

export interface Interval {
  low: number;
  high: number;
}

/**
 * The interval of `statistic` over `resamples` draws of `units` indices, or null when there are
 * too few units, resampling is off, or most draws give no finite value (a zero denominator).
 */
export function bootstrapInterval(units: number, statistic: (draw: readonly number[]) => number, opts: BootstrapOptions): Interval | null {
  if (units < MIN_UNITS || opts.resamples <= 0) return null;
  const random = seededRandom(opts.seed);
  const indices = Array.from({ length: units }, (_, i) => i);
  const values: number[] = [];
  for (let r = 0; r < opts.resamples; r++) {
    const v = statistic(sampleWithReplacement(indices, units, random));
    if (Number.isFinite(v)) values.push(v);
  }
  if (values.length < opts.resamples / 2) return null;
  values.sort((a, b) => a - b);
  const tail = (1 - opts.confidence) / 2;
  return { low: quantileSorted(values, tail), high: quantileSorted(values, 1 - tail) };
}
