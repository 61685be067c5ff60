// bench --shard K/N and merge: which builds a shard runs, what it records, and what merge joins or
// refuses (one line each). Synthetic results files: no process starts.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { buildUnits, gridPoints } from '../../../harness/bench/axes.ts';
import { matrixSha256, parseShard, partKey, shardParts, shardRecord, unitsOfParts } from '../../../harness/bench/shard.ts';
import { mergeShards, type ShardInput } from '../../../harness/bench/merge.ts';
import type { Measurement, ResultsFile } from '../../../harness/model/results.ts';
import { TOPOLOGIES } from '../../../scenarios/index.ts';
import { resultsFile } from '../../helpers/synthetic-results.ts';

const scenarios = TOPOLOGIES['cross-node']!.filter((s) => ['host', 'veth', 'netkit'].includes(s.name));
const units = buildUnits(scenarios, gridPoints(['cross-node'], { msg: [1, 1024, 16384], mtu: [1500, 9000] }));
const reps = { repeats: 2 };

test('--shard K/N: every part (a build at one msg) in exactly one shard, the same cut whatever the order given', () => {
  assert.is(units.length, 6, '3 scenarios x 2 MTUs; msg is within a build');
  const parts = units.flatMap((u) => u.points.map((p) => partKey(u, p)));
  assert.is(parts.length, 18);
  assert.ok(parts.includes('host topology=cross-node,mtu=1500 msg=1024'), parts.join('|'));
  const cut = [1, 2, 3, 4].map((k) => shardParts(units, { index: k, count: 4 }));
  assert.equal(cut.flat().sort(), [...parts].sort());
  // Dealt by cost (1 + msg / 10240), the six 16 KiB parts (2.6 each) first: 7.2, 7.2, 6.9 and 6.9.
  assert.equal(cut.map((c) => c.length), [4, 4, 5, 5]);
  assert.equal(shardParts([...units].reverse(), { index: 2, count: 4 }), cut[1]);
  // A shard keeps the builds it has a part of, each with only those points.
  const kept = unitsOfParts(units, new Set(cut[0]));
  assert.is(kept.reduce((n, u) => n + u.points.length, 0), 4);
  assert.ok(kept.every((u) => u.points.every((p) => cut[0]!.includes(partKey(u, p)))));
});

test('parts are dealt by cost: 5 scenarios x 5 sizes in 2 shards take equal work, the dear sizes split; parts that cost alike go in a snake', () => {
  const defaults = (t: string) => TOPOLOGIES[t]!.filter((s) => ['host', 'veth', 'veth-bpf', 'netkit', 'netkit-l2'].includes(s.name));
  const five = buildUnits(defaults('cross-node'), gridPoints(['cross-node'], { msg: [1, 64, 1024, 16384, 65536] }));
  assert.is(five.length, 5);
  const [a, b] = [1, 2].map((k) => shardParts(five, { index: k, count: 2 }));
  const cost = (keys: string[]) => keys.reduce((c, k) => c + 1 + Number(/msg=(\d+)$/.exec(k)![1]) / 10240, 0);
  // The snake gave 13 and 12 parts, 3 and 2 of each of msg 1, 64 and 65536: 35.6 against 29.9 by this cost.
  assert.equal([a!.length, b!.length], [12, 13]);
  assert.ok(Math.abs(cost(a!) - cost(b!)) < 1, `${cost(a!)} against ${cost(b!)}`);
  assert.is(a!.filter((k) => k.endsWith(' msg=65536')).length, 3);
  // Without a workload-scope axis a part is a whole build, all alike: the snake, as the default run has them.
  const whole = buildUnits([...defaults('cross-node'), ...defaults('same-node')], gridPoints(['cross-node', 'same-node'], {}));
  assert.equal([1, 2].map((k) => shardParts(whole, { index: k, count: 2 }).length), [5, 5]);
  assert.equal(shardParts(whole, { index: 1, count: 2 }).filter((k) => k.includes('cross-node')), ['host topology=cross-node', 'netkit-l2 topology=cross-node', 'veth-bpf topology=cross-node']);
  assert.ok(shardParts(whole, { index: 1, count: 2 }).every((k) => !k.includes('msg')));
});

test('the matrix hash: the same for every shard, another for other points, workloads or repetitions', () => {
  const a = shardRecord(units, { index: 1, count: 2 }, ['tcp_rr'], reps);
  const b = shardRecord(units, { index: 2, count: 2 }, ['tcp_rr'], reps);
  assert.is(a.matrixSha256, b.matrixSha256);
  const other = buildUnits(scenarios, gridPoints(['cross-node'], { msg: [1, 1024], mtu: [1500, 9000] }));
  for (const h of [matrixSha256(other, ['tcp_rr'], reps), matrixSha256(units, ['tcp_crr'], reps), matrixSha256(units, ['tcp_rr'], { repeats: 3 })]) assert.is.not(h, a.matrixSha256);
});

test('--shard: K/N with 1 <= K <= N, else one line', () => {
  assert.equal(parseShard('2/3'), { index: 2, count: 3 });
  for (const bad of ['0/2', '3/2', '1', 'a/b', '1/0']) assert.throws(() => parseShard(bad), /--shard .* must be K\/N/);
});

const m = (scenario: string, msg: number, repetition: number, v: number): Measurement => ({
  scenario, workload: 'tcp_rr', point: { topology: 'cross-node', msg }, repetition, state: 'ok', startedAt: '2026-01-01T00:00:00.000Z', elapsedS: 1, metrics: { transactionsPerS: v }, bpf: [],
});
const shardOf = (index: number, ms: Measurement[], extra: Partial<ResultsFile> = {}): ShardInput => {
  const r = resultsFile(`shard${index}`, ms, { shard: { index, count: 2, matrixSha256: 'a'.repeat(64), builds: [] }, ...extra });
  return { dir: `dir${index}`, results: r };
};
const one = shardOf(1, [m('host', 1, 1, 100), m('host', 1, 2, 102), m('veth', 1, 1, 70), m('veth', 1, 2, 72)].filter((x) => x.scenario === 'host'));
const two = shardOf(2, [m('veth', 1, 1, 70), m('veth', 1, 2, 72)]);

test('merge: one run of every shard\'s measurements, the ratio to host computed across shards', () => {
  const r = mergeShards([two, one], 'mrgd01', ['merge']);
  assert.is(r.measurements.length, 4);
  assert.is(r.shard, undefined);
  assert.equal(r.merged!.shards.map((s) => s.runId), ['shard1', 'shard2']);
  const veth = r.summary.find((s) => s.scenario === 'veth' && s.metric === 'transactionsPerS')!;
  assert.is(veth.ratioToHost, 71 / 101);
});

test('merge refuses, in one line: another --work, a shard missing or twice, not a shard, another matrix', () => {
  const work = shardOf(2, two.results.measurements, { options: { ...two.results.options, workloadParams: { fixedWork: { rrTransactions: 9000, crrConnections: 1000, streamBytes: 1 } } } as ResultsFile['options'] });
  const cases: [ShardInput[], RegExp][] = [
    [[one, work], /differ in options\.workloadParams\.fixedWork \(--work\)/],
    [[one], /shard 2\/2 is missing/],
    [[one, two, { ...one, dir: 'again' }], /shard 1\/2 appears twice \(dir1, again\)/],
    [[one, { dir: 'plain', results: resultsFile('x', []) }], /plain is not a shard/],
    [[one, { dir: 'm', results: { ...two.results, shard: { ...two.results.shard!, matrixSha256: 'b'.repeat(64) } } }], /cut different matrices/],
    [[one, { dir: 'k', results: { ...two.results, environment: { ...two.results.environment, kernelRelease: '6.12.1' } } }], /differ in kernelRelease: 6\.8\.0-test vs 6\.12\.1/],
  ];
  for (const [inputs, want] of cases) assert.throws(() => mergeShards(inputs, 'x', []), (e: Error) => want.test(e.message) && !e.message.includes('\n'));
});

test.run();
