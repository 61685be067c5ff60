import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { SCENARIOS } from '../../../scenarios/index.ts';
import { receivePathMetrics } from '../../../harness/accounting/receive-path.ts';
import type { ReceivePathCounts } from '../../../harness/model/receive-path.ts';
import { subtractCounts, tracerSets } from '../../../harness/accounting/tracers.ts';
import { parseLoaderStats } from '../../../harness/bpf/stats.ts';

const counts = (over: Partial<ReceivePathCounts> = {}): ReceivePathCounts => ({
  windowS: 2, timed: true, backlogEnqueues: 6000, backlogEnqueuesPerCpu: [3000, 3000], backlogDrops: 0,
  receivePasses: 6000, receivePassesPerCpu: [3000, 3000], wirePackets: 2000, ...over,
});

test('per packet: enqueues and receive passes over wire packets; per transaction over the window', () => {
  const m = receivePathMetrics(counts(), { transactionsPerS: 500 });
  assert.equal(m, { backlogPassesPerPacket: 3, receivePassesPerPacket: 3, backlogPassesPerTransaction: 6 });
});

test('no per-transaction figure from an untimed window or a stream; nothing without wire packets', () => {
  assert.not.ok('backlogPassesPerTransaction' in receivePathMetrics(counts({ timed: false }), { transactionsPerS: 500 }));
  assert.not.ok('backlogPassesPerTransaction' in receivePathMetrics(counts(), {}));
  assert.equal(receivePathMetrics(counts({ wirePackets: 0 }), { transactionsPerS: 500 }), {});
  assert.equal(receivePathMetrics(undefined, {}), {});
});

test('tracer filter: every namespace by cookie, the wire end where it lives, 0 elsewhere', () => {
  const veth = SCENARIOS.find((s) => s.name === 'veth')!;
  assert.equal(tracerSets(veth, 'abc123'), [
    '--set', 'netns_cookies=netns:/run/netns/nkb-abc123-node0,netns:/run/netns/nkb-abc123-node1,netns:/run/netns/nkb-abc123-pod0,netns:/run/netns/nkb-abc123-pod1',
    '--set', 'packet_ifindexes=@nkb-abc123-w0/run/netns/nkb-abc123-node0,@nkb-abc123-w1/run/netns/nkb-abc123-node1,0,0',
  ]);
});

test('loader stats line with per-CPU slots (captured from nkb-loader stats on a tracer)', () => {
  const line = '{"prog_id":23,"run_cnt":0,"run_time_ns":0,"counters":{"seen":109,"redirected":0,"passed":0,"dropped":0,"loops":0,"wire":109},"per_cpu":{"seen":[109,0],"redirected":[0,0],"passed":[0,0],"dropped":[0,0],"loops":[0,0],"wire":[109,0]}}';
  const s = parseLoaderStats(line);
  assert.equal(s.per_cpu?.seen, [109, 0]);
  const a = { events: 109, eventsPerCpu: [109, 0], wireEvents: 109 };
  assert.equal(subtractCounts(a, { events: 9, eventsPerCpu: [9, 0], wireEvents: 4 }), { events: 100, eventsPerCpu: [100, 0], wireEvents: 105 });
});

test.run();
