import type { Scenario } from '../harness/scenario/types.ts';
import { hostRoutingPrograms } from './host-routing.ts';
import { veth } from './veth.ts';

/** veth pods with BPF host routing through tcx links (bpf_redirect_neigh out, bpf_redirect_peer in). */
export const vethBpf: Scenario = {
  ...veth,
  name: 'veth-bpf',
  description: 'veth pods with BPF host routing on tcx: redirect_neigh to the wire, redirect_peer into the pod',
  requires: ['veth', 'tcx'],
  programs: hostRoutingPrograms('tcx_ingress', false),
  // Pod veth and wire; bpf_redirect_peer hands the packet to the far pod in the same receive pass.
  predictedBacklogPassesPerPacket: 2,
};
