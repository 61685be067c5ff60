import { median } from 'simple-statistics';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { bootstrapInterval, DEFAULT_BOOTSTRAP } from '../../harness/stats/bootstrap.ts';
import { seededRandom, seedOf } from '../../harness/stats/random.ts';

const medianOf = (xs: number[]) => (d: readonly number[]) => median(d.map((i) => xs[i]!));

test('the PRNG is deterministic, uniform enough, and seeds differ by text', () => {
  const a = seededRandom(42);
  const b = seededRandom(42);
  const xs = Array.from({ length: 10_000 }, () => a());
  assert.equal(xs.slice(0, 5), Array.from({ length: 5 }, () => b()));
  assert.ok(xs.every((x) => x >= 0 && x < 1));
  const m = xs.reduce((s, x) => s + x, 0) / xs.length;
  assert.ok(Math.abs(m - 0.5) < 0.01, String(m));
  assert.is.not(seedOf('host|tcp_rr|p99Us'), seedOf('veth|tcp_rr|p99Us'));
  assert.is(seedOf('x'), seedOf('x'));
});

test('n < 3, or resampling off: no interval', () => {
  assert.is(bootstrapInterval(2, medianOf([1, 2]), DEFAULT_BOOTSTRAP), null);
  assert.is(bootstrapInterval(5, medianOf([1, 2, 3, 4, 5]), { ...DEFAULT_BOOTSTRAP, resamples: 0 }), null);
});

test('constant data: a zero-width interval at the constant', () => {
  assert.equal(bootstrapInterval(5, medianOf([7, 7, 7, 7, 7]), DEFAULT_BOOTSTRAP), { low: 7, high: 7 });
});

test('known values: for 3 and 5 distinct values the 95% interval of the median is [min, max]', () => {
  // With n = 3 the resampled median is the smallest value with probability 7/27 and the largest
  // with 7/27, both well above 2.5%; with n = 5 P(median = min) = 0.0579. So both tails sit on the extremes.
  assert.equal(bootstrapInterval(3, medianOf([10, 20, 30]), DEFAULT_BOOTSTRAP), { low: 10, high: 30 });
  assert.equal(bootstrapInterval(5, medianOf([5, 1, 4, 2, 3]), DEFAULT_BOOTSTRAP), { low: 1, high: 5 });
});

test('large n: close to the distribution-free order-statistic interval of the median', () => {
  // For 1..201 the exact 95% interval by order statistics is ranks 101 +- 1.96 * sqrt(201) / 2 ~ [87, 115].
  const xs = Array.from({ length: 201 }, (_, i) => i + 1);
  const ci = bootstrapInterval(xs.length, medianOf(xs), DEFAULT_BOOTSTRAP)!;
  assert.ok(Math.abs(ci.low - 87) <= 4 && Math.abs(ci.high - 115) <= 4, JSON.stringify(ci));
});

test('same data, same seed: the same interval; another seed: usually another', () => {
  const xs = [3.1, 2.7, 3.3, 2.9, 3.0, 3.4, 2.8];
  const a = bootstrapInterval(xs.length, medianOf(xs), DEFAULT_BOOTSTRAP);
  assert.equal(bootstrapInterval(xs.length, medianOf(xs), DEFAULT_BOOTSTRAP), a);
  const ys = Array.from({ length: 40 }, (_, i) => Math.sin(i) * 10);
  const s1 = bootstrapInterval(ys.length, medianOf(ys), { ...DEFAULT_BOOTSTRAP, seed: 1 });
  const s2 = bootstrapInterval(ys.length, medianOf(ys), { ...DEFAULT_BOOTSTRAP, seed: 2 });
  assert.is.not(JSON.stringify(s1), JSON.stringify(s2));
});

test('a statistic that is mostly undefined (zero denominators) gives no interval', () => {
  assert.is(bootstrapInterval(4, () => NaN, DEFAULT_BOOTSTRAP), null);
});

test.run();
