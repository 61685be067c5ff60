// Inside the built-in kernel VM (which has netkit), run the real scenario integration test for
// netkit and netkit-l2: each is built, passes traffic, shows its BPF counters and the backlog
// passes its topology predicts, and leaves nothing behind in the guest.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { PROJECT_ROOT } from '../../harness/core/paths.ts';
import { guestPathWithHostNode } from '../../harness/vm/boot/job-files.ts';
import { runInVm } from '../../harness/vm/boot/qemu.ts';
import { slowTest } from '../helpers/slow.ts';

slowTest('netkit and netkit-l2 pass traffic through their BPF programs in the guest', async () => {
  const share = await mkdtemp(join(tmpdir(), 'nkb-vmtest-'));
  const consoleLogPath = join(share, 'console.log');
  try {
    const result = await runInVm({
      argv: [process.execPath, '--import', 'tsx', join(PROJECT_ROOT, 'node_modules/uvu/bin.js'), 'test/integration', 'scenarios\\.test\\.ts$'],
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
    assert.match(log, /Passed:\s+3/);
  } finally {
    await rm(share, { recursive: true, force: true });
  }
});

test.run();
