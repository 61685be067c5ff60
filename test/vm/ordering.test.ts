// Orderings the instruction clock can assert (README, "The instruction clock"): in the built-in
// VM under TCG with icount, tcp_rr repetitions agree to ~0.02-0.2%, so a difference between two
// datapaths far larger than the spread of their repetitions is the datapath, not noise. One boot:
// all five scenarios on both topologies (cross-node, same-node). Each measurement is a fixed 5,000
// transactions (netperf -l -5000, bench --work), a few seconds of wall time: the whole file takes
// minutes. The same run carries the VM bench's mechanism checks (rows for every scenario, records,
// one progress line per measurement, nothing left on the host). What an injected per-packet cost
// does on this clock is asserted on the gate's taxed run (test/integration/gate.test.ts).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { execa } from 'execa';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadResults } from '../../harness/results/load.ts';
import type { ResultsFile } from '../../harness/model/results.ts';
import { cli } from '../helpers/cli.ts';
import { leftovers } from '../helpers/host-state.ts';
import { once } from '../helpers/once.ts';
import { removeTempDirs, tempDir } from '../helpers/temp.ts';
import { TOPOLOGIES } from '../../scenarios/index.ts';
import { pointOf } from '../../harness/core/point.ts';
import { CROSS_NODE } from '../../harness/model/point.ts';

const SAME_NODE = 'same-node';

test.after(removeTempDirs);

const SCENARIOS = ['host', 'veth', 'veth-bpf', 'netkit', 'netkit-l2'];
const RUN_ID = 'order1';

/** The one run every test here reads: tcp_rr, every scenario, both topologies. */
const matrixRun = once(async () => {
  const out = await tempDir('vm-order');
  const r = await cli(['bench', '--vm', 'always', '--clock', 'instructions', '--workloads', 'tcp_rr', '--repeats', '3', '--work', 'rr=5000', '--no-report',
    '--topology', `${CROSS_NODE},${SAME_NODE}`, '--scenarios', SCENARIOS.join(','), '--out', out, '--run-id', RUN_ID], { timeoutMs: 3_600_000 });
  assert.is(r.exitCode, 0, `${r.stdout}\n${r.stderr}`);
  const results = await loadResults(join(out, RUN_ID));
  assert.equal(results.environment.clock, { kind: 'instructions', icountShift: 0, instructionsPerGuestS: 1e9 });
  return { out, results, stdout: String(r.stdout), stderr: String(r.stderr) };
});

/** The repetitions' transactions per guest second of a scenario on a topology. */
function rates(results: ResultsFile, scenario: string, topology = CROSS_NODE): number[] {
  const values = results.measurements.filter((m) => m.scenario === scenario && pointOf(m).topology === topology && m.state === 'ok').map((m) => m.metrics.transactionsPerS!);
  assert.ok(values.length === 3, `${scenario} (${topology}): 3 valid repetitions`);
  return values;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
/**
 * The median absolute deviation over the median: the spread of one row's repetitions, robust to
 * one repetition that a burst of guest background work (tens of millions of instructions) slowed.
 */
const spread = (xs: number[]) => median(xs.map((x) => Math.abs(x - median(xs)))) / median(xs);

/** a above b: medians apart by more than 10x the larger robust spread, and at least 0.5%. */
function assertAbove(rs: ResultsFile, a: string, b: string, topology = CROSS_NODE): void {
  const [ra, rb] = [rates(rs, a, topology), rates(rs, b, topology)];
  const gap = median(ra) / median(rb) - 1;
  const margin = Math.max(0.005, 10 * Math.max(spread(ra), spread(rb)));
  console.log(`tcp_rr ${topology} ${a} / ${b} = ${(1 + gap).toFixed(4)}; spreads ${(spread(ra) * 100).toFixed(3)}%, ${(spread(rb) * 100).toFixed(3)}%; margin ${(margin * 100).toFixed(2)}%`);
  assert.ok(gap > margin, `${a} ${ra.join(',')} not above ${b} ${rb.join(',')} by ${(margin * 100).toFixed(2)}%`);
}

test('bench --vm always: rows for every scenario on both topologies, recorded as a VM run, one progress line per measurement, nothing left on the host', async () => {
  const { out, results, stdout, stderr } = await matrixRun();
  const csv = await readFile(join(out, RUN_ID, 'results.csv'), 'utf8');
  for (const topology of [CROSS_NODE, SAME_NODE]) {
    for (const scenario of SCENARIOS) {
      assert.match(csv, new RegExp(`^${RUN_ID},vm-tcg,${scenario},tcp_rr,transactionsPerS,per 1e9 guest instructions,3,[0-9.]+,.*,${topology}$`, 'm'), `${topology} ${scenario}`);
    }
  }
  assert.ok(results.complete);
  assert.match(results.environment.kernelRelease, /^6\.12\./);
  assert.ok(results.environment.vm!.bootMs > 0);
  assert.match(stdout, /only ratios between scenarios|compare ratios/);
  // stderr is a pipe here, as in a CI log: one progress line per measurement, none rewritten in place.
  const progress = stderr.split('\n').filter((l) => /^vm( \d+\/\d+)?: \[\d+\/\d+\] /.test(l));
  assert.is(progress.length, results.measurements.length, stderr);
  assert.not.match(stderr, /\x1b\[K/);
  // Scoped to this run: other runs on the machine may hold namespaces of their own meanwhile.
  assert.equal(await leftovers(RUN_ID), []);
  // The run folder is qemu's writable share, so it names this run's qemu and no other.
  const qemu = await execa('pgrep', ['-f', `qemu-system.*${out}`], { reject: false });
  assert.is(qemu.stdout.trim(), '', 'no qemu left');
});

test('tcp_rr on the instruction clock: host > netkit > veth, veth-bpf > veth', async () => {
  const matrix = (await matrixRun()).results;
  for (const s of SCENARIOS) console.log(`tcp_rr ${s}: ${rates(matrix, s).map((x) => x.toFixed(1)).join(', ')}`);
  assertAbove(matrix, 'host', 'netkit');
  assertAbove(matrix, 'netkit', 'veth');
  assertAbove(matrix, 'veth-bpf', 'veth');
});

test('same-node tcp_rr on the instruction clock: host > netkit > veth, veth-bpf > veth', async () => {
  const matrix = (await matrixRun()).results;
  for (const s of SCENARIOS) console.log(`tcp_rr same-node ${s}: ${rates(matrix, s, SAME_NODE).map((x) => x.toFixed(1)).join(', ')}`);
  assertAbove(matrix, 'host', 'netkit', SAME_NODE);
  assertAbove(matrix, 'netkit', 'veth', SAME_NODE);
  assertAbove(matrix, 'veth-bpf', 'veth', SAME_NODE);
});

test('backlog passes per packet in the VM are what each scenario predicts, on both topologies', async () => {
  const matrix = (await matrixRun()).results;
  for (const topology of [CROSS_NODE, SAME_NODE]) {
    for (const s of TOPOLOGIES[topology]!.filter((x) => SCENARIOS.includes(x.name))) {
      const counted = matrix.measurements.flatMap((m) => (m.scenario === s.name && pointOf(m).topology === topology ? m.metrics.backlogPassesPerPacket ?? [] : []));
      console.log(`tcp_rr ${topology} ${s.name}: ${counted.map((x) => x.toFixed(3)).join(', ')} backlog passes per packet, predicted ${s.predictedBacklogPassesPerPacket}`);
      assert.is(counted.length, 1, `${topology} ${s.name}: one untimed accounting pass`);
      assert.ok(Math.abs(counted[0]! - s.predictedBacklogPassesPerPacket) < 0.2, `${topology} ${s.name}: ${counted[0]} backlog passes per packet, predicted ${s.predictedBacklogPassesPerPacket}`);
    }
  }
  // The claim on one node: plain veth takes more backlog passes than veth-bpf and netkit.
  const perPacket = (s: string) => TOPOLOGIES[SAME_NODE]!.find((x) => x.name === s)!.predictedBacklogPassesPerPacket;
  assert.ok(perPacket('veth') > perPacket('veth-bpf') && perPacket('veth') > perPacket('netkit'));
});

test('netkit and netkit-l2 (the same datapath here) within 1%', async () => {
  const matrix = (await matrixRun()).results;
  const ratio = median(rates(matrix, 'netkit-l2')) / median(rates(matrix, 'netkit'));
  console.log(`tcp_rr netkit-l2 / netkit = ${ratio.toFixed(5)}`);
  assert.ok(Math.abs(ratio - 1) < 0.01, `netkit-l2 / netkit = ${ratio}`);
});

test.run();
