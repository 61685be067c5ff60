import { execa } from 'execa';
import { chmod, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../bin/netkit-bench.js', import.meta.url));

/**
 * Folders above the project that other users cannot enter (a clone in `mktemp -d` is 0700) are
 * opened for entering (o+x, not listing) while `use` runs, then put back, so the CLI can be run
 * as an unprivileged user.
 */
async function withProjectReachable<T>(use: () => Promise<T>): Promise<T> {
  const changed: { dir: string; mode: number }[] = [];
  for (let dir = dirname(BIN); dir !== dirname(dir); dir = dirname(dir)) {
    const { mode } = await stat(dir);
    if ((mode & 0o001) === 0) {
      await chmod(dir, mode | 0o001);
      changed.push({ dir, mode: mode & 0o7777 });
    }
  }
  try {
    return await use();
  } finally {
    for (const { dir, mode } of changed) await chmod(dir, mode);
  }
}

/** Runs the real CLI; never throws on a non-zero exit. With `uid`, as that user and group id (with
 * root's group kept, a 0700 root folder would be judged by its group bits). */
export function cli(args: string[], opts: { timeoutMs?: number; uid?: number; affinity?: string } = {}) {
  // `affinity`: started under `taskset -c LIST`, as a cpuset-limited runner would start it.
  const argv = opts.affinity === undefined ? [process.execPath, BIN, ...args] : ['taskset', '-c', opts.affinity, process.execPath, BIN, ...args];
  const start = () => execa(argv[0]!, argv.slice(1), { reject: false, timeout: opts.timeoutMs ?? 120_000, uid: opts.uid, gid: opts.uid });
  return opts.uid === undefined ? start() : withProjectReachable(start);
}
