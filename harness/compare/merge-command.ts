// netkit-bench merge DIR... --out DIR: the shards of one run (bench --shard K/N) as one run that
// report, compare and history take like any other. Refusals (bench/merge.ts) are one line and exit 2.
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { EXIT_OK, UsageError, quote } from '../core/errors.ts';
import { newRunId } from '../core/naming.ts';
import { loadResults } from '../results/load.ts';
import { writeResults } from '../results/write.ts';
import { mergeShards } from '../bench/merge.ts';

export async function runMerge(dirs: readonly string[], outDir: string, argv: string[], out: (line: string) => void): Promise<number> {
  if (await stat(join(outDir, 'results.json')).catch(() => undefined)) throw new UsageError(`merge: --out ${quote(outDir)} already holds a run; give an empty or new folder`);
  const inputs = [];
  for (const dir of dirs) inputs.push({ dir, results: await loadResults(dir) });
  const merged = mergeShards(inputs, newRunId(), argv);
  await writeResults(resolve(outDir), merged);
  out(`merged ${inputs.length} shards of ${merged.merged!.count} (${merged.measurements.length} measurements) into run ${merged.runId}: ${join(resolve(outDir), 'results.json')}`);
  return EXIT_OK;
}
