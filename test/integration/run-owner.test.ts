// Run owners (harness/host/run-owner.ts): a record names a live process until it ends; a pid reused by
// another process, or a record from another PID namespace, is never taken for the owner.
import { execa } from 'execa';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { UsageError } from '../../harness/core/errors.ts';
import { claimRun, ownerState, readOwners } from '../../harness/host/run-owner.ts';
import { removeTempDirs, tempDir } from '../helpers/temp.ts';

test.after(removeTempDirs);

test('a claim names this process until released; a second claim of a live run id is a usage error', async () => {
  const dir = await tempDir('owners');
  const release = await claimRun('abc123', 'bench --quick', dir);
  const [owner] = await readOwners(dir);
  assert.is(owner!.pid, process.pid);
  assert.is(await ownerState(owner!), 'alive');
  const again = await claimRun('abc123', 'bench --quick', dir).then(() => undefined, (e: Error) => e);
  assert.instance(again, UsageError);
  assert.match(again!.message, /run id "abc123" belongs to a run that is still going \(pid \d+/);
  await release();
  assert.equal(await readOwners(dir), []);
});

test('an owner that ended, a pid now another process\'s, and another PID namespace\'s record: gone, gone, unknown', async () => {
  const dir = await tempDir('owners');
  const child = execa('sleep', ['30']);
  const release = await claimRun('zzz999', 'bench --quick', dir);
  const mine = JSON.parse(await readFile(join(dir, 'zzz999.json'), 'utf8'));
  await release();
  const ended = { ...mine, runId: 'ended1', pid: child.pid };
  child.kill('SIGKILL');
  await child.catch(() => undefined);
  assert.is(await ownerState(ended), 'gone');
  assert.is(await ownerState({ ...mine, startTicks: mine.startTicks - 1 }), 'gone', 'same pid, started at another time: a reused pid');
  assert.is(await ownerState({ ...mine, pidNamespace: 'pid:[1]' }), 'unknown');
  await writeFile(join(dir, 'broken.json'), '{');
  await writeFile(join(dir, 'qqq111.json'), '{"runId":');
  assert.equal(await readOwners(dir), [], 'unreadable or foreign files are no owners');
});

test.run();
