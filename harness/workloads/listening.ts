// Waits until a TCP port listens in a namespace. For servers (netserver) that announce themselves
// before they bind: the client must never race the server's listen().
import { run } from '../exec.ts';

/** Resolves once `ss` shows a listener on `port` in `netns`; throws after `timeoutMs`. */
// Generous: on the instruction clock an idle guest's clock jumps to its next timer while it waits
// for the host (9p reads of ss and nsenter), so a loaded host makes each check cost guest time.
export async function waitListening(netns: string, port: number, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const r = await run('listening check', ['ss', '-Hltn', `sport = :${port}`], { netns, reject: false, timeoutMs: 2000 });
    if (!r.failed && r.stdout.trim() !== '') return;
    if (Date.now() > deadline) throw new Error(`nothing listens on TCP port ${port} in ${netns} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
