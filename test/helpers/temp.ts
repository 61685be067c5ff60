// Temporary folders for tests, removed when the test file ends: register `test.after(removeTempDirs)`
// once per file. Removal on process exit as well covers a file whose suite aborted before its
// after-hook, so one `npm test` leaves no /tmp/nkb-* folder behind.
import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made = new Set<string>();

process.once('exit', () => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A fresh folder /tmp/nkb-<label>-XXXXXX, removed by removeTempDirs() (or at exit at the latest). */
export async function tempDir(label: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `nkb-${label}-`));
  made.add(dir);
  return dir;
}

/** Removes every folder tempDir() made so far; meant for uvu's test.after. */
export async function removeTempDirs(): Promise<void> {
  for (const dir of made) {
    await rm(dir, { recursive: true, force: true });
    made.delete(dir);
  }
}
