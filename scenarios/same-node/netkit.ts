import type { Scenario } from '../../harness/scenario/types.ts';
import { netkit as crossNode } from '../netkit.ts';
import { onOneNode } from './one-node.ts';
import { podToPodPrograms } from './programs.ts';

/**
 * Two netkit pods (L3, peer blackhole) on one node: the sender's netkit/peer program bpf_redirects
 * out of the receiver's primary. The packets start their receive pass in the pods (c1, c0): the
 * node's devices never receive them.
 */
export const netkit: Scenario = onOneNode(crossNode, {
  description: 'two netkit pods on one node; netkit/peer bpf_redirects out of the other pod\'s primary',
  programs: podToPodPrograms('netkit_peer', true),
  packetDevices: { request: { node: 'pod1', role: 'c1' }, response: { node: 'pod0', role: 'c0' } },
  // netkit_xmit() of the sender runs the program and skb_do_redirect()s without __netif_rx; the
  // receiver's primary's netkit_xmit() then hands the skb to its pod with __netif_rx: one pass.
  predictedBacklogPassesPerPacket: 1,
});
