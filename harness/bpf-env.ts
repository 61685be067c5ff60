// What BPF scenarios need from the host for the length of a run: bpffs mounted, and program run
// statistics switched on. Both are put back as found through the caller's undo stack.
import { run } from './exec.ts';
import { BPFFS } from './paths.ts';
import { isBpffsMounted, readSysctl } from './system.ts';
import type { UndoStack } from './undo.ts';

export async function prepareBpf(undo: UndoStack): Promise<void> {
  if (!(await isBpffsMounted(BPFFS))) {
    await run('mount bpffs', ['mount', '-t', 'bpf', 'bpf', BPFFS]);
    undo.push('mount bpffs', async () => void (await run('unmount bpffs', ['umount', BPFFS])));
  }
  const before = await readSysctl('kernel.bpf_stats_enabled');
  if (before !== '1') {
    await run('enable BPF run statistics', ['sysctl', '-q', '-w', 'kernel.bpf_stats_enabled=1']);
    undo.push('enable BPF run statistics', async () => void (await run('restore kernel.bpf_stats_enabled', ['sysctl', '-q', '-w', `kernel.bpf_stats_enabled=${before}`])));
  }
}
