import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { hookCostDifference } from '../../../harness/accounting/hook-cost.ts';
import type { ResultsFile } from '../../../harness/model/results.ts';

const rr = (scenario: string, repetition: number, tps: number) => ({
  scenario, workload: 'tcp_rr', repetition, state: 'ok', metrics: { transactionsPerS: tps },
  receivePath: { windowS: 2, timed: true, wirePackets: 4 * tps, backlogEnqueues: 0, backlogEnqueuesPerCpu: [], backlogDrops: 0, receivePasses: 0, receivePassesPerCpu: [] },
});
const run = (clock: unknown, pairs: [number, number][]) => ({
  environment: { clock },
  measurements: pairs.flatMap(([tc, tcx], i) => [rr('veth-tc', i + 1, tc), rr('veth-bpf', i + 1, tcx)]),
}) as unknown as ResultsFile;
const icount = { kind: 'instructions', icountShift: 0, instructionsPerGuestS: 1e9 };

test('instructions per transaction from the guest rate; difference per packet over paired repetitions', () => {
  // 1e9/2000 = 500,000 and 1e9/2002 = 499,500.5 instructions per transaction: ~500 apart, 2 packets each.
  const d = hookCostDifference(run(icount, [[2000, 2002], [2000, 2002], [2000, 2001]]), 'veth-tc', 'veth-bpf')!;
  assert.is(d.pairs, 3);
  assert.is(d.packetsPerTransaction, 2);
  assert.ok(Math.abs(d.differencePerTransaction - 499.5) < 0.1, String(d.differencePerTransaction));
  assert.ok(Math.abs(d.differencePerPacket - 249.75) < 0.1);
  assert.ok(d.resolved);
  assert.is(d.signTestP, 0.25);
});

test('pairs of both signs are not resolved; host-clock runs give nothing', () => {
  const d = hookCostDifference(run(icount, [[2000, 2002], [2002, 2000]]), 'veth-tc', 'veth-bpf')!;
  assert.not.ok(d.resolved);
  assert.ok(d.resolutionPerPacket > 0);
  assert.is(hookCostDifference(run({ kind: 'host' }, [[2000, 2002]]), 'veth-tc', 'veth-bpf'), undefined);
});

test('fixed work: packets per transaction from the pass\'s own transactions, else (older files) the --work figure', () => {
  const pass = (transactions?: number) => ({ windowS: 0.1, timed: false, wirePackets: 2000, ...(transactions ? { transactions } : {}), backlogEnqueues: 0, backlogEnqueuesPerCpu: [], backlogDrops: 0, receivePasses: 0, receivePassesPerCpu: [] });
  const fixedRun = (transactions?: number) => ({
    environment: { clock: icount },
    options: { workloadParams: { fixedWork: { rrTransactions: 5000 } } },
    measurements: [['veth-tc', 2000], ['veth-bpf', 2002]].map(([s, tps]) => ({ scenario: s, workload: 'tcp_rr', repetition: 1, state: 'ok', metrics: { transactionsPerS: tps }, receivePath: pass(transactions) })),
  }) as unknown as ResultsFile;
  // A pass of 1,000 transactions (a fifth of the 5,000 measured) counted 2,000 wire packets: 2 per transaction.
  assert.is(hookCostDifference(fixedRun(1000), 'veth-tc', 'veth-bpf')!.packetsPerTransaction, 2);
  assert.is(hookCostDifference(fixedRun(), 'veth-tc', 'veth-bpf')!.packetsPerTransaction, 0.4);
});

test.run();
