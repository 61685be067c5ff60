import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { summarize } from '../../../harness/results/summary.ts';
import type { Measurement } from '../../../harness/model/results.ts';

const close = (a: number | null, b: number, eps = 1e-9) => assert.ok(a !== null && Math.abs(a - b) < eps, `${a} != ${b}`);

function m(scenario: string, repetition: number, metrics: Record<string, number>, extra: Partial<Measurement> = {}): Measurement {
  return { scenario, workload: 'w', point: { topology: 'cross-node' }, repetition, state: 'ok', startedAt: '', elapsedS: 1, metrics, bpf: [], ...extra };
}
const row = (rows: ReturnType<typeof summarize>, scenario: string, metric: string) => rows.find((r) => r.scenario === scenario && r.metric === metric)!;

test('medians, ratio to host, failed measurements excluded and named', () => {
  const rows = summarize([
    m('host', 1, { throughputGbps: 10 }), m('host', 2, { throughputGbps: 12 }),
    m('veth', 1, { throughputGbps: 6 }), m('veth', 2, { throughputGbps: 5 }),
    m('veth', 3, {}, { state: 'failed', reason: 'iperf3: boom' }),
  ], 'host');
  const host = row(rows, 'host', 'throughputGbps');
  const veth = row(rows, 'veth', 'throughputGbps');
  close(host.median, 11);
  assert.is(host.value, host.median);
  assert.is(host.estimator, 'median');
  assert.is(host.ratioToHost, 1);
  close(veth.ratioToHost, 0.5);
  assert.equal([veth.n, veth.attempted, veth.state, veth.reasons], [2, 3, 'invalid', ['iperf3: boom']]);
  assert.equal([veth.unit, veth.better], ['Gbit/s', 'higher']);
  assert.is(veth.ciLow, null); // n < 3
  assert.match(veth.noInterval!, /n = 2/);
});

test('intervals: order-statistic interval of the median with its coverage, and of the paired ratios', () => {
  const host = [10, 11, 12, 13, 14];
  const ms = host.flatMap((h, i) => [m('host', i + 1, { transactionsPerS: h }), m('veth', i + 1, { transactionsPerS: h * 0.8 })]);
  const rows = summarize(ms, 'host');
  const h = row(rows, 'host', 'transactionsPerS');
  assert.equal([h.ciLow, h.ciHigh, h.ciCoverage], [10, 14, 0.9375]); // n = 5: [min, max], 93.75%, not 95%
  const v = row(rows, 'veth', 'transactionsPerS');
  close(v.ratioToHost, 0.8);
  // Every pair has exactly the ratio 0.8, so the interval of the per-repetition ratios is [0.8, 0.8].
  close(v.ratioCiLow, 0.8);
  close(v.ratioCiHigh, 0.8);
  assert.is(v.ratioCiCoverage, 0.9375);
  assert.equal(summarize(ms, 'host'), rows);
  // Nine repetitions: the narrowest pair reaching 95% is (x(2), x(8)), coverage 96.1%.
  const nine = summarize([1, 2, 3, 4, 5, 6, 7, 8, 9].map((x) => m('host', x, { transactionsPerS: x })), 'host')[0]!;
  assert.equal([nine.ciLow, nine.ciHigh], [2, 8]);
  close(nine.ciCoverage!, 1 - 20 / 512);
});

test('latency percentiles come from all repetitions merged, never averaged; max is the largest', () => {
  const low = Array.from({ length: 1000 }, (_, i) => i + 1);
  const high = Array.from({ length: 1000 }, (_, i) => i + 1001);
  const rows = summarize([
    m('host', 1, { p99Us: 990.01, maxUs: 1000 }, { samples: { latencyUs: low } }),
    m('host', 2, { p99Us: 1990.01, maxUs: 2000 }, { samples: { latencyUs: high } }),
  ], 'host');
  const p99 = row(rows, 'host', 'p99Us');
  assert.is(p99.estimator, 'pooled');
  close(p99.value, 1980.01);
  close(p99.median, 1490.01); // the per-repetition view, for spread only
  const max = row(rows, 'host', 'maxUs');
  assert.equal([max.estimator, max.value], ['pooled', 2000]);
});

test('pooled percentile intervals and paired ratio intervals', () => {
  const ms: Measurement[] = [];
  for (let r = 1; r <= 4; r++) {
    const base = Array.from({ length: 500 }, (_, i) => 10 + ((i * 7919 + r * 31) % 500) / 10);
    ms.push(m('host', r, { p50Us: 35 }, { samples: { latencyUs: base } }), m('veth', r, { p50Us: 70 }, { samples: { latencyUs: base.map((x) => x * 2) } }));
  }
  const rows = summarize(ms, 'host');
  const v = row(rows, 'veth', 'p50Us');
  close(v.ratioToHost, 2);
  close(v.ratioCiLow, 2);
  close(v.ratioCiHigh, 2);
  // The interval is over the repetitions' own percentiles (four times 35): run-to-run spread.
  const h = row(rows, 'host', 'p50Us');
  assert.equal([h.ciLow, h.ciHigh, h.ciCoverage], [35, 35, 0.875]);
});

test('BPF cost rows have no ratio (host runs no program); rows come out in display order', () => {
  const rows = summarize([
    m('veth-bpf', 1, { 'bpfNsPerPacket:node0-wire-ingress': 80, throughputGbps: 9 }),
    m('veth', 1, { throughputGbps: 8 }),
    m('host', 1, { throughputGbps: 10 }),
  ], 'host', { order: { scenarios: ['host', 'veth', 'veth-bpf'] } });
  assert.equal(rows.map((r) => `${r.scenario} ${r.metric}`), ['host throughputGbps', 'veth throughputGbps', 'veth-bpf throughputGbps', 'veth-bpf bpfNsPerPacket:node0-wire-ingress']);
  assert.is(rows[3]!.ratioToHost, null);
  assert.equal([rows[3]!.unit, rows[3]!.better], ['ns', 'lower']);
});

test('without a baseline there is no ratio; a group with no metric still has a row', () => {
  assert.is(summarize([m('veth', 1, { throughputGbps: 5 })], 'host')[0]!.ratioToHost, null);
  const failed = summarize([m('veth', 1, {}, { state: 'failed', reason: 'x' })], 'host');
  assert.equal([failed[0]!.metric, failed[0]!.state, failed[0]!.n], ['-', 'failed', 0]);
});

test.run();
