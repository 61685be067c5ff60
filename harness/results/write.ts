// Results are written atomically (temp file in the same folder, then rename), and after every
// measurement, so an interrupted run keeps everything it measured and never leaves half a file.
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ResultsFile } from '../model/results.ts';
import { resultsCsv } from './csv.ts';

export async function writeFileAtomic(path: string, content: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, content);
  await rename(tmp, path);
}

const NUMBER_ARRAY = /\[\s*(-?[\d.eE+-]+(?:,\s*-?[\d.eE+-]+)*)\s*\]/g;

/** Indented for people, but arrays of numbers (raw latency samples) on one line each. */
export function resultsJson(results: ResultsFile): string {
  return `${JSON.stringify(results, null, 2).replace(NUMBER_ARRAY, (_, body: string) => `[${body.replace(/\s+/g, '')}]`)}\n`;
}

export async function writeResults(runDir: string, results: ResultsFile): Promise<void> {
  await writeFileAtomic(join(runDir, 'results.json'), resultsJson(results));
  await writeFileAtomic(join(runDir, 'results.csv'), resultsCsv(results));
}

/**
 * The partial results the built-in VM's guest writes after each measurement: results.json only, on
 * one line. In the emulated guest the indented JSON and the CSV of every measurement so far cost
 * about a second of wall time per measurement, growing with the run; the host rewrites both files,
 * indented, from this one when the guest is done (bench/vm.ts), and a guest that dies leaves a
 * file that loads all the same.
 */
export async function writeGuestResults(runDir: string, results: ResultsFile): Promise<void> {
  await writeFileAtomic(join(runDir, 'results.json'), `${JSON.stringify(results)}\n`);
}
