// The merge command (compare/merge-command.ts): registered by main.ts.
import type { Command } from 'commander';
import { runMerge } from '../compare/merge-command.ts';

export function registerMergeCommand(program: Command, setExit: (code: number) => void, argv: string[]): void {
  program
    .command('merge')
    .description('join the shards of one run (bench --shard K/N, each its own run folder) into one run: refuses shards of different runs, a missing or a doubled shard')
    .argument('<run-dirs...>', 'the shards\' run folders (or results.json files), one per shard')
    .requiredOption('--out <dir>', 'folder of the merged run (results.json, results.csv)')
    .action(async (dirs: string[], f: { out: string }) => {
      setExit(await runMerge(dirs, f.out, argv, (line) => process.stdout.write(`${line}\n`)));
    });
}
