// What a whole run costs the machine: non-idle CPU seconds over every CPU, from the first build to
// the last teardown. On the instruction clock a guest CPU's busy second is 1e9 guest instructions,
// and one host thread executes them all (TCG icount), so this is the run's wall cost in units any
// host shares, whatever its speed or load (docs/measurements/cost-per-measurement.md).
import { readFile } from 'node:fs/promises';
import { parseProcStat } from '../parsers/proc-stat.ts';
import { busy, diff, USER_HZ } from './usage.ts';

/** Starts counting; the returned function gives the busy CPU seconds since, or undefined when /proc/stat cannot be read. */
export async function startRunCpu(): Promise<() => Promise<number | undefined>> {
  const read = async () => {
    const parsed = parseProcStat(await readFile('/proc/stat', 'utf8').catch(() => ''));
    return parsed.ok ? parsed.value.all : undefined;
  };
  const before = await read();
  return async () => {
    const after = await read();
    return before && after ? busy(diff(before, after)) / USER_HZ : undefined;
  };
}
