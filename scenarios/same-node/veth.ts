import type { Scenario } from '../../harness/scenario/types.ts';
import { veth as crossNode } from '../veth.ts';
import { onOneNode } from './one-node.ts';

/** Two veth pods on one node; node0 forwards between h0 and h1 with the kernel stack. */
export const veth: Scenario = onOneNode(crossNode, {
  description: 'two veth pods on one node; the node forwards between them with the kernel stack',
  // veth_xmit() enqueues at both veths a packet crosses (the sender's pod link into node0, then
  // node0's forward out of the receiver's pod link): two backlog passes.
  predictedBacklogPassesPerPacket: 2,
});
