// One metric's verdict between a baseline sample and a candidate sample. A change counts only when
// it is both larger than the threshold and statistically significant; with samples too small for
// the test ever to reach significance the answer is "inconclusive", not "unchanged".
import { median } from 'simple-statistics';
import { mannWhitneyU } from './mann-whitney.ts';

export type Verdict = 'improved' | 'regressed' | 'unchanged' | 'inconclusive';

export interface GateSettings {
  /** Smallest change of the median, in percent of the baseline median, that can count. */
  thresholdPct: number;
  /** Two-sided significance level of the Mann-Whitney U test. */
  alpha: number;
}

export const DEFAULT_GATE: GateSettings = { thresholdPct: 5, alpha: 0.05 };

export interface SampleComparison {
  baselineN: number;
  candidateN: number;
  baselineMedian: number;
  candidateMedian: number;
  /** (candidate median - baseline median) / |baseline median|, in percent; signed, not direction-aware. */
  changePct: number;
  /** Two-sided Mann-Whitney U p-value; NaN when a sample is empty. */
  pValue: number;
  pMethod: 'exact' | 'normal';
  verdict: Verdict;
  /** Why the verdict, in a few words (shown in reports). */
  why: string;
}

export function compareSamples(
  baseline: readonly number[],
  candidate: readonly number[],
  better: 'higher' | 'lower',
  gate: GateSettings = DEFAULT_GATE,
): SampleComparison {
  const base = baseline.filter(Number.isFinite);
  const cand = candidate.filter(Number.isFinite);
  const baselineMedian = base.length ? median(base) : NaN;
  const candidateMedian = cand.length ? median(cand) : NaN;
  const changePct = percentChange(baselineMedian, candidateMedian);
  const test = mannWhitneyU(cand, base);
  const common = { baselineN: base.length, candidateN: cand.length, baselineMedian, candidateMedian, changePct, pValue: test.pValue, pMethod: test.method };
  if (base.length === 0 || cand.length === 0) {
    return { ...common, verdict: 'inconclusive', why: `no ${base.length === 0 ? 'baseline' : 'candidate'} samples` };
  }
  if (test.minPValue >= gate.alpha) {
    return { ...common, verdict: 'inconclusive', why: `${cand.length} vs ${base.length} samples cannot reach p < ${gate.alpha} (best p ${round(test.minPValue)})` };
  }
  const significant = test.pValue < gate.alpha;
  const large = Math.abs(changePct) > gate.thresholdPct;
  if (!significant || !large) {
    const reasons = [!large && `|change| <= ${gate.thresholdPct}%`, !significant && `p >= ${gate.alpha}`].filter(Boolean);
    return { ...common, verdict: 'unchanged', why: reasons.join(', ') };
  }
  const gotBetter = better === 'higher' ? changePct > 0 : changePct < 0;
  return { ...common, verdict: gotBetter ? 'improved' : 'regressed', why: `p ${round(test.pValue)} < ${gate.alpha}, |change| > ${gate.thresholdPct}%` };
}

export function percentChange(from: number, to: number): number {
  if (from === to) return 0;
  if (from === 0) return to > 0 ? Infinity : -Infinity;
  return ((to - from) / Math.abs(from)) * 100;
}

function round(p: number): string {
  return Number(p.toPrecision(2)).toString();
}
