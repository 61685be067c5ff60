// Several sockperf flows pooled, on two real full logs captured from one native run (two ping-pong
// clients at once on loopback, 3,000 messages/s each, one sharing its server's CPU): the pooled
// percentiles are those of the merged samples, not an average of the flows' own.
import { readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { latencyFigures } from '../../../harness/stats/latency.ts';
import { readSockperfRun } from '../../../harness/workloads/sockperf-outcome.ts';
import { poolSockperfFlows, type SockperfFlow } from '../../../harness/workloads/sockperf-pool.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8');

function flow(n: number): SockperfFlow {
  const read = readSockperfRun(fixture(`sockperf-tcp-flow${n}.txt`), fixture(`sockperf-tcp-flow${n}.csv`));
  if (!read.ok) throw new Error(read.reason);
  return read.value;
}

test('two real flows: the pooled p99 is the p99 of the concatenated samples, not the mean of the two', () => {
  const [a, b] = [flow(1), flow(2)];
  const pooled = poolSockperfFlows([a, b]);
  const concatenated = [...a.log.rttUs, ...b.log.rttUs];
  assert.equal(pooled.rttUs, concatenated);
  const [fa, fb, all, own] = [latencyFigures(a.log.rttUs)!, latencyFigures(b.log.rttUs)!, latencyFigures(concatenated)!, latencyFigures(pooled.rttUs)!];
  assert.is(own.p99Us, all.p99Us);
  assert.is(own.p50Us, all.p50Us);
  // The two flows' tails differ (one shared its server's CPU), and so the average of their p99s is no pooled p99.
  assert.ok(Math.abs(fa.p99Us - fb.p99Us) > 1, `${fa.p99Us} ${fb.p99Us}`);
  assert.ok(Math.abs(all.p99Us - (fa.p99Us + fb.p99Us) / 2) > 1, `${all.p99Us} vs ${(fa.p99Us + fb.p99Us) / 2}`);
  // Enough samples beyond p99 for the tail rule (harness/stats/tail.ts: 1,000 requests).
  assert.ok(pooled.rttUs.length >= 1000 && pooled.rttUs.length === a.log.rttUs.length + b.log.rttUs.length);
  assert.ok(all.maxUs === Math.max(fa.maxUs, fb.maxUs));
});

test('rates add up over each flow\'s valid phase; the mean is over every sample; phases and counts kept', () => {
  const [a, b] = [flow(1), flow(2)];
  const pooled = poolSockperfFlows([a, b]);
  const rate = (f: SockperfFlow) => f.log.rttUs.length / f.summary.validRunTimeS;
  assert.equal(pooled.rates, [rate(a), rate(b)]);
  assert.ok(Math.abs(pooled.transactionsPerS - (rate(a) + rate(b))) < 1e-9);
  const sum = [...a.log.rttUs, ...b.log.rttUs].reduce((x, y) => x + y, 0);
  assert.ok(Math.abs(pooled.meanUs - sum / pooled.rttUs.length) < 1e-9);
  assert.equal([pooled.shortestS, pooled.longestS], [0.547, 0.55]);
  assert.equal([pooled.sentMessages, pooled.droppedMessages, pooled.version], [1636 + 1650, 0, '3.7-no.git']);
});

test('no flows is a programming error', () => {
  assert.throws(() => poolSockperfFlows([]), /no flows/);
});

test.run();
