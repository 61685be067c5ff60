// Several request/response flows as one measurement: rates summed, the mean weighted by each
// flow's transactions, the extremes over all flows, phases that must agree, flows spread over the
// CPU sets round robin. Pure functions, no process starts.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { flowsDisagree, PERCENTILES_NOT_POOLED, poolFlows, POOLED_PERCENTILES } from '../../../harness/workloads/flow-pool.ts';
import { flowCpus } from '../../../harness/workloads/client-servers.ts';

const flow = (transactionsPerS: number, elapsedS: number, meanUs: number, minUs = 10, maxUs = 100) => ({ transactionsPerS, elapsedS, meanUs, minUs, maxUs });

test('rates add up; the mean is over every transaction of every flow', () => {
  // 1000/s for 2 s at 50 µs (2000 transactions) and 3000/s for 2 s at 10 µs (6000): (100000 + 60000) / 8000 = 20 µs.
  const p = poolFlows([flow(1000, 2, 50, 20, 400), flow(3000, 2, 10, 5, 90)]);
  assert.is(p.transactionsPerS, 4000);
  assert.is(p.meanUs, 20);
  assert.equal([p.minUs, p.maxUs], [5, 400]);
  assert.equal(p.transactions, [2000, 6000]);
  assert.equal([p.shortestS, p.longestS], [2, 2]);
});

test('weights are transactions, not rates: a flow that ran longer counts for more', () => {
  // 100/s for 1 s (100 transactions) at 30 µs, 100/s for 3 s (300) at 10 µs: (3000 + 3000) / 400 = 15.
  assert.is(poolFlows([flow(100, 1, 30), flow(100, 3, 10)]).meanUs, 15);
});

test('fixed work: all the transactions over the longest phase, not the sum of rates', () => {
  // Three flows of 200 connections on two CPUs: the one alone on its CPU ends in 0.1 s, the two
  // sharing one in 0.2 s. Over those 0.2 s the machine did 600 connections: 3000/s, not 1000 + 1000 + 2000.
  const p = poolFlows([flow(1000, 0.2, 50), flow(2000, 0.1, 25), flow(1000, 0.2, 50)]);
  assert.is(p.spanRatePerS, 3000);
  assert.is(p.transactionsPerS, 4000);
});

test('one flow pools to itself', () => {
  const p = poolFlows([flow(12345.6, 0.41, 80.5, 30, 900)]);
  assert.equal([p.transactionsPerS, p.meanUs, p.minUs, p.maxUs], [12345.6, 80.5, 30, 900]);
  assert.throws(() => poolFlows([]), /no flows/);
});

test('phases agree within 5% of the longest or two of netperf\'s 0.01 s steps, else one line saying why', () => {
  const at = (...s: number[]) => flowsDisagree(poolFlows(s.map((e) => flow(1000, e, 10))));
  assert.is(at(1, 1, 1), undefined);
  assert.is(at(0.2, 0.22), undefined, 'two printed steps');
  assert.is(at(10, 9.6), undefined, 'within 5%');
  const why = at(0.3, 0.42);
  assert.ok(why?.includes('0.3 s to 0.42 s') && why.includes('5%') && !why.includes('\n'), why);
  assert.ok(at(10, 9.4));
});

test('percentiles are left out with the reason, every one the single-flow run reports', () => {
  assert.equal([...POOLED_PERCENTILES], ['p50Us', 'p90Us', 'p99Us']);
  assert.ok(PERCENTILES_NOT_POOLED.includes('no raw samples') && !PERCENTILES_NOT_POOLED.includes('\n'));
});

test('flow i runs on the i-th CPU of each side\'s set, round robin; without sets, on the one CPU', () => {
  const ctx = { clientCpu: 2, serverCpu: 3, clientCpus: [2, 4], serverCpus: [3, 5] };
  assert.equal([0, 1, 2, 3].map((i) => flowCpus(ctx, i)), [{ client: 2, server: 3 }, { client: 4, server: 5 }, { client: 2, server: 3 }, { client: 4, server: 5 }]);
  assert.equal(flowCpus({ clientCpu: 0, serverCpu: 1 }, 5), { client: 0, server: 1 });
  assert.equal(flowCpus({ clientCpu: 0, serverCpu: 1, clientCpus: [], serverCpus: [1] }, 1), { client: 0, server: 1 });
});

test.run();
