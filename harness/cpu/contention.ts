// One line for the run's end when the idle baselines found another tenant on the measured CPUs:
// the service demand figures net of them are then lower bounds (harness/cpu/used.ts).
import type { Measurement } from '../model/results.ts';
import { formatCpuList } from '../core/cpu-list.ts';
import { CONTENDED_IDLE_SHARE } from './used.ts';

export function contentionNote(measurements: readonly Measurement[]): string | undefined {
  const hit = measurements.filter((m) => m.cpu?.used?.contended);
  if (hit.length === 0) return undefined;
  const cpus = new Set<number>();
  let worst = 0;
  for (const m of hit) {
    for (const c of m.cpu!.used!.cpus) {
      const rate = m.cpu!.used!.idle?.perCpu.find((b) => b.cpu === c.cpu)?.busyPerS ?? 0;
      if (rate > CONTENDED_IDLE_SHARE * 100) cpus.add(c.cpu);
      worst = Math.max(worst, rate);
    }
  }
  return `cpu: in ${hit.length} of ${measurements.length} measurements the idle baseline found CPUs ${formatCpuList([...cpus])} busy without traffic (up to ${Math.round(worst)}% of a CPU: another tenant); service demand net of it is a lower bound (cpu.used.contended, clamped in results.json)`;
}
