// The matrix on the instruction clock (bench/matrix.ts), on the real kernel: the settings probe is
// the run's own build (buildIsProbe): a scenario the kernel will not build as specified (a veth
// pair with an MTU above ETH_MAX_MTU, 65535) is skipped with the probe's reason, not failed;
// elsewhere the same failure fails its measurements. Repetitions stop once they agree, and only
// the first of a workload's repetitions runs the unmeasured warmup.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runMatrix, type MatrixContext } from '../../harness/bench/matrix.ts';
import { newRunId } from '../../harness/core/naming.ts';
import { BPFFS, BPF_BUILD } from '../../harness/core/paths.ts';
import type { Measurement } from '../../harness/model/results.ts';
import type { Scenario } from '../../harness/scenario/types.ts';
import { tcpRr } from '../../harness/workloads/rr.ts';
import { host } from '../../scenarios/host.ts';
import { leftovers } from '../helpers/host-state.ts';
import { prepareBpf } from '../../harness/bpf/env.ts';
import { UndoStack } from '../../harness/core/undo.ts';
import type { Workload } from '../../harness/workloads/types.ts';

const unbuildable: Scenario = { ...host, name: 'host-mtu70000', linkSettings: { ...host.linkSettings, mtu: 70_000 } };

async function matrix(extra: Partial<MatrixContext>) {
  const runId = newRunId();
  const measurements: Measurement[] = [];
  const skips: [string, string][] = [];
  await runMatrix({
    plan: { runId, bpffs: BPFFS, bpfBuild: BPF_BUILD }, scenarios: [unbuildable], workloads: [tcpRr], durationS: 1, repeats: 2,
    clientCpu: 0, serverCpu: 0, signal: new AbortController().signal, log: () => undefined,
    onMeasurement: async (m) => void measurements.push(m), onSkip: (s, r) => void skips.push([s, r]), ...extra,
  });
  return { measurements, skips, left: await leftovers(runId) };
}

test('the build as the probe: a scenario that cannot be built as specified is skipped with the reason, nothing measured or left', async () => {
  const r = await matrix({ instructionClock: true, buildIsProbe: true });
  assert.equal(r.measurements, []);
  assert.is(r.skips.length, 1);
  assert.is(r.skips[0]![0], 'host-mtu70000');
  assert.match(r.skips[0]![1], /^cannot build it as specified: .*mtu 70000/);
  assert.equal(r.left, []);
});

test('without it (a probe ran before), the same failure fails every measurement of the scenario', async () => {
  const r = await matrix({});
  assert.equal(r.skips, []);
  assert.equal(r.measurements.map((m) => [m.repetition, m.state]), [[1, 'failed'], [2, 'failed']]);
  assert.equal(r.left, []);
});

test('repetitions that agree stop at the minimum; the warmup runs before the first only', async () => {
  const hostSetup = new UndoStack();
  await prepareBpf(hostSetup);
  const warm: (boolean | undefined)[] = [];
  // A stand-in client with a fixed figure: what is under test is the matrix around it.
  const steady: Workload = { ...tcpRr, run: async (ctx) => (ctx.window ? undefined : warm.push(ctx.warm), { state: 'ok', metrics: { transactionsPerS: 1000 } }) };
  const skipped: number[] = [];
  try {
    const r = await matrix({ scenarios: [host], workloads: [steady], repeats: 5, instructionClock: true, repetitionRule: { min: 3, max: 5 }, onSkipped: (_, n) => void skipped.push(n) });
    assert.equal(r.measurements.map((m) => [m.repetition, m.state]), [[1, 'ok'], [2, 'ok'], [3, 'ok']]);
    assert.equal(skipped, [2]);
    assert.equal(warm, [false, true, true]);
    assert.equal(r.left, []);
  } finally {
    await hostSetup.unwind();
  }
});

test.run();
