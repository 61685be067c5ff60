import type { Scenario } from '../../harness/scenario/types.ts';
import { vethBpf as crossNode } from '../veth-bpf.ts';
import { onOneNode } from './one-node.ts';
import { podToPodPrograms } from './programs.ts';

/** Two veth pods on one node with BPF host routing: tcx on each host-side veth redirect_peers into the other pod. */
export const vethBpf: Scenario = onOneNode(crossNode, {
  description: 'two veth pods on one node; tcx on the sender\'s host-side veth bpf_redirect_peers into the other pod',
  programs: podToPodPrograms('tcx_ingress', false),
  // The sender's veth_xmit() enqueues once; the peer redirect runs the receiver's pod in that
  // same receive pass (another_round in __netif_receive_skb_core): one backlog pass.
  predictedBacklogPassesPerPacket: 1,
});
