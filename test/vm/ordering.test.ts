// Orderings the instruction clock can assert (README, "The instruction clock"): in the built-in
// VM under TCG with icount, tcp_rr repetitions agree to ~0.02-0.2%, so a difference between two
// datapaths far larger than the spread of their repetitions is the datapath, not noise. Two boots:
// all five scenarios on both topologies (cross-node, same-node) in one, host with a known injected
// per-packet cost in the other. Each
// measurement is a fixed 5,000 transactions (netperf -l -5000, bench --work), a few seconds of
// wall time: the whole file takes minutes.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { loadResults } from '../../harness/results/load.ts';
import type { ResultsFile } from '../../harness/model/results.ts';
import { cli } from '../helpers/cli.ts';
import { removeTempDirs, tempDir } from '../helpers/temp.ts';
import { TOPOLOGIES } from '../../scenarios/index.ts';
import { pointOf } from '../../harness/core/point.ts';
import { CROSS_NODE } from '../../harness/model/point.ts';

const SAME_NODE = 'same-node';

test.after(removeTempDirs);

const COMMON = ['bench', '--vm', 'always', '--clock', 'instructions', '--workloads', 'tcp_rr', '--repeats', '3', '--work', 'rr=5000', '--no-report'];
/** bpf_loop iterations of the tax: large enough that its cost stands far above the spread. */
const INJECT_COST = 100;

async function run(args: string[]): Promise<ResultsFile> {
  const out = await tempDir('vm-order');
  const r = await cli([...COMMON, ...args, '--out', out, '--run-id', 'order1'], { timeoutMs: 3_600_000 });
  assert.is(r.exitCode, 0, `${r.stdout}\n${r.stderr}`);
  const results = await loadResults(`${out}/order1`);
  assert.equal(results.environment.clock, { kind: 'instructions', icountShift: 0, instructionsPerGuestS: 1e9 });
  return results;
}

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

let matrix: ResultsFile;

test('tcp_rr on the instruction clock: host > netkit > veth, veth-bpf > veth', async () => {
  matrix = await run(['--topology', `${CROSS_NODE},${SAME_NODE}`, '--scenarios', 'host,veth,veth-bpf,netkit,netkit-l2']);
  for (const s of ['host', 'veth', 'veth-bpf', 'netkit', 'netkit-l2']) console.log(`tcp_rr ${s}: ${rates(matrix, s).map((x) => x.toFixed(1)).join(', ')}`);
  assertAbove(matrix, 'host', 'netkit');
  assertAbove(matrix, 'netkit', 'veth');
  assertAbove(matrix, 'veth-bpf', 'veth');
});

test('same-node tcp_rr on the instruction clock: host > netkit > veth, veth-bpf > veth', () => {
  for (const s of ['host', 'veth', 'veth-bpf', 'netkit', 'netkit-l2']) console.log(`tcp_rr same-node ${s}: ${rates(matrix, s, SAME_NODE).map((x) => x.toFixed(1)).join(', ')}`);
  assertAbove(matrix, 'host', 'netkit', SAME_NODE);
  assertAbove(matrix, 'netkit', 'veth', SAME_NODE);
  assertAbove(matrix, 'veth-bpf', 'veth', SAME_NODE);
});

test('backlog passes per packet in the VM are what each scenario predicts, on both topologies', () => {
  for (const topology of [CROSS_NODE, SAME_NODE]) {
    for (const s of TOPOLOGIES[topology]!.filter((x) => ['host', 'veth', 'veth-bpf', 'netkit', 'netkit-l2'].includes(x.name))) {
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

test('netkit and netkit-l2 (the same datapath here) within 1%', () => {
  const ratio = median(rates(matrix, 'netkit-l2')) / median(rates(matrix, 'netkit'));
  console.log(`tcp_rr netkit-l2 / netkit = ${ratio.toFixed(5)}`);
  assert.ok(Math.abs(ratio - 1) < 0.01, `netkit-l2 / netkit = ${ratio}`);
});

test('an injected per-packet cost lowers host tcp_rr by what the tax program costs', async () => {
  const taxed = await run(['--scenarios', 'host', '--inject-cost', String(INJECT_COST)]);
  const [base, slow] = [median(rates(matrix, 'host')), median(rates(taxed, 'host'))];
  // On the instruction clock a guest nanosecond is an instruction (shift 0): the transaction got
  // longer by the tax program's instructions per run (its own run_time_ns / run_cnt), times the
  // runs per transaction: one, the request arriving at the server (the ACKs ride on the
  // next request and the response).
  // From the untimed pass, which the instruction clock runs once per scenario and workload.
  const nsPerRun = median(taxed.measurements.flatMap((m) => m.metrics['bpfNsPerPacket:server-wire-tax'] ?? []));
  const addedNs = 1e9 / slow - 1e9 / base;
  const expectedDrop = 1 - (1e9 / base) / (1e9 / base + nsPerRun);
  console.log(`host tcp_rr ${base.toFixed(1)} -> ${slow.toFixed(1)} (${((slow / base - 1) * 100).toFixed(2)}%) with --inject-cost ${INJECT_COST}; added ${addedNs.toFixed(0)} ns (= instructions) per transaction; tax program ${nsPerRun.toFixed(0)} ns per run; expected ${(-expectedDrop * 100).toFixed(2)}%`);
  assert.ok(slow < base, 'the tax lowers the rate');
  // The tax's run time misses the statistics' own bookkeeping and the tcx dispatch around it, so
  // the transaction grows by a little more than the program's run time.
  assert.ok(addedNs > 0.8 * nsPerRun && addedNs < 1.6 * nsPerRun, `added ${addedNs.toFixed(0)} ns per transaction, expected ${nsPerRun.toFixed(0)} to ${(1.6 * nsPerRun).toFixed(0)}`);
});

test.run();
