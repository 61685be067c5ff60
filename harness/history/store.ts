// The history folder: one file per run, named <startedAt>-<runId>.json so a plain listing sorts
// oldest first. Adding the same run again replaces its file, so `history add` can be retried.
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { UsageError, quote } from '../core/errors.ts';
import { DEFAULT_RESULTS } from '../core/paths.ts';
import { writeFileAtomic } from '../results/write.ts';
import { parseHistoryRecord, type HistoryRecord } from './record.ts';

export const DEFAULT_HISTORY = join(DEFAULT_RESULTS, 'history');

export function historyFileName(record: Pick<HistoryRecord, 'startedAt' | 'runId'>): string {
  return `${record.startedAt.replace(/[:.]/g, '-')}-${record.runId}.json`;
}

export async function addToHistory(dir: string, record: HistoryRecord): Promise<string> {
  const name = historyFileName(record);
  const stale = (await listFiles(dir)).filter((f) => f.endsWith(`-${record.runId}.json`) && f !== name);
  await writeFileAtomic(join(dir, name), `${JSON.stringify(record)}\n`);
  for (const f of stale) await rm(join(dir, f), { force: true });
  return join(dir, name);
}

/** Every record, oldest first. A folder that does not exist yet is an empty history. */
export async function readHistory(dir: string): Promise<HistoryRecord[]> {
  const records: HistoryRecord[] = [];
  for (const f of await listFiles(dir)) {
    const path = join(dir, f);
    let value: unknown;
    try {
      value = JSON.parse(await readFile(path, 'utf8'));
    } catch (e) {
      throw new UsageError(`history file ${quote(path)} is not valid JSON (${(e as Error).message})`);
    }
    const parsed = parseHistoryRecord(value);
    if (!parsed.ok) throw new UsageError(`history file ${quote(path)} is malformed at ${parsed.problem}`);
    records.push(parsed.record);
  }
  return records.sort((a, b) => a.startedAt.localeCompare(b.startedAt));
}

/**
 * The records of a history that must exist: a mistyped folder is bad input (UsageError, one line),
 * not an empty history, for the readers that would otherwise pass it off as one (compare
 * --against-history, history list).
 */
export async function readExistingHistory(dir: string): Promise<HistoryRecord[]> {
  if (!(await stat(dir).catch(() => undefined))?.isDirectory()) throw new UsageError(`no history folder ${quote(dir)} (history add RUN --history-dir DIR creates one)`);
  return readHistory(dir);
}

async function listFiles(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new UsageError(`cannot read history folder ${quote(dir)}: ${(e as NodeJS.ErrnoException).code}`);
  }
}
