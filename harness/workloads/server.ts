// Starts a server process in a namespace and waits until it says it is listening, so the client
// never races the server's bind().
import type { ResultPromise } from 'execa';
import { scaledTimeoutMs, spawn, type RunOptions } from '../core/exec.ts';
import { exitReason } from '../core/exit-status.ts';

export interface RunningServer {
  process: ResultPromise;
  stop(): Promise<void>;
}

export async function startServer(argv: string[], readyPattern: RegExp, opts: RunOptions & { readyTimeoutMs: number }): Promise<RunningServer> {
  const proc = spawn(argv, opts);
  const stop = async () => {
    if (proc.exitCode === null) proc.kill('SIGKILL');
    await proc.catch(() => undefined);
  };
  await new Promise<void>((resolve, reject) => {
    let seen = '';
    const limitMs = scaledTimeoutMs(opts.readyTimeoutMs);
    const timer = setTimeout(() => finish(new Error(`server \`${argv.join(' ')}\` not ready after ${limitMs} ms`)), limitMs);
    const onData = (chunk: Buffer) => {
      // The tail only: a chatty process costs bounded memory; a ready line is far shorter.
      seen = (seen + chunk.toString()).slice(-4096);
      if (readyPattern.test(seen)) finish();
    };
    function finish(err?: Error) {
      clearTimeout(timer);
      proc.stdout?.off('data', onData);
      if (err) reject(err);
      else resolve();
    }
    proc.stdout?.on('data', onData);
    proc.then(
      (r) => finish(new Error(`server \`${argv.join(' ')}\` ended before it was ready: ${exitReason({ exitCode: r.exitCode ?? -1, signal: r.signal, stdout: String(r.stdout ?? ''), stderr: String(r.stderr ?? '') })}`)),
      (e: Error) => finish(e),
    );
  }).catch(async (err) => {
    await stop();
    throw err;
  });
  return { process: proc, stop };
}
