import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { latencyFigures, subsampleUniform } from '../../../harness/stats/latency.ts';
import { latencyOutcome } from '../../../harness/workloads/latency-outcome.ts';

test('percentiles of 1..1000 (linear interpolation, numpy default)', () => {
  const xs = Array.from({ length: 1000 }, (_, i) => 1000 - i);
  const f = latencyFigures(xs)!;
  assert.equal(f, { p50Us: 500.5, p90Us: 900.1, p99Us: 990.01, p999Us: 999.001, maxUs: 1000 });
  assert.is(latencyFigures([]), undefined);
});

test('uniform subsample: at most 20,000, evenly spaced, in order, untouched below the cap', () => {
  const xs = Array.from({ length: 50_000 }, (_, i) => i);
  const kept = subsampleUniform(xs);
  assert.is(kept.length, 20_000);
  assert.is(kept[0], 0);
  assert.is(kept[1], 2); // every 2.5th: 0, 2, 5, 7, 10...
  assert.is(kept[2], 5);
  assert.ok(kept[19_999]! >= 49_997);
  assert.equal(subsampleUniform([3, 1, 2]), [3, 1, 2]);
});

test('a measurement keeps percentiles from every sample and records how many it kept', () => {
  const xs = Array.from({ length: 30_000 }, (_, i) => i / 3);
  const o = latencyOutcome(xs);
  assert.is(o.metrics.maxUs, 9999 + 2 / 3);
  assert.equal(o.sampleCounts, { latencyUs: { collected: 30_000, kept: 20_000 } });
  assert.is(o.samples!.latencyUs!.length, 20_000);
});

test.run();
