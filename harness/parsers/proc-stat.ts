// /proc/stat's cpu lines (proc(5)): time each CPU spent in each state since boot, in USER_HZ
// ticks. guest time is already included in user, so it is not added again.
import { oneLine } from '../core/one-line.ts';
import { eachLine } from './lines.ts';
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

/** The "intr" line of a machine with thousands of interrupts runs to tens of kB; 1 MiB is far beyond any. */
const MAX_LINE_CHARS = 1 << 20;

export function parseProcStat(text: string): ParseOutcome<ProcStat> {
  let all: CpuTimes | undefined;
  const cpus: ProcStat['cpus'] = [];
  let bad: string | undefined;
  const walked = eachLine(text, '/proc/stat', MAX_LINE_CHARS, (raw) => {
    const line = raw.trim();
    // No overlap between the blanks after the name and the numbers: linear even on a long line.
    const m = bad || !line.startsWith('cpu') ? null : /^cpu(\d*)\s+(\d[\d\s]*)$/.exec(line);
    if (!m) return;
    const values = m[2]!.trim().split(/\s+/).map(Number);
    if (values.length < 4) bad = oneLine(`/proc/stat line has ${values.length} fields: ${line}`, 120);
    else if (m[1] === '') all = times(values);
    else cpus.push({ cpu: Number(m[1]), times: times(values) });
  });
  if (!walked.ok) return walked;
  if (bad) return { ok: false, reason: bad };
  if (!all) return { ok: false, reason: '/proc/stat has no aggregate "cpu" line' };
  return { ok: true, value: { all, cpus } };
}
