// What BPF scenarios need: bpffs mounted for the length of a run, and program run statistics on
// only for the BPF cost passes (harness/accounting/bpf-cost.ts), never while a measurement is timed:
// with statistics on every program run also reads the clock twice and updates per-CPU counters,
// a tax only the BPF scenarios would pay.
// Statistics are switched on with BPF_ENABLE_STATS through `nkb-loader hold-stats`, not with the
// kernel.bpf_stats_enabled sysctl: the kernel counts holders, so concurrent runs cannot switch
// each other's off, and a run that dies (its holder with it) cannot leave them on.
import { run, spawn } from '../core/exec.ts';
import { BPFFS, LOADER } from '../core/paths.ts';
import { isBpffsMounted } from '../host/system.ts';
import type { UndoStack } from '../core/undo.ts';
import { firstMeaningfulLine } from '../core/one-line.ts';

export async function prepareBpf(undo: UndoStack): Promise<void> {
  if (!(await isBpffsMounted(BPFFS))) {
    await run('mount bpffs', ['mount', '-t', 'bpf', 'bpf', BPFFS]);
    undo.push('mount bpffs', async () => void (await run('unmount bpffs', ['umount', BPFFS])));
  }
}

/** Switches BPF run statistics on; resolves once they are, with the function that switches them off. */
export async function holdBpfStats(): Promise<() => Promise<void>> {
  const holder = spawn([LOADER, 'hold-stats']);
  const release = async () => {
    holder.stdin?.end();
    const timer = setTimeout(() => holder.kill('SIGKILL'), 5_000);
    await holder.catch(() => undefined);
    clearTimeout(timer);
  };
  const ready = await new Promise<boolean>((resolve) => {
    holder.stdout?.on('data', (chunk: Buffer) => chunk.toString().includes('"enabled":true') && resolve(true));
    holder.then(() => resolve(false), () => resolve(false));
  });
  if (!ready) {
    const r = await holder.catch((e: unknown) => e as { stderr?: string });
    throw new Error(`BPF run statistics: \`${LOADER} hold-stats\` failed: ${firstMeaningfulLine(String(r?.stderr ?? '')) || 'no reason given'}`);
  }
  return release;
}
