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

export async function rootNamespaceState(): Promise<string> {
  const sysctls = ['net/ipv4/ip_forward', 'kernel/bpf_stats_enabled', 'net/ipv4/conf/all/rp_filter'];
  return JSON.stringify({
    links: (await execa('ip', ['-o', 'link'])).stdout.replace(/\d+ bytes/g, ''),
    addrs: (await execa('ip', ['-o', 'addr'])).stdout,
    routes: (await execa('ip', ['route', 'show', 'table', 'all'])).stdout,
    sysctls: await Promise.all(sysctls.map(async (k) => `${k}=${(await readFile(`/proc/sys/${k}`, 'utf8')).trim()}`)),
    bpffs: await readdir('/sys/fs/bpf').then((d) => d.sort(), () => 'not mounted'),
  });
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
