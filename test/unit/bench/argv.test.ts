// Options the harness passes on replace the user's, so a recorded command names each once
// (summary.md used to show --run-id three times after isolation and the VM each appended one).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { withOption } from '../../../harness/bench/argv.ts';

test('an option with a value replaces every earlier one, in either spelling', () => {
  const user = ['bench', '--run-id', 'mine', '--quick', '--run-id=again'];
  assert.equal(withOption(user, '--run-id', 'r1'), ['bench', '--quick', '--run-id', 'r1']);
  const twice = withOption(withOption(withOption(['bench'], '--run-id', 'r1'), '--run-id', 'r1'), '--run-id', 'r1');
  assert.equal(twice.filter((a) => a === '--run-id').length, 1);
});

test('a bare flag appears once; other options are untouched', () => {
  assert.equal(withOption(['bench', '--no-report', '--vm', 'always'], '--no-report'), ['bench', '--vm', 'always', '--no-report']);
  assert.equal(withOption(['bench', '--vm', 'always'], '--vm', 'never'), ['bench', '--vm', 'never']);
});

test.run();
