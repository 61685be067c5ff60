// The gate's pure statistics against published values: Student's t (tables), Holm and
// Benjamini-Hochberg (R's p.adjust), order-statistic coverage of the median (Conover), the
// change tests' designs and the equivalence verdict.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { judge, DEFAULT_GATE } from '../../../harness/compare/verdict.ts';
import { independentChange, pairedChange, predictionChange, trimmedMoments } from '../../../harness/stats/change-test.ts';
import { medianInterval, minUnitsForLevel, orderStatisticCoverage } from '../../../harness/stats/median-interval.ts';
import { benjaminiHochbergAdjust, holmAdjust } from '../../../harness/stats/multiplicity.ts';
import { studentTCdf, studentTQuantile } from '../../../harness/stats/t-distribution.ts';
import { samplesNeeded } from '../../../harness/stats/tail.ts';

const close = (a: number, b: number, eps: number) => assert.ok(Math.abs(a - b) <= eps, `${a} vs ${b}`);

test("Student's t: table quantiles and symmetric CDF", () => {
  close(studentTQuantile(0.975, 4), 2.776445, 1e-5);
  close(studentTQuantile(0.95, 1), 6.313752, 1e-5);
  close(studentTQuantile(0.975, 30), 2.042272, 1e-5);
  close(studentTCdf(0, 3), 0.5, 1e-12);
  close(studentTCdf(-2.776445, 4) + studentTCdf(2.776445, 4), 1, 1e-12);
});

test('Holm and Benjamini-Hochberg match R p.adjust; NaN stays out of the family', () => {
  assert.equal(holmAdjust([0.01, 0.04, 0.03, NaN, 0.005]).map((p) => Number(p.toFixed(6))), [0.03, 0.06, 0.06, NaN, 0.02]);
  assert.equal(benjaminiHochbergAdjust([0.01, 0.04, 0.03, 0.005]).map((p) => Number(p.toFixed(6))), [0.02, 0.04, 0.04, 0.02]);
});

test('order-statistic interval of the median: 3 values give [min, max] at 75%, never 95%', () => {
  const ci = medianInterval([0.9, 0.95, 1.02])!;
  assert.equal([ci.low, ci.high, ci.coverage, ci.reachesLevel], [0.9, 1.02, 0.75, false]);
  assert.is(medianInterval([5, 1, 4, 2, 3])!.coverage, 0.9375);
  assert.is(minUnitsForLevel(0.95), 6);
  close(orderStatisticCoverage(6, 1), 0.96875, 1e-12);
  const twenty = medianInterval(Array.from({ length: 20 }, (_, i) => i))!;
  assert.equal([twenty.low, twenty.high, twenty.k], [5, 14, 6]);
  close(twenty.coverage, 0.958611, 1e-6);
  assert.is(medianInterval([1]), null);
});

test('tail percentiles need 10 samples beyond them', () => {
  assert.equal([samplesNeeded(0.5), samplesNeeded(0.9), samplesNeeded(0.99), samplesNeeded(0.999)], [0, 100, 1000, 10000]);
});

test('change tests: Welch on logs, paired, prediction; identical samples are an exact zero change', () => {
  const w = independentChange([10, 11, 9, 10.5, 9.5], [9, 9.5, 8.7, 9.2, 9.1], 0.05);
  assert.is(w.scale, 'ratio');
  assert.ok(w.estimate < -7 && w.estimate > -10 && w.low < w.estimate && w.estimate < w.high);
  const same = independentChange([5, 5, 5], [5, 5, 5], 0.05);
  assert.equal([same.estimate, same.pValue, same.low, same.high], [0, 1, 0, 0]);
  const p = predictionChange([38400, 39200, 40000, 40800, 41600], 37600, 0.05);
  assert.is(p.df, 4);
  assert.ok(p.pValue > 0.05 && p.low < -5 && p.high > 0, JSON.stringify(p));
  const paired = pairedChange([[1, 1.01], [2, 2.02], [1.5, 1.516]], 0.05);
  assert.ok(paired.pValue < 0.01 && Math.abs(paired.estimate - 1) < 0.1);
  assert.is(independentChange([0, 0, 1], [1, 2, 3], 0.05).scale, 'difference');
  assert.ok(Number.isNaN(independentChange([1], [1, 2], 0.05).pValue));
});

test('trimmed tests: nothing trimmed below n = 5 (Student and Welch exactly); one of five trimmed each end', () => {
  // n = 4: g = 0, Welch's t on the logs.
  const [a, b] = [[9, 10, 11, 12], [9, 9.5, 9, 9.5]];
  const w = independentChange(a, b, 0.05);
  const moments = (xs: number[]) => {
    const l = xs.map(Math.log);
    const m = l.reduce((x, y) => x + y) / l.length;
    return { m, v: l.reduce((x, y) => x + (y - m) ** 2, 0) / (l.length - 1) / l.length };
  };
  const [ma, mb] = [moments(a), moments(b)];
  assert.ok(Math.abs(w.df - (ma.v + mb.v) ** 2 / (ma.v ** 2 / 3 + mb.v ** 2 / 3)) < 1e-9, `df ${w.df}`);
  assert.ok(Math.abs(w.estimate - Math.expm1(mb.m - ma.m) * 100) < 1e-9, `estimate ${w.estimate}`);
  const m = trimmedMoments([1, 2, 3, 4]);
  assert.equal([m.centre, m.kept], [2.5, 4]);
  assert.ok(Math.abs(m.se2 - 5 / 3 / 4) < 1e-12, String(m.se2));
  // n = 5: g = 1, h = 3. Winsorized [2, 2, 3, 4, 4]: s_w² = 1; se² = 4 · 1 / (3 · 2).
  const y = trimmedMoments([100, 2, 3, 4, -50]);
  assert.equal([y.centre, y.kept], [3, 3]);
  assert.ok(Math.abs(y.se2 - 4 / 6) < 1e-12, String(y.se2));
});

test('paired: one disturbed repetition in five does not hide a 1% change (captured instruction-clock run)', () => {
  // gate-power A/B round, host vs host+tax (--ab-inject-cost 5), tcp_rr transactions per 1e9
  // guest instructions: the third host repetition came out 3% low. A plain paired t gave p = 0.51.
  const host = [26380.212, 26372.004, 25595.872, 26376.316, 26373.811];
  const taxed = [26117.707, 26121.8, 26092.901, 26091.539, 26104.754];
  const t = pairedChange(host.map((h, i) => [h, taxed[i]!] as const), 0.05);
  assert.ok(t.pValue < 0.001, String(t.pValue));
  assert.ok(t.estimate < -0.9 && t.estimate > -1.1 && t.high < -0.5, JSON.stringify(t));
  assert.is(judge(t, t.pValue, 'higher', host[2]!, 0, { ...DEFAULT_GATE, thresholdPct: 0.5 }).verdict, 'regressed');
});

test('verdicts: unchanged needs the interval inside the bound; a zero baseline is judged against the floor', () => {
  const t = independentChange(Array(10).fill(0), [1, 2, 3, 1, 2, 1, 2, 2, 1, 2], 0.05);
  assert.is(judge(t, t.pValue, 'lower', 0, 10, DEFAULT_GATE).verdict, 'unchanged');
  assert.is(judge(t, t.pValue, 'lower', 0, 0, DEFAULT_GATE).verdict, 'regressed');
});

test.run();
