// BPF host routing, as Cilium does it: pod egress is sent straight out of the wire with
// bpf_redirect_neigh (skipping the node's forwarding path), and wire ingress for a local pod is
// handed to the pod's device with bpf_redirect_peer (skipping the backlog queue of a second pass).
// IPv4 and IPv6 alike: each program is told both families' prefixes and addresses.
import type { Hook, ProgramSpec } from '../harness/scenario/types.ts';
import { MAC, POD0, POD0_6, POD1, POD1_6, POD_NET0, POD_NET0_6, POD_NET1, POD_NET1_6 } from './base.ts';

interface Side { node: string; wire: string; host: string; pod: string; podAddr: string; podAddr6: string; remoteNet: string; remoteNet6: string; podMac: string; hostMac: string }

function sides(l3: boolean): Side[] {
  const zero = '00:00:00:00:00:00';
  return [
    { node: 'node0', wire: 'w0', host: 'h0', pod: 'c0', podAddr: POD0, podAddr6: POD0_6, remoteNet: POD_NET1, remoteNet6: POD_NET1_6, podMac: l3 ? zero : MAC.c0, hostMac: l3 ? zero : MAC.h0 },
    { node: 'node1', wire: 'w1', host: 'h1', pod: 'c1', podAddr: POD1, podAddr6: POD1_6, remoteNet: POD_NET0, remoteNet6: POD_NET0_6, podMac: l3 ? zero : MAC.c1, hostMac: l3 ? zero : MAC.h1 },
  ];
}

function prefix(cidr: string): { net: string; mask: string } {
  const [net, bits] = cidr.split('/');
  const len = Number(bits);
  const mask = len === 0 ? 0 : (0xffffffff << (32 - len)) >>> 0;
  return { net: net!, mask: [24, 16, 8, 0].map((s) => (mask >>> s) & 0xff).join('.') };
}

/** An IPv6 prefix as network and mask, both in address form (2001:2:0:2::, ffff:ffff:ffff:ffff::), as nkb-loader reads them. */
export function prefix6(cidr: string): { net: string; mask: string } {
  const [net, bits] = cidr.split('/');
  const len = Number(bits);
  const groups = Array.from({ length: 8 }, (_, i) => {
    const ones = Math.max(0, Math.min(16, len - 16 * i));
    return ((0xffff << (16 - ones)) & 0xffff).toString(16);
  });
  return { net: net!, mask: groups.join(':') };
}

/**
 * Four programs: on each node, pod egress (at `podEgressHook` on the node-side pod device) and
 * wire ingress (at `wireHook`, tcx unless told, on the wire device). `l3` says the pod link has no L2 addresses (netkit L3).
 */
export function hostRoutingPrograms(podEgressHook: Hook, l3: boolean, wireHook: Hook = 'tcx_ingress'): ProgramSpec[] {
  const egressObject = podEgressHook === 'netkit_peer' ? 'pod_egress_netkit' : 'pod_egress_tcx';
  return sides(l3).flatMap((s): ProgramSpec[] => {
    const remote = prefix(s.remoteNet);
    const remote6 = prefix6(s.remoteNet6);
    return [
      {
        name: `${s.node}-pod-egress`,
        object: egressObject,
        program: egressObject,
        hook: podEgressHook,
        node: s.node,
        role: s.host,
        set: { wire_ifindex: `@${s.wire}`, remote_net: remote.net, remote_mask: remote.mask, remote_net6: remote6.net, remote_mask6: remote6.mask },
      },
      {
        name: `${s.node}-wire-ingress`,
        object: 'wire_ingress',
        program: 'wire_ingress',
        hook: wireHook,
        node: s.node,
        role: s.wire,
        set: { pod_addr: s.podAddr, pod_addr6: s.podAddr6, pod_host_ifindex: `@${s.host}`, pod_mac: s.podMac, host_mac: s.hostMac },
      },
    ];
  });
}
