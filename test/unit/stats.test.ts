import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { computeStatistics } from '../../harness/stats.ts';
import { summarize } from '../../harness/results/summary.ts';
import type { Measurement } from '../../harness/results/schema.ts';

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

const m = (scenario: string, gbps: number, state: Measurement['state'] = 'ok'): Measurement => ({
  scenario, workload: 'tcp_stream', repetition: 1, state, startedAt: '', elapsedS: 1, metrics: state === 'failed' ? {} : { throughputGbps: gbps }, bpf: [],
});

test('summary: medians, ratio to host, failed measurements excluded and flagged', () => {
  const rows = summarize([m('host', 10), m('host', 12), m('veth', 6), m('veth', 5), m('veth', 0, 'failed')], 'host');
  const host = rows.find((r) => r.scenario === 'host')!;
  const veth = rows.find((r) => r.scenario === 'veth')!;
  close(host.median, 11);
  assert.is(host.ratioToHost, 1);
  close(veth.median, 5.5);
  close(veth.ratioToHost!, 0.5);
  assert.is(veth.n, 2);
  assert.is(veth.state, 'invalid');
});

test('summary without a baseline has no ratio', () => {
  assert.is(summarize([m('veth', 5)], 'host')[0]!.ratioToHost, null);
});

test.run();
