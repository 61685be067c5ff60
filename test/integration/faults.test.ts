// Faults a root benchmark harness must survive: each leaves the host exactly as found.
import { execa } from 'execa';
import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { BIN } from '../helpers/cli.ts';
import { leftovers, orphanIperf3Servers, rootNamespaceState } from '../helpers/host-state.ts';
import { childPids, descendants, resultsWith, running, waitFor } from '../helpers/wait.ts';
import { removeTempDirs, tempDir } from '../helpers/temp.ts';
import { OWNERS_DIR } from '../../harness/host/run-owner.ts';
import { newRunId } from '../../harness/core/naming.ts';

const outDir = () => tempDir('fault');
// No report at the end: none of these asserts it (workloads.test.ts's CLI run writes one; report-cli.test.ts checks every format).
// 1 s measurements: a fault lands after the first of four, while the rest (each a build, an idle
// baseline, the measurement and its untimed pass, ~6 s) are still to come.
const start = (out: string, runId: string, extra: string[] = []) =>
  execa(process.execPath, [BIN, 'bench', '--vm', 'never', '--topology', 'cross-node', '--scenarios', 'host', '--workloads', 'tcp_stream', '--duration', '1', '--repeats', '4', '--no-report', '--run-id', runId, '--out', out, ...extra], { reject: false });

/**
 * The host as found, as far as these runs go: the root namespace's state and netkit-bench's names,
 * both read for these run ids only (nkb-<id>...), so other runs live on the machine meanwhile
 * never fail the comparison; and no iperf3 server left without an owner.
 */
async function expectHostAsFound(before: { state: string; runIds: string[] }) {
  const state = () => rootNamespaceState(before.runIds);
  // Namespace teardown is asynchronous in the kernel (cleanup_net); give it a moment.
  await waitFor('host state restored', async () => ((await state()) === before.state ? true : undefined), 10_000).catch(() => undefined);
  assert.is(await state(), before.state, 'root namespace links, addresses, routes, sysctls');
  for (const id of before.runIds) assert.equal(await leftovers(id), []);
  assert.equal(await orphanIperf3Servers(), [], 'no iperf3 server left');
}

const snapshot = async (...runIds: string[]) => ({ state: await rootNamespaceState(runIds), runIds });

test.after(removeTempDirs);

test('SIGINT mid-run: teardown, results kept and marked incomplete, exit 130', async () => {
  const id = newRunId();
  const before = await snapshot(id);
  const out = await outDir();
  const bench = start(out, id);
  await waitFor('a first measurement', () => resultsWith(out, 1));
  bench.kill('SIGINT');
  const r = await bench;
  assert.is(r.exitCode, 130, String(r.stderr));
  const { results } = (await resultsWith(out, 1))!;
  assert.is(results.complete, false);
  assert.ok(results.measurements.length >= 1 && results.measurements.length < 4);
  await expectHostAsFound(before);
});

test('SIGKILL of the process the user started: the run stops its measurement, tears down, nothing left', async () => {
  const id = newRunId();
  const before = await snapshot(id);
  const out = await outDir();
  // One long measurement: finishing it would take 20 s; stopping it takes a signal and a teardown.
  const bench = start(out, id, ['--repeats', '1', '--duration', '20']);
  const [client] = await waitFor('the measuring iperf3 client', async () => {
    const list = (await descendants(bench.pid!)).filter((p) => / iperf3 (-[46] )?-c /.test(` ${p.command} `));
    return list.length ? list : undefined;
  });
  const [unshare] = await childPids(bench.pid!);
  // PID 1 of the run's namespace: it ends only once the kernel has ended every process in it
  // (zap_pid_ns_processes), whereas unshare, killed by its own parent-death signal, ends at once.
  const [inner] = await childPids(unshare!);
  const killedAt = Date.now();
  bench.kill('SIGKILL');
  await bench;
  await waitFor('the isolated run to end', async () => (!(await running(inner!)) ? true : undefined));
  const stoppedAfterS = (Date.now() - killedAt) / 1000;
  // The bound is the mechanism's, not the machine's: the run ended before its measurement could have.
  assert.ok(stoppedAfterS < 20, `the measurement ran on: the run ended ${stoppedAfterS.toFixed(1)} s after the kill`);
  assert.not.ok(await running(client!.pid), 'the client is gone');
  const { runId, results } = (await resultsWith(out, 0))!;
  assert.is(results.complete, false, 'stopped, not finished');
  assert.is(results.measurements.length, 0, 'the interrupted measurement is not recorded as if whole');
  await expectHostAsFound(before);
  // The owner's record is the one thing a SIGKILLed owner cannot take away: clean takes it, as the
  // owner is gone, and the host is as found.
  const record = join(OWNERS_DIR, `${runId}.json`);
  const clean = await execa(process.execPath, [BIN, 'clean', '--run', runId], { reject: false });
  assert.is(clean.exitCode, 0, clean.stderr);
  assert.match(clean.stdout, `removed the owner record of run ${runId}`);
  assert.is(await access(record).then(() => true, () => false), false, 'owner record left behind');
});

test('SIGKILL of the run itself (PID 1 of its namespace): the kernel removes everything', async () => {
  const id = newRunId();
  const before = await snapshot(id);
  const out = await outDir();
  const bench = start(out, id);
  await waitFor('a first measurement', () => resultsWith(out, 1));
  const [unshare] = await childPids(bench.pid!);
  const [inner] = await childPids(unshare!);
  process.kill(inner!, 'SIGKILL');
  const r = await bench;
  assert.is.not(r.exitCode, 0);
  const results = JSON.parse(await readFile(join(out, (await resultsWith(out, 1))!.runId, 'results.json'), 'utf8'));
  assert.is(results.complete, false, 'what was measured is kept, whole');
  await expectHostAsFound(before);
});

test('a server that dies mid-measurement: that measurement fails, the run carries on', async () => {
  const id = newRunId();
  const before = await snapshot(id);
  const out = await outDir();
  const bench = start(out, id, ['--repeats', '2', '--duration', '4']);
  // This run's server, found in its own process tree: other runs on the machine have theirs.
  const server = await waitFor('the iperf3 server', async () => (await descendants(bench.pid!)).find((p) => / iperf3 (-[46] )?-s /.test(` ${p.command} `))?.pid);
  await new Promise((r) => setTimeout(r, 2500));
  process.kill(server, 'SIGKILL');
  const r = await bench;
  assert.is(r.exitCode, 1, String(r.stderr));
  const { results } = (await resultsWith(out, 2))!;
  const states = results.measurements.map((m: { state: string }) => m.state);
  assert.ok(states.includes('failed') || states.includes('invalid'), states.join(','));
  assert.ok(states.includes('ok'), `the next measurement ran: ${states.join(',')}`);
  assert.is(results.complete, true);
  await expectHostAsFound(before);
});

// Two runs at once, each measuring every repetition and leaving the host as found: clean.test.ts's
// 'clean 10 s into two live native runs' (an isolated and a --no-isolate run side by side).

test('a namespace name already taken on the host is neither used nor removed', async () => {
  const runId = 'taken1';
  const before = await snapshot(runId);
  await execa('ip', ['netns', 'add', `nkb-${runId}-node0`]);
  try {
    const out = await outDir();
    // One repetition: the taken name meets each run at its first build; a second one only repeats it.
    const r = await execa(process.execPath, [BIN, 'bench', '--vm', 'never', '--scenarios', 'host', '--workloads', 'tcp_stream', '--quick', '--repeats', '1', '--no-report', '--run-id', runId, '--out', out], { reject: false });
    assert.is(r.exitCode, 0, String(r.stderr));
    const unisolated = await execa(process.execPath, [BIN, 'bench', '--no-isolate', '--vm', 'never', '--scenarios', 'host', '--workloads', 'tcp_stream', '--quick', '--repeats', '1', '--no-report', '--run-id', runId, '--out', await outDir()], { reject: false });
    assert.is(unisolated.exitCode, 1, 'without isolation the taken name fails the measurement');
    assert.match(String(unisolated.stderr), /nkb-taken1-node0/);
    assert.ok((await execa('ip', ['netns', 'list'])).stdout.includes(`nkb-${runId}-node0`), 'still there');
  } finally {
    await execa('ip', ['netns', 'del', `nkb-${runId}-node0`]);
  }
  await expectHostAsFound(before);
});

test('bpffs not mounted on the host: the run mounts a private one and leaves the host without', async () => {
  const out = await outDir();
  // A private mount namespace stands in for a host without bpffs, without unmounting the real one.
  const r = await execa('unshare', ['--mount', '--propagation', 'private', 'sh', '-c',
    `umount /sys/fs/bpf 2>/dev/null; grep -c ' /sys/fs/bpf bpf ' /proc/self/mounts; "$0" "${BIN}" bench --vm never --scenarios veth-bpf --workloads tcp_stream --quick --repeats 1 --no-report --out "${out}"; rc=$?; grep -c ' /sys/fs/bpf bpf ' /proc/self/mounts; exit $rc`, process.execPath], { reject: false });
  assert.is(r.exitCode, 0, String(r.stderr));
  assert.equal(String(r.stdout).split('\n').filter((l) => /^\d+$/.test(l)), ['0', '0']);
});

test.run();
