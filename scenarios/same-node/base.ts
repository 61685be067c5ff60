// The same-node shape, as `cilium connectivity perf` measures it on one node: two pods behind one
// node namespace, and the node's own address for host networking and pod-to-node.
//
//   pod0 ns --(pod link h0/c0)-- node0 ns --(pod link h1/c1)-- pod1 ns
//
// The addresses are the cross-node ones (scenarios/base.ts): pod0 198.18.1.2 behind h0, pod1
// 198.18.2.2 behind h1, now both in node0; the node's own address 198.18.0.1 (and 2001:2::1) sits
// on its loopback, as a node's IP does on a device that is not a pod's.
import type { Scenario } from '../../harness/scenario/types.ts';
import { POD1, POD1_6, WIRE0, WIRE0_6, namespaceSysctls, twoNodes } from '../base.ts';

export const NODE0 = WIRE0;
export const NODE0_6 = WIRE0_6;

/** The topology names (the values of the `topology` axis, harness/bench/axes.ts). */
export const SAME_NODE = 'same-node';
export const POD_TO_NODE = 'pod-to-node';

/** The node alone, its address on lo: what same-node `host` runs on and every pod variant extends. */
export const oneNode: Scenario = {
  ...twoNodes,
  name: 'one-node',
  topology: SAME_NODE,
  description: 'node0 alone, its address on its loopback',
  requires: [],
  nodes: ['node0'],
  links: [],
  addresses: [{ node: 'node0', role: 'lo', cidr: `${NODE0}/32` }, { node: 'node0', role: 'lo', cidr: `${NODE0_6}/128` }],
  sysctls: namespaceSysctls('node0'),
  server: { node: 'node0', address: NODE0, address6: NODE0_6 },
  // Client and server in one namespace: every packet is loopback_xmit()'s, received on lo.
  packetDevices: { request: { node: 'node0', role: 'lo' }, response: { node: 'node0', role: 'lo' } },
  // loopback_xmit() hands each packet to __netif_rx(): one backlog pass.
  predictedBacklogPassesPerPacket: 1,
};

/**
 * Two pods behind node0, which forwards between them: the base of every same-node pod scenario.
 * A pod link's variant adds the links, addresses and routes; packets are counted where each
 * direction enters node0 (h0 from pod0, h1 from pod1) unless the variant says otherwise.
 */
export const twoPods: Scenario = {
  ...oneNode,
  nodes: ['node0', 'pod0', 'pod1'],
  sysctls: [
    ...['node0', 'pod0', 'pod1'].flatMap(namespaceSysctls),
    { node: 'node0', key: 'net.ipv4.ip_forward', value: '1' },
    { node: 'node0', key: 'net.ipv6.conf.all.forwarding', value: '1' },
  ],
  client: { node: 'pod0' },
  server: { node: 'pod1', address: POD1, address6: POD1_6 },
  packetDevices: { request: { node: 'node0', role: 'h0' }, response: { node: 'node0', role: 'h1' } },
};
