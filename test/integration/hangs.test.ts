// Nothing hangs (issue 24): an output folder that cannot be created, and a run whose inner process
// is stuck on the CPU (the NKB_TEST_BUSY_INNER hook, harness/bench/test-hooks.ts) stopped by
// SIGTERM or orphaned by SIGKILL. Processes are found through the run's own process tree (the
// outer pid this test started, its unshare child, that one's child), never machine-wide.
import { execa } from 'execa';
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { BIN } from '../helpers/cli.ts';
import { leftovers } from '../helpers/host-state.ts';
import { childPids, running, waitFor } from '../helpers/wait.ts';
import { removeTempDirs, tempDir } from '../helpers/temp.ts';
import { OWNERS_DIR } from '../../harness/host/run-owner.ts';
import { BUSY_INNER_ENV, BUSY_INNER_LINE } from '../../harness/bench/test-hooks.ts';

test.after(removeTempDirs);

const runId = () => Math.random().toString(36).slice(2, 8).padEnd(6, '0');
const hasRecord = (id: string) => access(join(OWNERS_DIR, `${id}.json`)).then(() => true, () => false);

/** A run whose inner process spins forever; resolves once it does, with the run's three pids. */
async function stuckRun(id: string) {
  const bench = execa(process.execPath, [BIN, 'bench', '--vm', 'never', '--scenarios', 'host', '--workloads', 'tcp_stream', '--quick', '--run-id', id, '--out', await tempDir('hang')],
    { reject: false, env: { [BUSY_INNER_ENV]: '1' }, timeout: 120_000 });
  let stderr = '';
  bench.stderr!.on('data', (d: Buffer) => void (stderr += d.toString()));
  await waitFor('the inner process to spin', async () => (stderr.includes(BUSY_INNER_LINE) ? true : undefined));
  const [unshare] = await childPids(bench.pid!);
  const [inner] = await childPids(unshare!);
  assert.ok(inner && (await running(inner)), 'the inner process runs');
  // Whatever the test asserts, it leaves no spinning process of its own behind.
  const cleanup = () => [inner!, unshare!, bench.pid!].forEach((p) => { try { process.kill(p, 'SIGKILL'); } catch { /* gone */ } });
  return { bench, unshare: unshare!, inner: inner!, stderr: () => stderr, cleanup };
}

/** Waits for every pid to end; 30 s is the mechanism's bound (without it they spin for ever), not the machine's. */
const gone = (pids: number[]) => waitFor('the run to end', async () => ((await Promise.all(pids.map(running))).some(Boolean) ? undefined : true), 30_000);

test('an output folder that cannot be created (/proc/...): one line, exit 2, no hang', async () => {
  const r = await execa(process.execPath, [BIN, 'bench', '--vm', 'never', '--scenarios', 'host', '--quick', '--out', '/proc/forbidden/x'], { reject: false, timeout: 60_000 });
  assert.is(r.timedOut, false, 'the run hung');
  assert.is(r.exitCode, 2, r.stderr);
  assert.equal(r.stderr.trim().split('\n'), ['netkit-bench: output folder "/proc/forbidden/x" cannot be created: mkdir "/proc/forbidden" failed (ENOENT)']);
});

test('SIGTERM to a run whose inner process is busy: the outer escalates to SIGKILL, exit 143, nothing left', async () => {
  const id = runId();
  const run = await stuckRun(id);
  try {
    run.bench.kill('SIGTERM');
    // The processes first: execa's promise waits for the output pipes, which a live inner holds open.
    await gone([run.bench.pid!, run.unshare, run.inner]);
    const r = await run.bench;
    assert.is(r.exitCode, 143, run.stderr());
    assert.not.match(run.stderr(), /stopping, tearing down/, 'the busy inner never ran its handler: the kernel ended it');
    assert.is(await hasRecord(id), false, 'the outer process removed its owner record');
    assert.equal(await leftovers(id), []);
  } finally {
    run.cleanup();
  }
});

test('SIGKILL of the outer process while the inner is busy: its parent-death signal ends the run; clean --run leaves nothing', async () => {
  const id = runId();
  const run = await stuckRun(id);
  try {
    run.bench.kill('SIGKILL');
    await gone([run.unshare, run.inner]);
    await run.bench;
    const clean = await execa(process.execPath, [BIN, 'clean', '--run', id], { reject: false });
    assert.is(clean.exitCode, 0, clean.stderr);
    assert.match(clean.stdout, `removed the owner record of run ${id}`);
    assert.is(await hasRecord(id), false);
    assert.equal(await leftovers(id), []);
  } finally {
    run.cleanup();
  }
});

test.run();
