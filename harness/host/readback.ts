// What the kernel applied, read back from inside a namespace: its sysctls (`sysctl KEY...`), every
// device's link attributes (`ip -d -j link`: MTU, GSO/GRO ceilings, kind, netkit mode/policy/scrub)
// and offload features (`ethtool --json -k`), its routes and neighbours (routing-readback.ts). Read, never inferred from what the harness asked for:
// a kernel or iproute2 that ignores a setting shows up here as the value it kept.
import { run } from '../core/exec.ts';
import type { AppliedDevice, AppliedNamespace } from '../model/results.ts';
import { parseNeighbors, parseRoutes } from './routing-readback.ts';

interface IpLink {
  ifname: string;
  mtu: number;
  gso_max_size?: number;
  gro_max_size?: number;
  gso_ipv4_max_size?: number;
  gro_ipv4_max_size?: number;
  linkinfo?: { info_kind?: string; info_data?: Record<string, unknown> };
}

/** `sysctl` prints "key = value" per key it could read; a key it cannot read is left out. */
export function parseSysctlOutput(stdout: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of stdout.split('\n')) {
    const m = /^(\S+) = (.*)$/.exec(line.trim());
    if (m) out[m[1]!] = m[2]!.replace(/\t/g, ' ');
  }
  return out;
}

/** ethtool --json -k: feature name to whether it is active (the "requested" and "fixed" flags are left out). */
export function parseEthtoolFeatures(stdout: string): Record<string, boolean> {
  const parsed = JSON.parse(stdout) as Record<string, unknown>[];
  const out: Record<string, boolean> = {};
  for (const [name, v] of Object.entries(parsed[0] ?? {})) {
    if (v && typeof v === 'object' && 'active' in v) out[name] = (v as { active: unknown }).active === true;
  }
  return out;
}

/** The scalar attributes of netkit's IFLA_INFO_DATA as iproute2 prints them (mode, policy, peer_policy, scrub, peer_scrub, ...). */
function netkitData(data: Record<string, unknown> | undefined): Record<string, string> | undefined {
  if (!data) return undefined;
  return Object.fromEntries(Object.entries(data).filter(([, v]) => typeof v !== 'object').map(([k, v]) => [k, String(v)]));
}

export function deviceFromIpLink(link: IpLink, features: Record<string, boolean>, rpFilter: string | undefined): AppliedDevice {
  const kind = link.linkinfo?.info_kind ?? (link.ifname === 'lo' ? 'loopback' : 'unknown');
  const netkit = kind === 'netkit' ? netkitData(link.linkinfo?.info_data) : undefined;
  return {
    kind,
    mtu: link.mtu,
    ...(link.gso_max_size === undefined ? {} : { gsoMaxSize: link.gso_max_size }),
    ...(link.gro_max_size === undefined ? {} : { groMaxSize: link.gro_max_size }),
    ...(link.gso_ipv4_max_size === undefined ? {} : { gsoIpv4MaxSize: link.gso_ipv4_max_size }),
    ...(link.gro_ipv4_max_size === undefined ? {} : { groIpv4MaxSize: link.gro_ipv4_max_size }),
    ...(rpFilter === undefined ? {} : { rpFilter }),
    ...(netkit ? { netkit } : {}),
    features,
  };
}

/**
 * Everything a namespace applied: the given sysctls, and every device in it keyed by name
 * (`rename` maps a run's device names to the scenario's short roles). Throws when `ip` itself fails.
 */
export async function readNamespace(netns: string, sysctlKeys: readonly string[], rename: (ifname: string) => string = (n) => n): Promise<AppliedNamespace> {
  // One ip for links, routes (both families: `table all`) and neighbours: a JSON array a line.
  const batch = 'link show\nroute show table all\nneigh show\n';
  const ipOut = (await run(`read back links, routes and neighbours in ${netns}`, ['ip', '-d', '-j', '-batch', '-'], { netns, input: batch, timeoutMs: 10_000 })).stdout.trim().split('\n');
  if (ipOut.length !== 3) throw new Error(`ip -batch in ${netns}: ${ipOut.length} lines of JSON for 3 commands`);
  const links = JSON.parse(ipOut[0]!) as IpLink[];
  const rpKeys = links.map((l) => `net.ipv4.conf.${l.ifname}.rp_filter`);
  const sysctl = await run(`read back sysctls in ${netns}`, ['sysctl', ...sysctlKeys, ...rpKeys], { netns, reject: false, timeoutMs: 10_000 });
  const values = parseSysctlOutput(sysctl.stdout);
  const devices: Record<string, AppliedDevice> = {};
  for (const link of links) {
    // Without ethtool (scripts/setup.sh installs it) the features are recorded as empty; loopback's
    // are the kernel's fixed set, and a process start costs ~3e7 instructions in the emulated guest.
    const eth = link.ifname === 'lo' ? undefined : await run(`read back features of ${link.ifname}`, ['ethtool', '--json', '-k', link.ifname], { netns, reject: false, timeoutMs: 10_000 }).catch(() => undefined);
    const features = !eth || eth.failed ? {} : parseEthtoolFeatures(eth.stdout);
    devices[rename(link.ifname)] = deviceFromIpLink(link, features, values[`net.ipv4.conf.${link.ifname}.rp_filter`]);
  }
  const routes = parseRoutes(ipOut[1]!, rename);
  const neighbors = parseNeighbors(ipOut[2]!, rename);
  return { sysctls: Object.fromEntries(sysctlKeys.map((k) => [k, values[k] ?? 'unreadable'])), devices, routes, neighbors };
}
