// Waits until a TCP port listens in a namespace. For servers (netserver) that announce themselves
// before they bind: the client must never race the server's listen().
import { run } from '../exec.ts';

/** Resolves once `ss` shows a listener on `port` in `netns`; throws after `timeoutMs`. */
export async function waitListening(netns: string, port: number, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const r = await run('listening check', ['ss', '-Hltn', `sport = :${port}`], { netns, reject: false, timeoutMs: 2000 });
    if (!r.failed && r.stdout.trim() !== '') return;
    if (Date.now() > deadline) throw new Error(`nothing listens on TCP port ${port} in ${netns} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
