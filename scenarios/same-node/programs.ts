// Pod -> pod local delivery on one node (bpf/local_delivery.h), one program per pod on its
// node-side device, each handing packets for the other pod to that pod's node-side device:
// tcx ingress with bpf_redirect_peer for veth, netkit/peer with bpf_redirect for netkit.
import type { Hook, ProgramSpec } from '../../harness/scenario/types.ts';
import { MAC, POD0, POD0_6, POD1, POD1_6 } from '../base.ts';

interface Pod { host: string; addr: string; addr6: string; podMac: string; hostMac: string }

const PODS: [Pod, Pod] = [
  { host: 'h0', addr: POD0, addr6: POD0_6, podMac: MAC.c0, hostMac: MAC.h0 },
  { host: 'h1', addr: POD1, addr6: POD1_6, podMac: MAC.c1, hostMac: MAC.h1 },
];

/** Two programs at `hook` on h0 and h1 in node0; `l3`: no MACs on the pod links (netkit L3). */
export function podToPodPrograms(hook: Extract<Hook, 'tcx_ingress' | 'netkit_peer'>, l3: boolean): ProgramSpec[] {
  const object = hook === 'netkit_peer' ? 'pod_to_pod_netkit' : 'pod_to_pod_tcx';
  const zero = '00:00:00:00:00:00';
  return PODS.map((from, i) => {
    const to = PODS[1 - i]!;
    return {
      name: `pod${i}-to-pod${1 - i}`,
      object,
      program: object,
      hook,
      node: 'node0',
      role: from.host,
      set: { pod_addr: to.addr, pod_addr6: to.addr6, pod_host_ifindex: `@${to.host}`, pod_mac: l3 ? zero : to.podMac, host_mac: l3 ? zero : to.hostMac },
    };
  });
}
