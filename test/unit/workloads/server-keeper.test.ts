// One server per command for a build: reused while it runs, restarted once it exited, stopped on
// drop and at the end. Fake servers: no process starts.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { serverKeeper } from '../../../harness/workloads/server-keeper.ts';
import type { RunningServer } from '../../../harness/workloads/server.ts';

function fakes() {
  const log: string[] = [];
  let n = 0;
  const start = (name: string) => async (): Promise<RunningServer> => {
    const id = `${name}#${++n}`;
    log.push(`start ${id}`);
    const process = { exitCode: null as number | null };
    return { process: process as unknown as RunningServer['process'], stop: async () => void log.push(`stop ${id}`) };
  };
  return { log, start };
}

test('reused while it runs; a second command gets its own; all stopped at the end in one call', async () => {
  const { log, start } = fakes();
  const k = serverKeeper();
  const a = await k.get('netserver', start('netserver'));
  assert.is(await k.get('netserver', start('netserver')), a);
  await k.get('iperf3', start('iperf3'));
  await k.stopAll();
  assert.equal(log, ['start netserver#1', 'start iperf3#2', 'stop netserver#1', 'stop iperf3#2']);
  await k.stopAll();
  assert.is(log.length, 4, 'nothing left to stop');
});

test('a server that exited is started afresh; a dropped one is stopped and forgotten', async () => {
  const { log, start } = fakes();
  const k = serverKeeper();
  const a = await k.get('s', start('s'));
  (a.process as unknown as { exitCode: number }).exitCode = 1;
  const b = await k.get('s', start('s'));
  assert.is.not(b, a);
  await k.drop('s');
  await k.stopAll();
  assert.equal(log, ['start s#1', 'stop s#1', 'start s#2', 'stop s#2']);
});

test.run();
