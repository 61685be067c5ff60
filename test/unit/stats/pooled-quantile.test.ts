import { quantileSorted } from 'simple-statistics';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { multiplicities, poolSamples, pooledQuantile } from '../../../harness/stats/pooled-quantile.ts';
import { seededRandom } from '../../helpers/random.ts';

const QS = [0, 0.001, 0.25, 0.5, 0.9, 0.99, 0.999, 1];

test('equals simple-statistics quantileSorted on the materialised merge', () => {
  const random = seededRandom(7);
  const runs = [137, 1000, 1, 512].map((n) => Array.from({ length: n }, () => Math.round(random() * 1e5) / 10));
  const pool = poolSamples(runs);
  const merged = runs.flat().sort((a, b) => a - b);
  for (const q of QS) assert.is(pooledQuantile(pool, q), quantileSorted(merged, q), `q=${q}`);
});

test('with bootstrap multiplicities: run i counted m[i] times', () => {
  const random = seededRandom(9);
  const runs = [50, 80, 20].map(() => Array.from({ length: 60 }, () => Math.floor(random() * 1000)));
  const pool = poolSamples(runs);
  const m = multiplicities(3, [0, 0, 2]);
  assert.equal(m, [2, 0, 1]);
  const merged = [...runs[0]!, ...runs[0]!, ...runs[2]!].sort((a, b) => a - b);
  for (const q of QS) assert.is(pooledQuantile(pool, q, m), quantileSorted(merged, q), `q=${q}`);
});

test('ties and a single value', () => {
  const pool = poolSamples([[5, 5, 5], [5]]);
  assert.is(pooledQuantile(pool, 0.99), 5);
  assert.is(pooledQuantile(poolSamples([[3]]), 0.5), 3);
  assert.ok(Number.isNaN(pooledQuantile(poolSamples([[]]), 0.5)));
});

test('merging is not averaging: p99 of two disjoint runs', () => {
  const low = Array.from({ length: 1000 }, (_, i) => i + 1);
  const high = Array.from({ length: 1000 }, (_, i) => i + 1001);
  const pooled = pooledQuantile(poolSamples([low, high]), 0.99);
  assert.ok(Math.abs(pooled - 1980.01) < 1e-9, String(pooled));
  const averaged = (quantileSorted(low, 0.99) + quantileSorted(high, 0.99)) / 2;
  assert.ok(Math.abs(averaged - 1490.01) < 1e-9);
});

test.run();
