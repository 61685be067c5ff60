// What a run must leave as it found it: netkit-bench's names on the host, and the root namespace's
// links, addresses, routes, the sysctls a run could touch, and what is pinned in bpffs.
import { execa } from 'execa';
import { readdir, readFile, readlink } from 'node:fs/promises';

/** netkit-bench's names on the host: all of them, or only those of one run. */
export async function leftovers(runId?: string): Promise<string[]> {
  const ours = runId ? `nkb-${runId}` : 'nkb-';
  const ns = (await execa('ip', ['netns', 'list'])).stdout.split('\n').filter((l) => l.startsWith(ours));
  const links = (await execa('ip', ['-o', 'link'])).stdout.split('\n').filter((l) => l.includes(ours));
  const pins = await readdir('/sys/fs/bpf').then((d) => d.filter((n) => n.startsWith(ours)), () => []);
  return [...ns.map((n) => `namespace ${n}`), ...links.map((l) => `link ${l}`), ...pins.map((p) => `pin ${p}`)];
}

/**
 * The root namespace's links, addresses, routes, sysctls and bpffs. Given run ids, it keeps of
 * netkit-bench's names only those runs' (nkb-<id>...): another live run's devices, routes and pins
 * come and go meanwhile and are none of the caller's business.
 */
export async function rootNamespaceState(runIds?: string[]): Promise<string> {
  const mine = (text: string) => !runIds || !text.includes('nkb-') || runIds.some((id) => text.includes(`nkb-${id}`));
  const lines = (text: string) => text.split('\n').filter(mine).join('\n');
  const sysctls = ['net/ipv4/ip_forward', 'kernel/bpf_stats_enabled', 'net/ipv4/conf/all/rp_filter'];
  return JSON.stringify({
    links: lines((await execa('ip', ['-o', 'link'])).stdout.replace(/\d+ bytes/g, '')),
    addrs: lines((await execa('ip', ['-o', 'addr'])).stdout),
    routes: lines((await execa('ip', ['route', 'show', 'table', 'all'])).stdout),
    sysctls: await Promise.all(sysctls.map(async (k) => `${k}=${(await readFile(`/proc/sys/${k}`, 'utf8')).trim()}`)),
    bpffs: await readdir('/sys/fs/bpf').then((d) => d.filter(mine).sort(), () => 'not mounted'),
  });
}

/** iperf3 servers no process owns any more (their parent is init): what a run left running, not
 * the servers of other runs going on meanwhile, whose parents are those runs' own processes. */
export async function orphanIperf3Servers(): Promise<number[]> {
  const pids = (await execa('pgrep', ['-f', 'iperf3 -s '], { reject: false })).stdout.split('\n').filter(Boolean).map(Number);
  const parent = async (pid: number) => Number(/^PPid:\s+(\d+)$/m.exec(await readFile(`/proc/${pid}/status`, 'utf8').catch(() => ''))?.[1] ?? 0);
  const orphans: number[] = [];
  for (const pid of pids) if ((await parent(pid)) === 1) orphans.push(pid);
  return orphans;
}

/** What appeared between two leftovers() snapshots: robust to other runs on the same machine. */
export function added(before: string[], after: string[]): string[] {
  return after.filter((x) => !before.includes(x));
}

/** `Ip: ForwDatagrams` of a namespace: packets its IP layer forwarded (the path BPF host routing skips). */
export async function ipForwarded(netns: string): Promise<number> {
  const snmp = (await execa('nsenter', [`--net=/run/netns/${netns}`, '--', 'cat', '/proc/net/snmp'])).stdout.split('\n');
  const [names, values] = snmp.filter((l) => l.startsWith('Ip:')).map((l) => l.split(/\s+/));
  return Number(values![names!.indexOf('ForwDatagrams')]);
}

/** `Ip6OutForwDatagrams` of a namespace (/proc/net/snmp6): IPv6 packets its IP layer forwarded. */
export async function ip6Forwarded(netns: string): Promise<number> {
  const snmp6 = (await execa('nsenter', [`--net=/run/netns/${netns}`, '--', 'cat', '/proc/net/snmp6'])).stdout;
  const m = /^Ip6OutForwDatagrams\s+(\d+)$/m.exec(snmp6);
  if (!m) throw new Error(`no Ip6OutForwDatagrams in ${netns}'s /proc/net/snmp6`);
  return Number(m[1]);
}

/** Whether BPF run statistics are on for the whole machine: the sysctl, or any process holding a
 * BPF_ENABLE_STATS fd (it shows as `anon_inode:bpf-stats`), such as another run on the machine. */
export async function bpfStatsOnElsewhere(): Promise<boolean> {
  if ((await readFile('/proc/sys/kernel/bpf_stats_enabled', 'utf8')).trim() !== '0') return true;
  for (const pid of await readdir('/proc').then((d) => d.filter((n) => /^\d+$/.test(n)))) {
    const fds = await readdir(`/proc/${pid}/fd`).catch(() => [] as string[]);
    for (const fd of fds) if ((await readlink(`/proc/${pid}/fd/${fd}`).catch(() => '')) === 'anon_inode:bpf-stats') return true;
  }
  return false;
}
