import type { Scenario } from '../../harness/scenario/types.ts';
import { podToPodPrograms } from './programs.ts';
import { veth } from './veth.ts';

/** Two veth pods on one node with BPF host routing: tcx on each host-side veth redirect_peers into the other pod. */
export const vethBpf: Scenario = {
  ...veth,
  name: 'veth-bpf',
  description: 'two veth pods on one node; tcx on the sender\'s host-side veth bpf_redirect_peers into the other pod',
  requires: ['veth', 'tcx'],
  programs: podToPodPrograms('tcx_ingress', false),
  // The sender's veth_xmit() enqueues once; the peer redirect runs the receiver's pod in that
  // same receive pass (another_round in __netif_receive_skb_core): one backlog pass.
  predictedBacklogPassesPerPacket: 1,
};
