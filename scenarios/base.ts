// The shape every scenario shares, after Cilium's two-node benchmark squeezed into one machine:
//
//   pod0 ns --(pod link)-- node0 ns ==(wire: veth w0/w1)== node1 ns --(pod link)-- pod1 ns
//
// Addresses come from the benchmarking range 198.18.0.0/15 (RFC 2544): 198.18.0.0/24 the wire,
// 198.18.1.0/24 behind node0, 198.18.2.0/24 behind node1.
import type { Scenario, VethLink } from '../harness/scenario.ts';

export const WIRE0 = '198.18.0.1';
export const WIRE1 = '198.18.0.2';
export const POD0 = '198.18.1.2';
export const POD1 = '198.18.2.2';
export const GW0 = '198.18.1.1';
export const GW1 = '198.18.2.1';
export const POD_NET0 = '198.18.1.0/24';
export const POD_NET1 = '198.18.2.0/24';

/** Locally administered MACs (02:...), fixed so the BPF programs can be told them before traffic. */
export const MAC = {
  w0: '02:6e:6b:00:00:01',
  w1: '02:6e:6b:00:00:02',
  h0: '02:6e:6b:01:00:01',
  c0: '02:6e:6b:01:00:02',
  h1: '02:6e:6b:02:00:01',
  c1: '02:6e:6b:02:00:02',
} as const;

/** Two nodes joined by the wire and nothing else: what `host` runs on and every pod scenario extends. */
export const twoNodes: Scenario = {
  name: 'two-nodes',
  description: 'node0 and node1 joined by a veth wire',
  requires: ['veth'],
  nodes: ['node0', 'node1'],
  links: [{ kind: 'veth', a: { node: 'node0', role: 'w0', mac: MAC.w0 }, b: { node: 'node1', role: 'w1', mac: MAC.w1 } }],
  addresses: [
    { node: 'node0', role: 'w0', cidr: `${WIRE0}/24` },
    { node: 'node1', role: 'w1', cidr: `${WIRE1}/24` },
  ],
  neighbors: [],
  routes: [],
  sysctls: [],
  programs: [],
  client: { node: 'node0' },
  server: { node: 'node1', address: WIRE1 },
  details: {},
};

/**
 * The wire: the veth pair joining node0 to node1, which every packet between client and server
 * crosses exactly once, whatever the scenario. Throws for a scenario without one.
 */
export function wireLink(scenario: Scenario): VethLink {
  const wire = scenario.links.find((l): l is VethLink => l.kind === 'veth' && l.a.node === 'node0' && l.b.node === 'node1');
  if (!wire) throw new Error(`scenario ${scenario.name} has no wire (veth node0 <-> node1)`);
  return wire;
}

/** Pods behind each node; nodes route between the pod subnets over the wire. */
export const podsBase: Scenario = {
  ...twoNodes,
  nodes: ['node0', 'node1', 'pod0', 'pod1'],
  routes: [
    { node: 'node0', to: POD_NET1, via: WIRE1 },
    { node: 'node1', to: POD_NET0, via: WIRE0 },
  ],
  sysctls: [
    { node: 'node0', key: 'net.ipv4.ip_forward', value: '1' },
    { node: 'node1', key: 'net.ipv4.ip_forward', value: '1' },
  ],
  client: { node: 'pod0' },
  server: { node: 'pod1', address: POD1 },
};
