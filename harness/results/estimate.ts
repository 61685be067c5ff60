// The figure a summary row quotes for one metric, its bootstrap interval, and its ratio to the
// baseline with that ratio's interval. The unit of resampling is always the repetition.
import { median } from 'simple-statistics';
import type { MetricInfo } from '../metrics.ts';
import { bootstrapInterval, MIN_UNITS, type BootstrapOptions, type Interval } from '../stats/bootstrap.ts';
import { multiplicities, poolSamples, pooledQuantile, type Pool } from '../stats/pooled-quantile.ts';

/** One valid repetition's figure for a metric, and its raw samples when the metric pools them. */
export interface Repetition {
  repetition: number;
  value: number;
  samples?: readonly number[];
}

/** The statistic, as a function of a bootstrap draw (unit indices; every unit once for the point value). */
type Statistic = (draw: readonly number[]) => number;

/**
 * Pools already sorted, by the sample arrays they hold: every percentile metric of a workload
 * shares one, and sorting 100,000 samples once instead of a dozen times is most of a summary's cost.
 */
export type PoolCache = Map<string, Pool>;

function pooledFor(reps: readonly Repetition[], cache: PoolCache | undefined): Pool {
  const arrays = reps.map((r) => r.samples!);
  if (!cache) return poolSamples(arrays);
  const ids = arrays.map((a) => {
    let id = arrayIds.get(a);
    if (id === undefined) arrayIds.set(a, (id = nextId++));
    return id;
  });
  const key = ids.join(',');
  let pool = cache.get(key);
  if (!pool) cache.set(key, (pool = poolSamples(arrays)));
  return pool;
}
const arrayIds = new WeakMap<readonly number[], number>();
let nextId = 0;

function statistic(info: MetricInfo, reps: readonly Repetition[], cache?: PoolCache): { estimator: 'median' | 'pooled'; of: Statistic } {
  const pooled = info.pooled;
  if (pooled === 'max') return { estimator: 'pooled', of: (d) => Math.max(...d.map((i) => reps[i]!.value)) };
  if (pooled && reps.length > 0 && reps.every((r) => r.samples && r.samples.length > 0)) {
    const pool = pooledFor(reps, cache);
    return { estimator: 'pooled', of: (d) => pooledQuantile(pool, pooled.quantile, multiplicities(reps.length, d)) };
  }
  return { estimator: 'median', of: (d) => median(d.map((i) => reps[i]!.value)) };
}

const everyUnit = (n: number) => Array.from({ length: n }, (_, i) => i);

export function estimate(info: MetricInfo, reps: readonly Repetition[], opts: BootstrapOptions, cache?: PoolCache): { value: number; estimator: 'median' | 'pooled'; ci: Interval | null } {
  const s = statistic(info, reps, cache);
  if (reps.length === 0) return { value: NaN, estimator: s.estimator, ci: null };
  return { value: s.of(everyUnit(reps.length)), estimator: s.estimator, ci: bootstrapInterval(reps.length, s.of, opts) };
}

/** Ratio of this scenario's figure to the baseline's, paired by repetition number. */
export function ratioInterval(info: MetricInfo, reps: readonly Repetition[], baseline: readonly Repetition[], opts: BootstrapOptions, cache?: PoolCache): Interval | null {
  const pairs = reps.flatMap((r) => {
    const b = baseline.find((x) => x.repetition === r.repetition);
    return b ? [[r, b] as const] : [];
  });
  if (pairs.length < MIN_UNITS || opts.resamples <= 0) return null;
  const mine = statistic(info, pairs.map((p) => p[0]), cache);
  const base = statistic(info, pairs.map((p) => p[1]), cache);
  if (mine.estimator !== base.estimator) return null;
  return bootstrapInterval(pairs.length, (d) => mine.of(d) / base.of(d), opts);
}
