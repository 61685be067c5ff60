// A quantile of several repetitions' samples merged, without materialising the merge for every
// bootstrap draw: each run is sorted once, and the k-th smallest of the (weighted) union is found
// by binary search over the values, counting with a binary search in each run. The definition is
// simple-statistics' quantileSorted (linear interpolation, numpy's default) applied to the union
// in which run i appears multiplicity[i] times, and tests hold it to exactly that. A multiplicity
// may be any non-negative real: a repetition whose samples were subsampled (kept 20,000 of
// 100,000) enters with collected/kept, so each kept sample counts for the requests it stands for.
export interface Pool {
  runs: Float64Array[];
  /** Every sample of every run, sorted: the candidates for any order statistic. */
  merged: Float64Array;
}

/** NaN samples are left out: a NaN sorts last and compares false, which would corrupt every count. */
export function poolSamples(runs: readonly (readonly number[])[]): Pool {
  const sorted = runs.map((r) => Float64Array.from(r.filter((x) => !Number.isNaN(x))).sort());
  const merged = new Float64Array(sorted.reduce((n, r) => n + r.length, 0));
  let at = 0;
  for (const r of sorted) {
    merged.set(r, at);
    at += r.length;
  }
  return { runs: sorted, merged: merged.sort() };
}

/** How many elements of a sorted array are <= v. */
function countAtMost(sorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The k-th smallest (0-based) element of the union with multiplicities. */
function kth(pool: Pool, multiplicity: readonly number[], k: number): number {
  let lo = 0;
  let hi = pool.merged.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const v = pool.merged[mid]!;
    let count = 0;
    for (let i = 0; i < pool.runs.length; i++) if (multiplicity[i]) count += multiplicity[i]! * countAtMost(pool.runs[i]!, v);
    if (count >= k + 1) hi = mid;
    else lo = mid + 1;
  }
  return pool.merged[lo]!;
}

/** Quantile q in [0, 1] of the union; NaN when it is empty or q is outside [0, 1]. Multiplicity defaults to 1 per run. */
export function pooledQuantile(pool: Pool, q: number, multiplicity?: readonly number[]): number {
  if (!(q >= 0 && q <= 1)) return NaN;
  const m = multiplicity ?? pool.runs.map(() => 1);
  const n = pool.runs.reduce((sum, r, i) => sum + r.length * (m[i] ?? 0), 0);
  if (n === 0) return NaN;
  const h = (n - 1) * q;
  const lower = Math.floor(h);
  const low = kth(pool, m, lower);
  return h === lower ? low : low + (h - lower) * (kth(pool, m, lower + 1) - low);
}

/** Multiplicity of each unit in a bootstrap draw of unit indices. */
export function multiplicities(units: number, draw: readonly number[]): number[] {
  const m = new Array<number>(units).fill(0);
  for (const i of draw) m[i]! += 1;
  return m;
}
