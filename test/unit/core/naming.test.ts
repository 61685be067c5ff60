import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { checkRunId, deviceName, namespaceName, newRunId, pinDir, runIdOf } from '../../../harness/core/naming.ts';

test('run ids are 6 characters of [a-z0-9] and differ', () => {
  const ids = new Set(Array.from({ length: 200 }, newRunId));
  assert.ok(ids.size > 195);
  for (const id of ids) assert.match(id, /^[a-z0-9]{6}$/);
});

test('names carry the nkb-<run id>- prefix and the sweeper recognises them', () => {
  assert.is(namespaceName('abc123', 'pod0'), 'nkb-abc123-pod0');
  assert.is(deviceName('abc123', 'w0'), 'nkb-abc123-w0');
  assert.is(pinDir('/sys/fs/bpf', 'abc123', 'x'), '/sys/fs/bpf/nkb-abc123/x');
  assert.is(runIdOf('nkb-abc123-pod0'), 'abc123');
  assert.is(runIdOf('nkb-abc123'), 'abc123');
  assert.is(runIdOf('eth0'), undefined);
  assert.is(runIdOf('nkb-ABC123-x'), undefined);
  assert.is(runIdOf('xnkb-abc123-x'), undefined);
});

test('device names longer than 15 characters are refused', () => {
  assert.is(deviceName('abc123', 'wire').length, 15);
  assert.throws(() => deviceName('abc123', 'wire0'), /longer than 15/);
});

test('checkRunId quotes the bad value', () => {
  assert.throws(() => checkRunId('ABC'), /"ABC"/);
  assert.is(checkRunId('a1b2c3'), 'a1b2c3');
});

test.run();
