// The shape every scenario shares, after Cilium's two-node benchmark squeezed into one machine:
//
//   pod0 ns --(pod link)-- node0 ns ==(wire: veth w0/w1)== node1 ns --(pod link)-- pod1 ns
//
// Dual stack. IPv4 from the benchmarking range 198.18.0.0/15 (RFC 2544): 198.18.0.0/24 the wire,
// 198.18.1.0/24 behind node0, 198.18.2.0/24 behind node1. IPv6 from the benchmarking range
// 2001:2::/48 (RFC 5180): 2001:2::/64 the wire, 2001:2:0:1::/64 and 2001:2:0:2::/64 the pods.
import type { LinkSettings, Scenario, SysctlSpec } from '../harness/scenario/types.ts';
import { CROSS_NODE } from '../harness/model/point.ts';

export const WIRE0 = '198.18.0.1';
export const WIRE1 = '198.18.0.2';
export const POD0 = '198.18.1.2';
export const POD1 = '198.18.2.2';
export const GW0 = '198.18.1.1';
export const GW1 = '198.18.2.1';
export const POD_NET0 = '198.18.1.0/24';
export const POD_NET1 = '198.18.2.0/24';

export const WIRE0_6 = '2001:2::1';
export const WIRE1_6 = '2001:2::2';
export const POD0_6 = '2001:2:0:1::2';
export const POD1_6 = '2001:2:0:2::2';
export const GW0_6 = '2001:2:0:1::1';
export const GW1_6 = '2001:2:0:2::1';
export const POD_NET0_6 = '2001:2:0:1::/64';
export const POD_NET1_6 = '2001:2:0:2::/64';

/** Locally administered MACs (02:...), fixed so the BPF programs can be told them before traffic. */
export const MAC = {
  w0: '02:6e:6b:00:00:01',
  w1: '02:6e:6b:00:00:02',
  h0: '02:6e:6b:01:00:01',
  c0: '02:6e:6b:01:00:02',
  h1: '02:6e:6b:02:00:01',
  c1: '02:6e:6b:02:00:02',
} as const;

/**
 * What every namespace sets instead of inheriting: the comparison must not depend on the host's
 * or the kernel's defaults. rp_filter off (as Cilium sets it: with it on, every packet the kernel
 * forwards pays a reverse route lookup that BPF host routing skips), TCP timestamps and SACK on,
 * cubic, and no IPv6 duplicate address detection (an address in DAD is unusable for ~1 s, and
 * these namespaces hold nothing to collide with). Per device, rp_filter is set in LinkSettings.
 */
export function namespaceSysctls(node: string): SysctlSpec[] {
  const keys: [string, string][] = [
    ['net.ipv4.conf.all.rp_filter', '0'],
    ['net.ipv4.conf.default.rp_filter', '0'],
    ['net.ipv4.tcp_timestamps', '1'],
    ['net.ipv4.tcp_sack', '1'],
    ['net.ipv4.tcp_congestion_control', 'cubic'],
    ['net.ipv6.conf.all.disable_ipv6', '0'],
    ['net.ipv6.conf.default.disable_ipv6', '0'],
    ['net.ipv6.conf.all.accept_dad', '0'],
    ['net.ipv6.conf.default.accept_dad', '0'],
  ];
  return keys.map(([key, value]) => ({ node, key, value }));
}

/**
 * Every device of every link: a 1500-byte MTU and the legacy 64 KiB GSO/GRO ceiling (BIG TCP off),
 * for IPv6 and IPv4 alike, and rp_filter off. These are the kernel's defaults for veth and netkit,
 * set anyway so a changed default shows up as a read-back mismatch instead of a silent shift.
 */
export const LINK_SETTINGS: LinkSettings = {
  mtu: 1500,
  gsoMaxSize: 65536,
  groMaxSize: 65536,
  gsoIpv4MaxSize: 65536,
  groIpv4MaxSize: 65536,
  rpFilter: 0,
};

/** Two nodes joined by the wire and nothing else: what `host` runs on and every pod scenario extends. */
export const twoNodes: Scenario = {
  name: 'two-nodes',
  topology: CROSS_NODE,
  description: 'node0 and node1 joined by a veth wire',
  requires: ['veth'],
  nodes: ['node0', 'node1'],
  links: [{ kind: 'veth', a: { node: 'node0', role: 'w0', mac: MAC.w0 }, b: { node: 'node1', role: 'w1', mac: MAC.w1 } }],
  linkSettings: LINK_SETTINGS,
  addresses: [
    { node: 'node0', role: 'w0', cidr: `${WIRE0}/24` },
    { node: 'node1', role: 'w1', cidr: `${WIRE1}/24` },
    { node: 'node0', role: 'w0', cidr: `${WIRE0_6}/64` },
    { node: 'node1', role: 'w1', cidr: `${WIRE1_6}/64` },
  ],
  neighbors: [],
  routes: [],
  sysctls: ['node0', 'node1'].flatMap(namespaceSysctls),
  programs: [],
  client: { node: 'node0' },
  server: { node: 'node1', address: WIRE1, address6: WIRE1_6 },
  // Every packet between the nodes crosses the wire once: requests arrive on w1, responses on w0.
  packetDevices: { request: { node: 'node1', role: 'w1' }, response: { node: 'node0', role: 'w0' } },
  // The wire's veth_xmit hands each packet to its peer through __netif_rx: one backlog pass.
  predictedBacklogPassesPerPacket: 1,
  details: {},
};

/** Pods behind each node; nodes route between the pod subnets over the wire. */
export const podsBase: Scenario = {
  ...twoNodes,
  nodes: ['node0', 'node1', 'pod0', 'pod1'],
  routes: [
    { node: 'node0', to: POD_NET1, via: WIRE1 },
    { node: 'node1', to: POD_NET0, via: WIRE0 },
    { node: 'node0', to: POD_NET1_6, via: WIRE1_6 },
    { node: 'node1', to: POD_NET0_6, via: WIRE0_6 },
  ],
  sysctls: [
    ...['node0', 'node1', 'pod0', 'pod1'].flatMap(namespaceSysctls),
    { node: 'node0', key: 'net.ipv4.ip_forward', value: '1' },
    { node: 'node1', key: 'net.ipv4.ip_forward', value: '1' },
    { node: 'node0', key: 'net.ipv6.conf.all.forwarding', value: '1' },
    { node: 'node1', key: 'net.ipv6.conf.all.forwarding', value: '1' },
  ],
  client: { node: 'pod0' },
  server: { node: 'pod1', address: POD1, address6: POD1_6 },
};
