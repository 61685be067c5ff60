// Which options the user gave, as commander parsed them: the one place that answers "did the user
// choose this?". An option's value may come from its default, from the command line or from an
// environment variable; only the latter two are the user's choice. Downstream code reads the
// answer from BenchOptions.given and never looks at argv (where `--repeats=5`, `--repeat 5`
// abbreviations or a value that merely looks like a flag would each fool a text search).
import type { Command } from 'commander';

const USER_SOURCES = new Set(['cli', 'env']);

/** The long names (`--repeats`, `--min-repeats`) of the options of `command` that the user gave. */
export function givenOptions(command: Command): string[] {
  return command.options
    .filter((o) => o.long !== undefined && USER_SOURCES.has(command.getOptionValueSource(o.attributeName()) ?? ''))
    .map((o) => o.long!);
}
