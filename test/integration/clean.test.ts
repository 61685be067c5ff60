// `clean` ends the processes that keep a run's namespaces alive: in a named namespace of ours, and
// in an unnamed one that still holds an nkb- device (the name deleted, a server still inside).
// The case ../shared/cases/no-isolate-orphan-server: a --no-isolate run killed with SIGKILL
// mid-measurement leaves its iperf3 server running; after `clean` nothing of the run survives.
import { execa } from 'execa';
import { readFile, readlink } from 'node:fs/promises';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { endProcesses, findNetnsProcesses } from '../../harness/host/netns-processes.ts';
import { newRunId } from '../../harness/core/naming.ts';
import { BIN, cli } from '../helpers/cli.ts';
import { leftovers, rootNamespaceState } from '../helpers/host-state.ts';
import { removeTempDirs, tempDir } from '../helpers/temp.ts';
import { resultsWith, waitFor } from '../helpers/wait.ts';

test.after(removeTempDirs);

/** Processes whose network namespace holds a device of run `runId`. */
async function processesOfRun(runId: string): Promise<string[]> {
  const pids = (await execa('pgrep', ['.'], { reject: false })).stdout.split('\n').filter(Boolean);
  const found: string[] = [];
  for (const pid of pids) {
    const devices = await readFile(`/proc/${pid}/net/dev`, 'utf8').catch(() => '');
    if (devices.includes(`nkb-${runId}-`)) found.push(`${pid} ${(await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')).replaceAll('\0', ' ')}`);
  }
  return found;
}

test('processes are found in a named namespace of ours and in an unnamed one holding an nkb- device', async () => {
  const id = newRunId();
  const [named, orphan] = [`nkb-${id}-node0`, `nkb-${id}-node1`];
  const started: number[] = [];
  try {
    for (const ns of [named, orphan]) {
      await execa('ip', ['netns', 'add', ns]);
      await execa('ip', ['-n', ns, 'link', 'add', `nkb-${id}-w${started.length}`, 'type', 'veth', 'peer', 'name', `nkb-${id}-p${started.length}`]);
      const sleeper = execa('ip', ['netns', 'exec', ns, 'sleep', '300'], { reject: false });
      started.push(sleeper.pid!);
      await waitFor(`sleep inside ${ns}`, async () => ((await readlink(`/proc/${sleeper.pid}/exe`).catch(() => '')).endsWith('sleep') ? true : undefined), 10_000);
    }
    await execa('ip', ['netns', 'del', orphan]); // the name goes; the sleep keeps the namespace
    const found = await findNetnsProcesses([named]);
    const mine = found.filter((p) => started.includes(p.pid));
    assert.equal(mine.map((p) => p.where.replace(/-[wp]1$/, '-*1')).sort(), [named, `unnamed namespace with nkb-${id}-*1`].sort());
    const { ended, failed } = await endProcesses(mine);
    assert.is(ended.length, 2);
    assert.equal(failed, []);
    assert.equal(await processesOfRun(id), [], 'both namespaces are free to go');
  } finally {
    for (const pid of started) await execa('kill', ['-KILL', String(pid)], { reject: false });
    await execa('ip', ['netns', 'del', named], { reject: false });
  }
});

test('a --no-isolate run killed mid-measurement: clean ends its server, and nothing of the run is left', async () => {
  const out = await tempDir('orphan');
  const runId = newRunId();
  const bench = execa(process.execPath, [BIN, 'bench', '--no-isolate', '--vm', 'never', '--topology', 'cross-node', '--scenarios', 'host', '--workloads', 'tcp_stream',
    '--duration', '10', '--repeats', '1', '--no-report', '--allow-invalid', '--run-id', runId, '--out', out], { reject: false });
  // Mid-measurement: the server is up inside the run's namespace.
  await waitFor('the iperf3 server of the run', async () => ((await processesOfRun(runId)).some((p) => / iperf3 -s /.test(` ${p}`)) ? true : undefined), 60_000);
  bench.kill('SIGKILL');
  await bench;
  assert.ok((await processesOfRun(runId)).length > 0, 'the killed run left its server behind');
  // Scoped to this run: other runs may be going on on this machine (and an older netkit-bench's records no owner).
  const r = await cli(['clean', '--run', runId]);
  assert.is(r.exitCode, 0, String(r.stderr));
  assert.match(String(r.stdout), new RegExp(`ended process \\d+ iperf3 .*\\(in nkb-${runId}-node1\\)`));
  assert.match(String(r.stdout), new RegExp(`removed the owner record of run ${runId} \\(its owner, pid ${bench.pid}, is gone\\)`));
  assert.equal(await processesOfRun(runId), []);
  // Namespaces go away asynchronously once their last process is gone.
  await waitFor('the run\'s names to go', async () => ((await leftovers(runId)).length === 0 ? true : undefined), 10_000);
  assert.ok(!(await resultsWith(out, 1)), 'the run was killed before it finished a measurement');
});

// Also the test that two runs at once do not interfere (it was faults.test.ts's own pair of runs):
// both measure every repetition, and the host is as found after them.
test('clean 10 s into two live native runs (isolated, --no-isolate): both left alone, with the reason, and both measure every repetition', async () => {
  const out = await tempDir('live');
  const [isolated, open] = [newRunId(), newRunId()];
  const before = await rootNamespaceState([isolated, open]);
  // Two repetitions of tcp_rr: each is sockperf's fixed ~5 s plus its untimed pass (~4 s), so both
  // runs are still live at 10 s on any machine (four repetitions only made them outlast that longer).
  const bench = (runId: string, extra: string[]) => execa(process.execPath, [BIN, 'bench', ...extra, '--vm', 'never', '--topology', 'cross-node', '--scenarios', 'host', '--workloads', 'tcp_rr',
    '--duration', '2', '--repeats', '2', '--no-report', '--allow-invalid', '--run-id', runId, '--out', out], { reject: false });
  const started = Date.now();
  const runs = [bench(isolated, []), bench(open, ['--no-isolate'])];
  try {
    // 10 s in, and at least until the --no-isolate run's namespaces are up.
    await waitFor('the --no-isolate run under way', async () => ((await leftovers(open)).some((l) => l.startsWith('namespace')) ? true : undefined), 60_000);
    await new Promise((r) => setTimeout(r, Math.max(0, started + 10_000 - Date.now())));
    const r = await cli(['clean', '--run', `${isolated},${open}`]);
    assert.is(r.exitCode, 0, String(r.stderr));
    const lines = String(r.stdout).trim().split('\n');
    assert.is(lines.length, 2, String(r.stdout));
    const said = (id: string) => lines.find((l) => l.startsWith(`left alone run ${id}:`))!;
    assert.match(said(isolated), new RegExp(`its owner, pid ${runs[0]!.pid} \\(.*bench.*\\), is still running: nothing of it is visible here`));
    assert.match(said(open), new RegExp(`its owner, pid ${runs[1]!.pid} .*is still running: .*namespace nkb-${open}-node0`));
    for (const [i, run] of runs.entries()) {
      const done = await run;
      assert.is(done.exitCode, 0, String(done.stderr));
      const results = JSON.parse(await readFile(`${out}/${[isolated, open][i]}/results.json`, 'utf8'));
      assert.ok(results.complete);
      assert.equal(results.measurements.map((m: { state: string }) => m.state), ['ok', 'ok'], `${[isolated, open][i]}: every repetition measured`);
    }
    // Both owners released their records: nothing of either is left, and clean has nothing to say.
    assert.is(String((await cli(['clean', '--run', `${isolated},${open}`])).stdout).trim(), 'nothing to clean');
    // The root namespace as found (namespace teardown is asynchronous in the kernel).
    const state = () => rootNamespaceState([isolated, open]);
    await waitFor('host state restored', async () => ((await state()) === before ? true : undefined), 10_000).catch(() => undefined);
    assert.is(await state(), before, 'root namespace links, addresses, routes, sysctls');
  } finally {
    for (const run of runs) run.kill('SIGINT');
  }
});

test.run();
