// The latency CDF weights pooled samples as the summary does: built from two repetitions whose
// kept samples stand for different numbers of requests, it passes through the summary's pooled
// p50, p90 and p99, and not through the unweighted quantiles.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Measurement } from '../../../harness/model/results.ts';
import { DEFAULT_POINT } from '../../../harness/model/point.ts';
import { summarize } from '../../../harness/results/summary.ts';
import { latencyCdfData } from '../../../harness/report/latency-cdf-data.ts';
import { latencyCdfChart } from '../../../harness/report/charts/latency.ts';
import { poolSamples, pooledQuantile } from '../../../harness/stats/pooled-quantile.ts';
import { resultsFile } from '../../helpers/synthetic-results.ts';

/** A repetition that kept `kept` samples (evenly from `from` to `from + spread`) of `collected` requests. */
function repetition(repetition: number, from: number, spread: number, kept: number, collected: number): Measurement {
  const latencyUs = Array.from({ length: kept }, (_, i) => from + (spread * i) / kept);
  const sorted = [...latencyUs].sort((a, b) => a - b);
  const q = (p: number) => sorted[Math.floor(p * (kept - 1))]!;
  return {
    scenario: 'veth', workload: 'tcp_rr', point: DEFAULT_POINT, repetition, state: 'ok', startedAt: '2026-01-01T00:00:00.000Z', elapsedS: 2, bpf: [],
    metrics: { p50Us: q(0.5), p90Us: q(0.9), p99Us: q(0.99) },
    samples: { latencyUs }, sampleCounts: { latencyUs: { collected, kept } },
  };
}

// Repetition 1 kept 20,000 of 100,000 requests (each sample stands for 5); repetition 2 kept all 20,000.
const reps = [repetition(1, 10, 10, 20_000, 100_000), repetition(2, 30, 10, 20_000, 20_000)];

test('the CDF passes through the summary`s pooled percentiles, which weight repetition 1 five to one', () => {
  const rows = summarize(reps, 'veth');
  const cdf = latencyCdfData(reps);
  for (const [metric, p] of [['p50Us', 0.5], ['p90Us', 0.9], ['p99Us', 0.99]] as const) {
    const row = rows.find((r) => r.metric === metric)!;
    assert.is(row.estimator, 'pooled', metric);
    const point = cdf.find((d) => Math.abs(d.probability - p) < 1e-12)!;
    assert.ok(Number.isFinite(row.value), `${metric}: ${row.tooFewSamples}`);
    assert.is(point.latencyUs, row.value, metric);
  }
  // Unweighted, the median would sit between the repetitions (about 30 µs); weighted, 5/6 of the
  // requests are repetition 1's, so it is inside repetition 1's range (10-20 µs).
  const unweighted = pooledQuantile(poolSamples(reps.map((r) => r.samples!.latencyUs!)), 0.5);
  const median = cdf.find((d) => d.probability === 0.5)!.latencyUs;
  assert.ok(unweighted >= 19.99 && median < 20 && median > 15, `weighted ${median}, unweighted ${unweighted}`);
});

test('the chart draws those points and says how they were pooled, not "every request"', () => {
  const chart = latencyCdfChart(resultsFile('cdf001', reps))!;
  const spec = JSON.stringify(chart.spec);
  assert.not.match(spec, /every request/);
  assert.match(spec, /each kept sample weighted by the requests it stands for/);
  assert.not.match(spec, /"quantile"/, 'no unweighted quantile transform in the chart');
  const values = (chart.spec as { data: { values: unknown[] } }).data.values;
  assert.equal(values, latencyCdfData(reps));
});

test('each matrix point is a curve of its own, as each is a summary row of its own', () => {
  const elsewhere = reps.map((r) => ({ ...r, point: { topology: 'same-node' } }));
  const cdf = latencyCdfData([reps[0]!, elsewhere[1]!]);
  assert.is(new Set(cdf.map((d) => d.at)).size, 2);
  assert.equal(cdf.filter((d) => d.point === DEFAULT_POINT).map((d) => d.latencyUs), latencyCdfData([reps[0]!]).map((d) => d.latencyUs));
});

test('only ok repetitions with samples count; none gives no chart', () => {
  const failed = { ...reps[0]!, state: 'failed' as const, repetition: 3 };
  assert.equal(latencyCdfData([reps[1]!, failed]), latencyCdfData([reps[1]!]));
  assert.is(latencyCdfChart(resultsFile('cdf002', [{ ...reps[0]!, samples: {} }])), undefined);
});

test.run();
