// Reads a results file back for report, compare and history. Anything wrong with it (missing,
// truncated, another schema version, a field of the wrong type) is the user's input problem: one
// UsageError line naming the file and the problem, never a stack trace.
import { readFile, stat } from 'node:fs/promises';
import { z } from 'zod';
import { join } from 'node:path';
import { UsageError, quote } from '../core/errors.ts';
import { RESULTS_SCHEMA, RESULTS_VERSION, type ResultsFile } from '../model/results.ts';
import { parseResults, READABLE_VERSIONS } from './validate.ts';

/** A run folder or its results.json. */
export async function resultsPath(runDirOrFile: string): Promise<string> {
  const info = await stat(runDirOrFile).catch(() => undefined);
  if (!info) throw new UsageError(`no such run folder or results file ${quote(runDirOrFile)}`);
  return info.isDirectory() ? join(runDirOrFile, 'results.json') : runDirOrFile;
}

export async function loadResults(runDirOrFile: string): Promise<ResultsFile> {
  const path = await resultsPath(runDirOrFile);
  const text = await readFile(path, 'utf8').catch((e: NodeJS.ErrnoException) => {
    throw new UsageError(`cannot read results ${quote(path)}: ${e.code ?? e.message}`);
  });
  return parseResultsText(text, path);
}

export function parseResultsText(text: string, path: string): ResultsFile {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const hint = text.trim() === '' ? 'it is empty' : `${(e as Error).message.replace(/\s+/g, ' ')}; truncated?`;
    throw new UsageError(`${quote(path)} is not valid JSON (${hint})`);
  }
  // The header, read before the version's schema: which file this is, and which schema reads it.
  const head = z.looseObject({ schema: z.unknown().optional(), version: z.unknown().optional() }).safeParse(value);
  const { schema, version } = head.success ? head.data : { schema: undefined, version: undefined };
  if (schema !== RESULTS_SCHEMA) {
    throw new UsageError(`${quote(path)} is not a netkit-bench results file (schema ${quote(schema)})`);
  }
  if (!READABLE_VERSIONS.some((v) => v === version)) {
    throw new UsageError(`${quote(path)} has results version ${quote(version)}; this netkit-bench reads versions ${READABLE_VERSIONS.join(' and ')} (writes ${RESULTS_VERSION})`);
  }
  const parsed = parseResults(value);
  if (!parsed.ok) throw new UsageError(`${quote(path)} is malformed at ${parsed.problem}`);
  return parsed.results;
}
