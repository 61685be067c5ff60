import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { computeStatistics } from '../../../harness/stats/statistics.ts';

const close = (a: number, b: number, eps = 1e-9) => assert.ok(Math.abs(a - b) < eps, `${a} != ${b}`);

test('known values', () => {
  const s = computeStatistics([2, 4, 4, 4, 5, 5, 7, 9]);
  assert.is(s.n, 8);
  close(s.mean, 5);
  close(s.median, 4.5);
  close(s.stddev, Math.sqrt(32 / 7));
  close(s.cvPct, (Math.sqrt(32 / 7) / 5) * 100);
  assert.is(s.min, 2);
  assert.is(s.max, 9);
});

test('one sample has no spread; none has no statistics', () => {
  assert.is(computeStatistics([3]).stddev, 0);
  assert.ok(Number.isNaN(computeStatistics([]).median));
  assert.is(computeStatistics([NaN, 1]).n, 1);
});

test.run();
