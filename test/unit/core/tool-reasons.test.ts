// A failed command's reason names the command, its exit status and its FIRST meaningful
// complaint, in one bounded line: iproute2 prints the cause, then usage text.
import { readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { exitStatusText, failureReason, succeeded } from '../../../harness/core/exit-status.ts';
import { firstMeaningfulLine, oneLine, REASON_CHARS } from '../../../harness/core/one-line.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8');

test('iproute2 (6.15, captured): the complaint, not the usage text after it', () => {
  assert.is(firstMeaningfulLine(fixture('ip-netkit-unknown-option.stderr')), 'netkit: unknown option "foo"?');
  // Usage text on stdout and nothing on stderr: that is all there is to say.
  assert.is(failureReason('ip', { exitCode: 1, stderr: '', stdout: fixture('ip-veth-usage-only.stdout') }), 'ip exited 1: Usage: ip link <options> type veth [peer <options>]');
  assert.is(firstMeaningfulLine('\n\n  \nUsage: x [y]\n   more usage\n\nError: the cause\n'), 'Error: the cause');
  assert.is(firstMeaningfulLine(''), '');
});

test('the reason names the tool, its exit status, and stderr first line', () => {
  const stderr = fixture('ip-netkit-unknown-option.stderr');
  assert.is(failureReason('ip', { exitCode: 1, stderr }), 'ip exited 1: netkit: unknown option "foo"?');
  assert.is(failureReason('sockperf', { exitCode: 137, stdout: '' }), 'sockperf exited 137 (128+9: killed by SIGKILL)');
  assert.is(failureReason('iperf3', { exitCode: -1, signal: 'SIGKILL' }), 'iperf3 was killed by SIGKILL');
  assert.is(exitStatusText({ exitCode: -1, signal: 'SIGKILL', timedOut: true, timeoutMs: 5000 }), 'timed out after 5000 ms');
  assert.ok(succeeded({ exitCode: 0 }));
  assert.not.ok(succeeded({ exitCode: 0, signal: 'SIGTERM' }) || succeeded({ exitCode: 1 }) || succeeded({}));
});

test('one bounded line, whatever the tool printed (no input echoed back)', () => {
  const huge = `${'\u0000\x1b[31m'.repeat(1000)}${'x'.repeat(10_000_000)}\nsecond`;
  for (const text of [huge, '{'.repeat(50_000_000), 'a\u0000b\r\nc\td\x1b[2;35m e']) {
    const line = failureReason('tool', { exitCode: 2, stderr: text });
    assert.ok(line.length <= REASON_CHARS, `${line.length} chars`);
    assert.not.match(line, /[\u0000-\u001f\u007f-\u009f]/);
  }
  assert.is(oneLine('a\u0000b\r\nc\td\x1b[2;35m e'), 'a b c d e');
  assert.is(oneLine('x'.repeat(1000), 10), `${'x'.repeat(9)}…`);
});

test.run();
