// The exact null distribution of Mann-Whitney's U without ties, by the classic recurrence
//   count(u; m, n) = count(u - n; m - 1, n) + count(u; m, n - 1)
// (the largest value of the pooled sample belongs to either sample). Counts stay exact in
// doubles up to C(60, 30) ~ 1.2e17 > 2^53 would not, hence the limit on the total size.

/** Beyond this many values in total, callers use the normal approximation. */
export const EXACT_LIMIT = 50;

const cache = new Map<string, Float64Array>();

/** count[u] = number of arrangements of m x's and n y's whose U (pairs x > y) equals u. */
function uCounts(m: number, n: number): Float64Array {
  const key = `${m},${n}`;
  const hit = cache.get(key);
  if (hit) return hit;
  let counts: Float64Array;
  if (m === 0 || n === 0) {
    counts = Float64Array.of(1);
  } else {
    const dropX = uCounts(m - 1, n);
    const dropY = uCounts(m, n - 1);
    counts = new Float64Array(m * n + 1);
    for (let u = 0; u <= m * n; u++) counts[u] = (u - n >= 0 ? (dropX[u - n] ?? 0) : 0) + (dropY[u] ?? 0);
  }
  cache.set(key, counts);
  return counts;
}

/** P(U <= u) under the null hypothesis, for sample sizes m and n. */
export function exactUCdf(u: number, m: number, n: number): number {
  const counts = uCounts(m, n);
  let below = 0;
  let total = 0;
  for (let k = 0; k < counts.length; k++) {
    total += counts[k]!;
    if (k <= Math.floor(u)) below += counts[k]!;
  }
  return below / total;
}
