// One metric's verdict from its change test (harness/stats/change-test.ts) and its p-value adjusted
// over the gated family (harness/stats/multiplicity.ts):
// - regressed / improved: adjusted p < alpha, and the estimated change is larger than the bound;
// - unchanged: the (1 - 2 alpha) interval of the change lies inside ±bound: two one-sided tests
//   (Schuirmann 1987), so "unchanged" is a tested claim of equivalence, never a failed test;
// - inconclusive: neither could be shown (too few values, noisy, or a small significant change).
// The bound is the threshold in percent of the baseline, but never less than the metric's absolute
// floor (harness/results/floors.ts): from a zero or near-zero baseline (0 retransmits, 0% loss) a change is
// judged in the metric's unit, never as an infinite relative change.
import type { Adjustment } from '../stats/multiplicity.ts';
import type { ChangeTest } from '../stats/change-test.ts';
import { plainNumber } from '../core/format.ts';

export type Verdict = 'improved' | 'regressed' | 'unchanged' | 'inconclusive';

export interface GateSettings {
  /** Smallest change, in percent of the baseline, that can count. */
  thresholdPct: number;
  /** Family-wise (holm) or false-discovery (bh) level over the gated rows; also the TOST level. */
  alpha: number;
  adjust: Adjustment;
}

export const DEFAULT_GATE: GateSettings = { thresholdPct: 5, alpha: 0.05, adjust: 'holm' };

export interface Judgement { verdict: Verdict; why: string }

/** The equivalence bound in the test's units: % (ratio scale) or the metric's unit (difference scale). */
export function changeBound(test: ChangeTest, baselineCentre: number, floor: number, thresholdPct: number): number {
  const centre = Math.abs(baselineCentre);
  if (test.scale === 'ratio') return Math.max(thresholdPct, centre > 0 ? (100 * floor) / centre : Infinity);
  return Math.max(floor, (thresholdPct / 100) * centre);
}

/**
 * Verdict of one row. `pAdjusted` is the row's p-value after the family adjustment (the raw p for a
 * row outside the gated family). `baselineCentre` is the baseline's median in the metric's unit (what
 * the floor is set against; the change itself is the test's estimate); `floor` the smallest absolute change that matters (0: none).
 */
export function judge(test: ChangeTest, pAdjusted: number, better: 'higher' | 'lower', baselineCentre: number, floor: number, gate: GateSettings): Judgement {
  if (!Number.isFinite(test.pValue)) return { verdict: 'inconclusive', why: `too few values for a ${test.design} test` };
  const bound = changeBound(test, baselineCentre, floor, gate.thresholdPct);
  const unit = test.scale === 'ratio' ? '%' : '';
  const b = `±${round(bound)}${unit}`;
  const level = `${round(test.level * 100)}%`;
  if (pAdjusted < gate.alpha && Math.abs(test.estimate) > bound) {
    const gotBetter = better === 'higher' ? test.estimate > 0 : test.estimate < 0;
    return { verdict: gotBetter ? 'improved' : 'regressed', why: `adjusted p ${round(pAdjusted)} < ${gate.alpha}, change beyond ${b}` };
  }
  if (test.low > -bound && test.high < bound) return { verdict: 'unchanged', why: `${level} interval inside ${b} (equivalence)` };
  if (pAdjusted < gate.alpha) return { verdict: 'inconclusive', why: `significant but within ${b}, ${level} interval not inside it` };
  return { verdict: 'inconclusive', why: `adjusted p ${round(pAdjusted)} >= ${gate.alpha}, ${level} interval not inside ${b}` };
}

/** (to - from) / |from| in percent; NaN when the baseline is zero or within the floor (say the absolute change instead). */
export function percentChange(from: number, to: number, floor = 0): number {
  if (from === to) return 0;
  if (Math.abs(from) <= floor || from === 0) return NaN;
  return ((to - from) / Math.abs(from)) * 100;
}

function round(p: number): string {
  return plainNumber(p, 2);
}
