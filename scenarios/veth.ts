import type { Scenario } from '../harness/scenario/types.ts';
import { GW0, GW0_6, GW1, GW1_6, MAC, POD0, POD0_6, POD1, POD1_6, podsBase } from './base.ts';

/** Pods on veth pairs, nodes forwarding with the kernel stack: the classic container datapath. */
export const veth: Scenario = {
  ...podsBase,
  name: 'veth',
  description: 'pods on veth pairs; nodes forward with the kernel stack (ip_forward, routes)',
  links: [
    ...podsBase.links,
    { kind: 'veth', a: { node: 'node0', role: 'h0', mac: MAC.h0 }, b: { node: 'pod0', role: 'c0', mac: MAC.c0 } },
    { kind: 'veth', a: { node: 'node1', role: 'h1', mac: MAC.h1 }, b: { node: 'pod1', role: 'c1', mac: MAC.c1 } },
  ],
  addresses: [
    ...podsBase.addresses,
    { node: 'node0', role: 'h0', cidr: `${GW0}/24` },
    { node: 'pod0', role: 'c0', cidr: `${POD0}/24` },
    { node: 'node1', role: 'h1', cidr: `${GW1}/24` },
    { node: 'pod1', role: 'c1', cidr: `${POD1}/24` },
    { node: 'node0', role: 'h0', cidr: `${GW0_6}/64` },
    { node: 'pod0', role: 'c0', cidr: `${POD0_6}/64` },
    { node: 'node1', role: 'h1', cidr: `${GW1_6}/64` },
    { node: 'pod1', role: 'c1', cidr: `${POD1_6}/64` },
  ],
  // veth_xmit enqueues on the backlog at each of the three veths a packet crosses: pod, wire, pod.
  predictedBacklogPassesPerPacket: 3,
  routes: [
    ...podsBase.routes,
    { node: 'pod0', to: 'default', via: GW0 },
    { node: 'pod1', to: 'default', via: GW1 },
    { node: 'pod0', to: 'default', via: GW0_6, family: 6 },
    { node: 'pod1', to: 'default', via: GW1_6, family: 6 },
  ],
};
