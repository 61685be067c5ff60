// Adjusted p-values for a family of tests, so that "any row regressed" keeps its stated error rate.
// Holm (1979), "A simple sequentially rejective multiple test procedure", Scand. J. Statist. 6:65-70:
// controls the family-wise error rate (chance of one or more false alarms) at alpha, any dependence.
// Benjamini & Hochberg (1995), "Controlling the false discovery rate", JRSS B 57:289-300: controls
// the expected share of false discoveries among rejections (independent or positively dependent tests).
// Both return adjusted p-values in the input's order (as R's p.adjust); NaN p-values stay NaN and do
// not count towards the family size.

export type Adjustment = 'holm' | 'bh';

/** Holm step-down adjusted p-values: reject H_(i) when adjusted p < alpha. */
export function holmAdjust(pValues: readonly number[]): number[] {
  const order = validOrder(pValues);
  const m = order.length;
  const out = pValues.map(() => NaN);
  let running = 0;
  order.forEach((idx, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * pValues[idx]!));
    out[idx] = running;
  });
  return out;
}

/** Benjamini-Hochberg step-up adjusted p-values (q-values). */
export function benjaminiHochbergAdjust(pValues: readonly number[]): number[] {
  const order = validOrder(pValues);
  const m = order.length;
  const out = pValues.map(() => NaN);
  let running = 1;
  for (let rank = m - 1; rank >= 0; rank--) {
    const idx = order[rank]!;
    running = Math.min(running, (m / (rank + 1)) * pValues[idx]!);
    out[idx] = Math.min(1, running);
  }
  return out;
}

export function adjustPValues(pValues: readonly number[], method: Adjustment): number[] {
  return method === 'holm' ? holmAdjust(pValues) : benjaminiHochbergAdjust(pValues);
}

/** Indices of the finite p-values, smallest p first. */
function validOrder(pValues: readonly number[]): number[] {
  return pValues.map((p, i) => [p, i] as const).filter(([p]) => Number.isFinite(p)).sort((a, b) => a[0] - b[0]).map(([, i]) => i);
}
