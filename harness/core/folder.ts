// Creating a folder the user named, one level at a time. Node's `mkdir(path, { recursive: true })`
// loops forever at full CPU when a parent refuses creation with ENOENT (mkdir("/proc/x") does: a
// proc directory cannot hold new entries), so a bad --out hung the run instead of failing it.
// Here every level is one mkdir with its own answer, then the folder is proven writable by
// writing a file in it: root passes access(2) on folders it still cannot write (/proc, a
// read-only mount), so only a real write says yes.
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { join, parse, resolve, sep } from 'node:path';
import { UsageError, quote } from './errors.ts';

const codeOf = (e: unknown): string => (e as NodeJS.ErrnoException)?.code ?? String((e as Error)?.message ?? e);

/**
 * Creates `path` (and its missing parents) and checks that a file can be written in it. Returns
 * the absolute path. Throws UsageError, one line naming `what`, the level that failed and the
 * errno code (ENOENT, EACCES, EROFS, ENOTDIR ...), when it cannot be created or written.
 * Bounded: one stat and at most one mkdir per path component.
 */
export async function createWritableFolder(path: string, what: string): Promise<string> {
  const absolute = resolve(path);
  const { root } = parse(absolute);
  let level = root;
  for (const part of absolute.slice(root.length).split(sep).filter(Boolean)) {
    level = join(level, part);
    const st = await stat(level).catch(() => undefined);
    if (st?.isDirectory()) continue;
    if (st) throw new UsageError(`${what} ${quote(path)}: ${quote(level)} is not a folder`);
    try {
      await mkdir(level);
    } catch (e) {
      // Another process may create the same level at the same moment: that is a folder too.
      if (codeOf(e) !== 'EEXIST' || !(await stat(level).catch(() => undefined))?.isDirectory()) {
        throw new UsageError(`${what} ${quote(path)} cannot be created: mkdir ${quote(level)} failed (${codeOf(e)})`);
      }
    }
  }
  const probe = join(absolute, `.nkb-write-check-${process.pid}`);
  try {
    await writeFile(probe, '');
  } catch (e) {
    throw new UsageError(`${what} ${quote(path)} is not writable (${codeOf(e)})`);
  }
  await rm(probe, { force: true });
  return absolute;
}
