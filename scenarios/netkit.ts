import type { NetkitLink, Scenario } from '../harness/scenario/types.ts';
import { POD0, POD0_6, POD1, POD1_6, podsBase } from './base.ts';
import { hostRoutingPrograms } from './host-routing.ts';

/**
 * A pod on a netkit pair configured as Cilium does (pkg/datapath/connector/netkit.go): primary
 * policy forward with scrub none, peer policy blackhole with scrub default, so pod traffic leaves
 * only through the netkit/peer program.
 */
export function netkitPod(node: string, pod: string, host: string, peer: string, mode: 'l3' | 'l2', macs?: { host: string; pod: string }): NetkitLink {
  return {
    kind: 'netkit',
    mode,
    primary: { node, role: host, policy: 'forward', scrub: 'none', ...(macs ? { mac: macs.host } : {}) },
    peer: { node: pod, role: peer, policy: 'blackhole', scrub: 'default', ...(macs ? { mac: macs.pod } : {}) },
  };
}

/** netkit pods in L3 mode (NOARP: no neighbour resolution, /32 and /128 addresses, device routes), BPF host routing on both sides. */
export const netkit: Scenario = {
  ...podsBase,
  name: 'netkit',
  description: 'pods on netkit (L3, peer blackhole): netkit/peer redirect_neigh out, tcx redirect_peer in',
  requires: ['veth', 'netkit', 'tcx'],
  links: [...podsBase.links, netkitPod('node0', 'pod0', 'h0', 'c0', 'l3'), netkitPod('node1', 'pod1', 'h1', 'c1', 'l3')],
  addresses: [
    ...podsBase.addresses,
    { node: 'pod0', role: 'c0', cidr: `${POD0}/32` },
    { node: 'pod1', role: 'c1', cidr: `${POD1}/32` },
    { node: 'pod0', role: 'c0', cidr: `${POD0_6}/128` },
    { node: 'pod1', role: 'c1', cidr: `${POD1_6}/128` },
  ],
  routes: [
    ...podsBase.routes,
    { node: 'node0', to: `${POD0}/32`, role: 'h0' },
    { node: 'node1', to: `${POD1}/32`, role: 'h1' },
    { node: 'pod0', to: 'default', role: 'c0' },
    { node: 'pod1', to: 'default', role: 'c1' },
    { node: 'node0', to: `${POD0_6}/128`, role: 'h0' },
    { node: 'node1', to: `${POD1_6}/128`, role: 'h1' },
    { node: 'pod0', to: 'default', role: 'c0', family: 6 },
    { node: 'pod1', to: 'default', role: 'c1', family: 6 },
  ],
  programs: hostRoutingPrograms('netkit_peer', true),
  // The wire only: netkit_xmit runs the program and redirects (skb_do_redirect) without __netif_rx,
  // and bpf_redirect_peer into the far pod skips the backlog.
  predictedBacklogPassesPerPacket: 1,
  details: { netkitMode: 'l3', netkitPolicy: 'primary forward, peer blackhole' },
};
