// Results are written atomically (temp file in the same folder, then rename), and after every
// measurement, so an interrupted run keeps everything it measured and never leaves half a file.
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ResultsFile } from './schema.ts';
import { resultsCsv } from './csv.ts';

export async function writeFileAtomic(path: string, content: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, content);
  await rename(tmp, path);
}

export async function writeResults(runDir: string, results: ResultsFile): Promise<void> {
  await writeFileAtomic(join(runDir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  await writeFileAtomic(join(runDir, 'results.csv'), resultsCsv(results));
}
