// Waits until a TCP port listens in a namespace. For servers (netserver) that announce themselves
// before they bind: the client must never race the server's listen().
// Read from /proc/<server pid>/net/tcp{,6}, which show the socket table of that process's network
// namespace: no process start per check (`ss` through nsenter costs ~6e7 instructions each in an
// emulated guest, about half a second of wall time under TCG).
import { readFile, stat } from 'node:fs/promises';
import { scaledTimeoutMs } from '../core/exec.ts';

/** TCP_LISTEN in the `st` column of /proc/net/tcp (include/net/tcp_states.h). */
const TCP_LISTEN = '0A';

/**
 * True when a /proc/net/tcp or tcp6 table (text, header line first) has a socket in LISTEN on
 * `port`. The local address column is `ADDR:PORT` with the port in hex (Documentation/networking/proc_net_tcp.rst).
 */
export function listensOn(procNetTcp: string, port: number): boolean {
  return procNetTcp.split('\n').slice(1).some((line) => {
    const [, local, , state] = line.trim().split(/\s+/);
    return state === TCP_LISTEN && local !== undefined && parseInt(local.slice(local.lastIndexOf(':') + 1), 16) === port;
  });
}

/** Same inode: the process is inside the named namespace (and not still in nsenter before its setns). */
async function inNamespace(pid: number, netns: string): Promise<boolean> {
  const [mine, named] = await Promise.all([stat(`/proc/${pid}/ns/net`), stat(`/run/netns/${netns}`)]);
  return mine.ino === named.ino && mine.dev === named.dev;
}

/**
 * Resolves once the server process `pid` (started in `netns`) sees a listener on `port`; throws
 * after `timeoutMs`, or at once if the process is gone.
 */
// Generous: on the instruction clock an idle guest's clock jumps to its next timer while it waits
// for the host, so a loaded host makes each check cost guest time.
export async function waitListening(netns: string, port: number, pid: number, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + scaledTimeoutMs(timeoutMs);
  for (;;) {
    let tables: string[];
    try {
      tables = (await inNamespace(pid, netns)) ? await Promise.all(['tcp', 'tcp6'].map((t) => readFile(`/proc/${pid}/net/${t}`, 'utf8').catch(() => ''))) : [];
    } catch {
      throw new Error(`the server (pid ${pid}) exited before anything listened on TCP port ${port} in ${netns}`);
    }
    if (tables.some((t) => listensOn(t, port))) return;
    if (Date.now() > deadline) throw new Error(`nothing listens on TCP port ${port} in ${netns} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
