// Pod to node, as k8s-netperf measures it: pod0 talks to its own node's address (198.18.0.1 on
// node0's lo) over its pod link; pod1 stays idle. The packets enter node0 at h0 and the pod at c0.
import type { Scenario } from '../../harness/scenario/types.ts';
import { NODE0, NODE0_6, POD_TO_NODE } from './base.ts';
import { netkit } from './netkit.ts';
import { veth } from './veth.ts';

const toNode = {
  topology: POD_TO_NODE,
  server: { node: 'node0', address: NODE0, address6: NODE0_6 },
  packetDevices: { request: { node: 'node0', role: 'h0' }, response: { node: 'pod0', role: 'c0' } },
  // Up: the pod's device hands the packet to h0 with __netif_rx (veth_xmit, or netkit_xmit on the
  // program's NETKIT_NEXT); down: node0's xmit on h0 hands it to c0 the same way. One pass each.
  predictedBacklogPassesPerPacket: 1,
} satisfies Partial<Scenario>;

/** A veth pod to its node's address: the node receives on h0 and answers through it. */
export const vethToNode: Scenario = { ...veth, ...toNode, description: 'a veth pod to its own node\'s address' };

/** A netkit pod to its node's address: its netkit/peer program leaves node traffic to the kernel (NETKIT_NEXT). */
export const netkitToNode: Scenario = { ...netkit, ...toNode, description: 'a netkit pod to its own node\'s address; netkit/peer passes it' };
