// Client/server CPU placement on synthetic machines: SMT siblings, cpuset-limited masks, --cpus.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { formatCpuList, parseCpuList } from '../../../harness/core/cpu-list.ts';
import { choosePlacement } from '../../../harness/cpu/placement.ts';
import type { CpuTopology } from '../../../harness/model/placement.ts';
import { parseCpusOption } from '../../../harness/cpu/request.ts';
import { UsageError } from '../../../harness/core/errors.ts';
import { wrapArgv } from '../../../harness/core/exec.ts';

/** `cores` physical cores with `threads` SMT threads each, numbered as Linux does on x86 (siblings n apart). */
function machine(cores: number, threads = 1): CpuTopology[] {
  return Array.from({ length: cores * threads }, (_, cpu) => ({ cpu, core: cpu % cores, package: 0 }));
}
const all = (t: CpuTopology[]) => t.map((x) => x.cpu);

function placed(allowed: number[], topo: CpuTopology[], request?: { client: number[]; server: number[] }) {
  const r = choosePlacement(allowed, topo, request);
  if (!r.ok) throw new Error(r.reason);
  return r.placement;
}

test('CPU lists: the kernel syntax both ways', () => {
  assert.equal(parseCpuList('0-3,8,10-11'), [0, 1, 2, 3, 8, 10, 11]);
  assert.equal(parseCpuList(' 5 '), [5]);
  for (const bad of ['', '3-1', 'a', '1,,2', '-1']) assert.is(parseCpuList(bad), undefined, bad);
  assert.is(formatCpuList([8, 0, 1, 2, 3, 10, 11]), '0-3,8,10-11');
});

test('two CPUs: 1 and 0 on distinct cores; nothing left for the harness, and it says so', () => {
  const p = placed([0, 1], machine(2));
  assert.equal([p.client, p.server], [[1], [0]]);
  assert.equal(p.harness, []);
  assert.match(p.notes.join(' '), /harness/);
});

test('four cores: single flows on 1 and 2, not CPU 0; parallel flows get two CPUs a side, and the harness only their extra ones', () => {
  const p = placed([0, 1, 2, 3], machine(4));
  assert.equal([p.client, p.server], [[1, 3], [2, 0]]);
  assert.equal(p.harness, [0, 3]);
  assert.match(p.notes.join(' '), /only parallel flows .* use: single-flow workloads keep their CPUs to themselves/);
});

test('parallel flows get parallel CPUs whenever the mask has four or more; three leave one a side, the third to the harness', () => {
  for (const [cores, threads] of [[4, 1], [5, 1], [2, 2], [4, 2], [8, 2], [16, 1]]) {
    const topo = machine(cores!, threads);
    const p = placed(all(topo), topo);
    assert.ok(p.client.length >= 2 && p.server.length >= 2, `${cores}x${threads}: ${p.client} / ${p.server}`);
    assert.ok(!p.client.some((c) => p.server.includes(c)), 'the sides are disjoint');
    assert.ok((p.client[0] !== 0 && p.server[0] !== 0) || cores === 2, 'single flows stay off CPU 0 when there is a choice');
  }
  const three = placed([0, 1, 2], machine(3));
  assert.equal([three.client, three.server, three.harness], [[1], [2], [0]]);
  assert.equal(placed([0, 1, 2, 3], machine(4, 1)).client.length, 2);
  const siblings = placed(all(machine(2, 2)), machine(2, 2));
  assert.equal([siblings.client, siblings.server], [[1, 3], [0, 2]], 'two cores of two threads: each side its own core, both threads');
});

test('SMT siblings count as one core: client and server on different physical cores', () => {
  // 4 cores x 2 threads: CPU n and n+4 are siblings.
  const p = placed(all(machine(4, 2)), machine(4, 2));
  assert.equal([p.client, p.server], [[1, 3], [2, 6]], 'a free core first for the second flow CPU, then a sibling');
  assert.ok(!p.harness.some((c) => [1, 5, 2, 6, 3, 7].includes(c)), `harness ${p.harness} stays off the used cores and their siblings`);
  const eight = placed(all(machine(8, 2)), machine(8, 2));
  assert.equal([eight.client, eight.server], [[1, 2, 3], [4, 5, 6]]);
});

test('cpuset-limited masks: only what the mask allows; one core left means siblings, one CPU means sharing', () => {
  assert.equal(placed([4, 5, 6, 7], machine(8)).client, [4, 5]);
  const siblings = placed([2, 6], machine(4, 2));
  assert.equal([siblings.client, siblings.server], [[2], [6]]);
  assert.match(siblings.notes[0]!, /SMT siblings/);
  const one = placed([3], machine(4));
  assert.equal([one.client, one.server], [[3], [3]]);
  assert.match(one.notes[0]!, /share/);
});

test('--cpus: taken as asked when the mask allows it; otherwise a reason naming the CPU', () => {
  assert.equal(placed([0, 1, 2, 3], machine(4), { client: [2, 3], server: [0] }).source, '--cpus');
  const why = (allowed: number[], request: { client: number[]; server: number[] }) => {
    const r = choosePlacement(allowed, machine(4), request);
    return r.ok ? '' : r.reason;
  };
  assert.match(why([0], { client: [0], server: [1] }), /CPU 1 is not in this process's affinity mask \(Cpus_allowed_list 0\)/);
  assert.match(why([0, 1, 2, 3], { client: [9], server: [1] }), /CPU 9 does not exist \(this machine has CPUs 0-3\)/);
  assert.match(why([0, 1, 2, 3], { client: [1, 2], server: [2] }), /CPU 2 is in both/);
});

test('--cpus syntax: CLIENT,SERVER and client=LIST,server=LIST', () => {
  assert.equal(parseCpusOption('2,3'), { client: [2], server: [3] });
  assert.equal(parseCpusOption('client=2-3,server=4,6'), { client: [2, 3], server: [4, 6] });
  assert.equal(parseCpusOption('server=1,client=0'), { client: [0], server: [1] });
  for (const bad of ['2', '2,3,4', 'client=2', 'client=x,server=1', '']) assert.throws(() => parseCpusOption(bad), (e: unknown) => e instanceof UsageError, bad);
});

test('a CPU set pins through taskset -c with a list', () => {
  assert.equal(wrapArgv(['iperf3'], { cpu: [2, 3, 5] }), ['taskset', '-c', '2-3,5', 'iperf3']);
  assert.equal(wrapArgv(['iperf3'], { cpu: 1 }), ['taskset', '-c', '1', 'iperf3']);
});

test.run();
