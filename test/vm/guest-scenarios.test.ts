// Inside the built-in kernel VM (which has netkit), run the real scenario integration tests for
// netkit and netkit-l2, cross-node and on one node (same-node, pod-to-node): each is built,
// passes traffic, shows its BPF counters and the backlog passes its topology predicts, and leaves
// nothing behind in the guest.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { PROJECT_ROOT } from '../../harness/core/paths.ts';
import { guestPathWithHostNode } from '../../harness/vm/boot/job-files.ts';
import { runInVm } from '../../harness/vm/boot/qemu.ts';
import { slowTest } from '../helpers/slow.ts';

/** Runs test/integration files matching `pattern` in the guest for netkit and netkit-l2; the guest's log. */
async function inGuest(pattern: string): Promise<string> {
  const share = await mkdtemp(join(tmpdir(), 'nkb-vmtest-'));
  const consoleLogPath = join(share, 'console.log');
  try {
    const result = await runInVm({
      argv: [process.execPath, '--import', 'tsx', join(PROJECT_ROOT, 'node_modules/uvu/bin.js'), 'test/integration', pattern],
      cwd: PROJECT_ROOT,
      // Only what the host cannot run (the rest is tested natively), so the guest run stays short.
      env: { PATH: guestPathWithHostNode(), NKB_TEST_SCENARIOS: 'netkit,netkit-l2' },
      shareDir: share,
      consoleLogPath,
      timeoutMs: 600_000,
    });
    const log = (await readFile(consoleLogPath, 'utf8')).replace(/\x1b\[[0-9;]*m/g, '');
    assert.is(result.exitCode, 0, `guest test run failed:\n${log.slice(-3000)}`);
    assert.match(log, /Skipped:\s+0/, 'no scenario may be skipped in the guest');
    return log;
  } finally {
    await rm(share, { recursive: true, force: true });
  }
}

slowTest('netkit and netkit-l2 pass traffic through their BPF programs in the guest', async () => {
  assert.match(await inGuest('^scenarios\\.test\\.ts$'), /Passed:\s+3/);
});

slowTest('same-node and pod-to-node netkit: backlog passes per packet as predicted in the guest', async () => {
  const log = await inGuest('^same-node\\.test\\.ts$');
  for (const line of log.split('\n').filter((l) => l.includes('backlog passes per packet'))) console.log(line.trim());
  assert.match(log, /Passed:\s+3/);
});

test.run();
