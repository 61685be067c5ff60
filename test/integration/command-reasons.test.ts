// A real failed command through harness/core/exec.ts: its error names the first complaint, not
// the last line of the usage text iproute2 prints after it.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { StepError } from '../../harness/core/errors.ts';
import { run } from '../../harness/core/exec.ts';

test('exec: a failed command throws its first complaint, not the last line of usage', async () => {
  // Rejected by ip's own option parsing, before anything reaches the kernel: nothing is created.
  const err = await run('add a device', ['ip', 'link', 'add', 'nkbreasonx', 'type', 'netkit', 'foo']).catch((e: Error) => e);
  assert.instance(err, StepError);
  assert.match((err as Error).message, /exited 1: netkit: unknown option "foo"\?$/);
  assert.not.match((err as Error).message, /\n/);
});

test('exec: a command that never started, one killed, one timed out, each said in words', async () => {
  const message = (argv: string[], timeoutMs?: number) => run('try', argv, { timeoutMs }).then(() => '', (e: Error) => e.message);
  assert.match(await message(['nkb-no-such-tool', '-v']), /could not be started \(ENOENT\)$/);
  assert.match(await message(['sh', '-c', 'kill -9 $$']), /was killed by SIGKILL$/);
  assert.match(await message(['sleep', '5'], 300), /timed out after \d+ ms$/);
});

test.run();
