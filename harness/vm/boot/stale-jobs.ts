// Removes job folders left in a share by a harness process that was killed outright (SIGKILL).
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';

/** `.nkb-vm-<time36>-<pid36>-<random>`, see newVmJobId(). */
const JOB_DIR = /^\.nkb-vm-[0-9a-z]+-([0-9a-z]+)-[0-9a-z]+$/;

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Deletes job folders whose owning process no longer exists; returns their names. */
export async function removeStaleJobDirs(shareDir: string): Promise<string[]> {
  const removed: string[] = [];
  for (const name of await readdir(shareDir).catch(() => [] as string[])) {
    const match = JOB_DIR.exec(name);
    if (!match || processAlive(parseInt(match[1]!, 36))) continue;
    await rm(path.join(shareDir, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}
