// Who owns a run. A bench run records its owner for as long as it lives: the process that started
// it (for an isolated run the outer process, which lives as long as the run does), its pid, its
// start time as the kernel counts it (/proc/<pid>/stat field 22, which a later process that reuses
// the pid cannot share) and its PID namespace. `clean` leaves a run alone while that process lives,
// and takes what a run left behind once it is gone. The records live in /run, a tmpfs: a reboot
// forgets them, as it ends every run.
import { mkdir, readdir, readFile, readlink, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { UsageError, quote } from '../core/errors.ts';
import { writeFileAtomic } from '../results/write.ts';

export const OWNERS_DIR = '/run/netkit-bench/runs';

/** One owner record, as `claimRun` writes it; a record that does not match is no owner. */
const RunOwnerSchema = z.object({
  runId: z.string(),
  pid: z.number().int().positive(),
  /** Clock ticks after boot at which the process started (/proc/<pid>/stat field 22). */
  startTicks: z.number(),
  /** `pid:[inode]` of the owner's PID namespace: its pid means nothing in another. */
  pidNamespace: z.string(),
  startedAt: z.string(),
  command: z.string(),
});

export type RunOwner = z.infer<typeof RunOwnerSchema>;

/** Start time of a running (not zombie) process, in clock ticks after boot; undefined when it is gone. */
async function startTicks(pid: number): Promise<number | undefined> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
  // Fields after the command (which may hold spaces and parentheses): state is field 3, starttime 22.
  const fields = stat?.slice(stat.lastIndexOf(')') + 2).split(' ');
  return fields && fields[0] !== 'Z' && fields[0] !== 'X' ? Number(fields[19]) : undefined;
}

const ownPidNamespace = () => readlink('/proc/self/ns/pid');

/** alive: the owner still runs; gone: it does not; unknown: it ran in another PID namespace, where its pid cannot be checked from here. */
export async function ownerState(owner: RunOwner): Promise<'alive' | 'gone' | 'unknown'> {
  if (owner.pidNamespace !== (await ownPidNamespace())) return 'unknown';
  return (await startTicks(owner.pid)) === owner.startTicks ? 'alive' : 'gone';
}

/** Every owner record, unreadable ones left out (a record being written is renamed into place whole). */
export async function readOwners(dir = OWNERS_DIR): Promise<RunOwner[]> {
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => /^[a-z0-9]{6}\.json$/.test(n));
  const parse = (text: string): RunOwner | undefined => {
    try {
      const owner = RunOwnerSchema.safeParse(JSON.parse(text));
      return owner.success ? owner.data : undefined;
    } catch {
      return undefined;
    }
  };
  const owners = await Promise.all(names.map((n) => readFile(join(dir, n), 'utf8').then(parse, () => undefined)));
  return owners.filter((o) => o !== undefined);
}

export async function forgetOwner(runId: string, dir = OWNERS_DIR): Promise<void> {
  await rm(join(dir, `${runId}.json`), { force: true });
}

/**
 * Records this process as the owner of `runId` (started as `command`, the user's arguments) and returns the release, which removes the record
 * again. A run id that a live run owns is a usage error: its names would be the other run's.
 */
export async function claimRun(runId: string, command: string, dir = OWNERS_DIR): Promise<() => Promise<void>> {
  const [existing] = (await readOwners(dir)).filter((o) => o.runId === runId);
  if (existing && (await ownerState(existing)) !== 'gone') throw new UsageError(`run id ${quote(runId)} belongs to a run that is still going (pid ${existing.pid}, since ${existing.startedAt})`);
  const owner: RunOwner = {
    runId, pid: process.pid, startTicks: (await startTicks(process.pid))!, pidNamespace: await ownPidNamespace(),
    startedAt: new Date().toISOString(), command,
  };
  await mkdir(dir, { recursive: true });
  await writeFileAtomic(join(dir, `${runId}.json`), `${JSON.stringify(owner)}\n`);
  return () => forgetOwner(runId, dir);
}
