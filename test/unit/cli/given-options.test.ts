// Whether the user gave an option comes from commander (cli/given.ts), whatever its spelling.
import type { Command } from 'commander';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { buildProgram } from '../../../harness/cli/main.ts';
import { givenOptions } from '../../../harness/cli/given.ts';

/** The real bench command's options, parsed from `args`, with its action replaced by a recorder. */
async function given(args: string[]): Promise<string[]> {
  const program = buildProgram(() => undefined, args, 'unused');
  let seen: string[] = [];
  program.commands.find((c) => c.name() === 'bench')!.action((_flags: unknown, command: Command) => {
    seen = givenOptions(command);
  });
  await program.parseAsync(['node', 'netkit-bench', 'bench', ...args]);
  return seen.sort();
}

test('every spelling of an option counts; defaults do not', async () => {
  assert.equal(await given([]), [], '--out, --vm and --clock have defaults the user did not give');
  assert.equal(await given(['--repeats', '5']), ['--repeats']);
  assert.equal(await given(['--repeats=5', '--min-repeats=3']), ['--min-repeats', '--repeats']);
  assert.equal(await given(['--vm', 'auto', '--out', '/tmp/x']), ['--out', '--vm'], 'a default given by hand is the user\'s choice');
});

test('an option-like value is a value, not an option', async () => {
  assert.equal(await given(['--vm-cmdline', '--repeats']), ['--vm-cmdline']);
  assert.equal(await given(['--no-isolate', '--quick']), ['--no-isolate', '--quick']);
});

test.run();
