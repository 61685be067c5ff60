// The statistics at their edges (issue 24): tied and constant samples, p-values far in the tail,
// large n, and arguments outside their meaningful range. Reference values: scipy.stats 1.x
// (t.sf, t.ppf), and the normal limit for large df.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { independentChange, pairedChange, predictionChange } from '../../../harness/stats/change-test.ts';
import { binomialHalfCdf, medianInterval, minUnitsForLevel } from '../../../harness/stats/median-interval.ts';
import { benjaminiHochbergAdjust, holmAdjust } from '../../../harness/stats/multiplicity.ts';
import { poolSamples, pooledQuantile } from '../../../harness/stats/pooled-quantile.ts';
import { studentTQuantile, studentTTwoSided } from '../../../harness/stats/t-distribution.ts';

const rel = (a: number, b: number, eps: number) => assert.ok(Math.abs(a - b) <= eps * Math.abs(b), `${a} vs ${b}`);

test('t: p-values far in the tail are the tail, not 1 - cdf rounded to 0', () => {
  rel(studentTTwoSided(40, 10), 2.2808577430857535e-12, 1e-9);
  rel(studentTTwoSided(100, 30), 1.984611796727031e-39, 1e-9);
  rel(studentTTwoSided(1e4, 3), 2.20531550229581e-12, 1e-9);
  assert.is(studentTTwoSided(Infinity, 3), 0);
  assert.is(studentTTwoSided(0, 3), 1);
});

test('t: large df (large n) reaches the normal limit; quantiles near 1 are exact', () => {
  rel(studentTTwoSided(2, 5e6), 0.045500317887330055, 1e-7); // log-gamma of 2.5e6 keeps about 9 digits
  rel(studentTQuantile(0.975, 5e6), 1.959964, 1e-6);
  rel(studentTQuantile(1 - 1e-12, 1), 318316927901.77966, 1e-9);
  rel(studentTQuantile(0.95, 2.5), 2.5582186141359355, 1e-9);
  assert.ok(Number.isNaN(studentTQuantile(1, 3)) && Number.isNaN(studentTQuantile(0.5, 0)));
});

test('change tests: constant samples, ties, a far tail and an alpha that would invert the interval', () => {
  const same = independentChange([5, 5, 5], [5, 5, 5], 0.05);
  assert.equal([same.estimate, same.pValue, same.low, same.high], [0, 1, 0, 0]);
  const shifted = independentChange([5, 5, 5], [6, 6, 6], 0.05);
  assert.is(shifted.pValue, 0);
  rel(shifted.estimate, 20, 1e-12);
  const tied = pairedChange([[10, 11], [10, 11], [10, 11], [10, 11.1]], 0.05);
  assert.ok(tied.pValue > 0 && tied.pValue < 1e-4 && tied.low <= tied.estimate && tied.estimate <= tied.high, JSON.stringify(tied));
  const far = independentChange([100, 100.001, 99.999, 100.0005, 99.9995], [110, 110.001, 109.999, 110.0005, 109.9995], 0.05);
  assert.ok(far.pValue > 0 && far.pValue < 1e-15, `p ${far.pValue}`);
  assert.ok(Number.isNaN(predictionChange([1], 2, 0.05).pValue), 'one earlier run: no test');
  for (const alpha of [0.5, 0.7, 0, -1, NaN]) assert.throws(() => independentChange([1, 2], [1, 2], alpha), /alpha/);
});

test('change tests: large n costs linear time and keeps an interval of its level', () => {
  const n = 200_000;
  const a = Array.from({ length: n }, (_, i) => 100 + ((i * 7919) % 1000) / 1000);
  const b = a.map((x) => x * 1.001);
  const t = independentChange(a, b, 0.05);
  rel(t.estimate, 0.1, 1e-3);
  assert.ok(t.low < t.estimate && t.estimate < t.high && t.pValue < 1e-10, JSON.stringify(t));
});

test('median interval: large n (0.5 ** n underflows past 1074), ties, constant samples, levels outside (0, 1)', () => {
  rel(binomialHalfCdf(1000, 2000), 0.5089195055729272, 1e-9);
  const big = medianInterval(Array.from({ length: 5000 }, (_, i) => i))!;
  assert.ok(big.k > 2400 && big.k < 2500 && big.coverage >= 0.95 && big.coverage < 0.96, JSON.stringify({ ...big }));
  assert.ok(big.low < 2499.5 && big.high > 2499.5);
  const constant = medianInterval([3, 3, 3, 3, 3, 3, 3])!;
  assert.equal([constant.low, constant.high, constant.reachesLevel], [3, 3, true]);
  const ties = medianInterval([1, 2, 2, 2, 2, 2, 9])!;
  assert.equal([ties.low, ties.high], [1, 9]);
  for (const level of [0, 1, 1.5, NaN]) assert.throws(() => medianInterval([1, 2, 3], level), /level/);
  assert.is(minUnitsForLevel(1), Infinity);
});

test('multiplicity: p-values far in the tail, ties and a single test', () => {
  assert.equal(holmAdjust([1e-300, 1e-300, 0.5]), [3e-300, 3e-300, 0.5], "as R p.adjust");
  assert.equal(benjaminiHochbergAdjust([0.01, 0.01, 0.01]), [0.01, 0.01, 0.01]);
  assert.equal(holmAdjust([0.03]), [0.03]);
  assert.equal(holmAdjust([NaN, NaN]).map(Number.isNaN), [true, true]);
});

test('pooled quantile: ties, constant runs, NaN samples, q outside [0, 1]', () => {
  const pool = poolSamples([[1, 1, 1], [1, 1], [2, NaN]]);
  assert.is(pooledQuantile(pool, 0.5), 1);
  assert.is(pooledQuantile(pool, 1), 2);
  assert.is(pooledQuantile(poolSamples([[7, 7, 7, 7]]), 0.99), 7);
  for (const q of [-0.1, 1.1, NaN]) assert.ok(Number.isNaN(pooledQuantile(pool, q)));
  assert.ok(Number.isNaN(pooledQuantile(pool, 0.5, [0, 0, 0])));
});

test.run();
