// /proc/stat's cpu lines (proc(5)): time each CPU spent in each state since boot, in USER_HZ
// ticks. guest time is already included in user, so it is not added again.
import type { ParseOutcome } from './outcome.ts';
import type { CpuTimes } from '../model/cpu.ts';

export interface ProcStat {
  /** The first line: all CPUs together. */
  all: CpuTimes;
  /** One entry per online CPU, by CPU number. */
  cpus: { cpu: number; times: CpuTimes }[];
}

const FIELDS = ['user', 'nice', 'system', 'idle', 'iowait', 'irq', 'softirq', 'steal'] as const;

function times(values: number[]): CpuTimes {
  return Object.fromEntries(FIELDS.map((f, i) => [f, values[i] ?? 0])) as unknown as CpuTimes;
}

export function parseProcStat(text: string): ParseOutcome<ProcStat> {
  let all: CpuTimes | undefined;
  const cpus: ProcStat['cpus'] = [];
  for (const line of text.split('\n')) {
    const m = /^cpu(\d*)\s+([\d\s]+)$/.exec(line.trim());
    if (!m) continue;
    const values = m[2]!.trim().split(/\s+/).map(Number);
    if (values.length < 4) return { ok: false, reason: `/proc/stat line has ${values.length} fields: ${line}` };
    if (m[1] === '') all = times(values);
    else cpus.push({ cpu: Number(m[1]), times: times(values) });
  }
  if (!all) return { ok: false, reason: '/proc/stat has no aggregate "cpu" line' };
  return { ok: true, value: { all, cpus } };
}
