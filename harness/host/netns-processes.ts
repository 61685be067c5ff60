// Processes that keep a run's network namespaces alive. A server (iperf3, sockperf, netserver)
// started inside a named namespace survives `ip netns del`: the name goes, but the namespace and
// every device in it live on, unnamed, for as long as one process holds it (network_namespaces(7)).
// So `clean` must end those processes, found from /proc:
//   - in a named namespace of ours: /proc/<pid>/ns/net is the same namespace (inode) as
//     /run/netns/<name>;
//   - in an unnamed namespace: that namespace holds a device with our prefix (/proc/<pid>/net/dev
//     lists the devices of the process's own namespace).
// Only processes of this PID namespace are candidates: an isolated run's processes live in a PID
// namespace of their own and die with it, so they are never leftovers, and a live isolated run of
// someone else is never touched.
import { readdir, readFile, readlink, stat } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { NAME_PREFIX, runIdOf } from '../core/naming.ts';

export interface NetnsProcess {
  pid: number;
  /** Its command line, arguments joined by spaces. */
  command: string;
  /** The named namespace it is in, or `unnamed namespace with <device>`. */
  where: string;
  /** The run whose namespace or device that is. */
  runId: string;
}

const nsOf = (pid: number | 'self', kind: 'net' | 'pid') => readlink(`/proc/${pid}/ns/${kind}`).catch(() => undefined);

/** Devices of pid's network namespace with our prefix, from /proc/<pid>/net/dev. */
async function ourDevices(pid: number): Promise<string[]> {
  const text = await readFile(`/proc/${pid}/net/dev`, 'utf8').catch(() => '');
  return text.split('\n').map((l) => l.split(':')[0]!.trim()).filter((n) => n.startsWith(NAME_PREFIX));
}

/**
 * Processes of this PID namespace inside the named namespaces `names` (under /run/netns) or in an
 * unnamed network namespace that holds an nkb- device. Never this process or its ancestors' netns.
 */
export async function findNetnsProcesses(names: readonly string[], netnsDir = '/run/netns'): Promise<NetnsProcess[]> {
  const named = new Map<string, string>();
  for (const name of names) {
    const s = await stat(`${netnsDir}/${name}`).catch(() => undefined);
    if (s) named.set(`net:[${s.ino}]`, name);
  }
  const [ownNet, ownPid] = [await nsOf('self', 'net'), await nsOf('self', 'pid')];
  const verdict = new Map<string, { where: string; runId: string } | null>(); // netns -> where, or null when not ours
  const found: NetnsProcess[] = [];
  for (const entry of await readdir('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    const [net, pidNs] = [await nsOf(pid, 'net'), await nsOf(pid, 'pid')];
    if (!net || net === ownNet || pidNs !== ownPid) continue;
    if (!verdict.has(net)) {
      const name = named.get(net);
      const device = name ? undefined : (await ourDevices(pid))[0];
      const of = name ?? device;
      verdict.set(net, of ? { where: name ?? `unnamed namespace with ${device}`, runId: runIdOf(of) ?? '' } : null);
    }
    const ours = verdict.get(net);
    if (!ours) continue;
    const command = (await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')).split('\0').filter(Boolean).join(' ');
    if (command) found.push({ pid, command, ...ours }); // kernel threads have no command line
  }
  return found;
}

/** Sends `signal`; false when the process is gone (ESRCH). */
function signal(pid: number, sig: NodeJS.Signals | 0): boolean {
  try {
    process.kill(pid, sig);
    return true;
  } catch {
    return false;
  }
}
const alive = (pid: number) => signal(pid, 0);

/** SIGTERM, then SIGKILL for whatever is still there after graceMs. Returns those that are gone. */
export async function endProcesses(list: readonly NetnsProcess[], graceMs = 2_000): Promise<{ ended: NetnsProcess[]; failed: NetnsProcess[] }> {
  for (const p of list) signal(p.pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (list.some((p) => alive(p.pid)) && Date.now() < deadline) await sleep(50);
  for (const p of list) signal(p.pid, 'SIGKILL');
  await sleep(list.some((p) => alive(p.pid)) ? 200 : 0);
  return { ended: list.filter((p) => !alive(p.pid)), failed: list.filter((p) => alive(p.pid)) };
}
