// The one-node topologies' registries, in the order every table shows them, the baseline first:
// same-node (pod to pod behind one node) and pod-to-node (a pod to its own node's address), each
// with host networking on that node as its baseline.
import { checkScenario } from '../../harness/scenario/check.ts';
import type { Scenario } from '../../harness/scenario/types.ts';
import { host, hostToNode } from './host.ts';
import { netkitL2 } from './netkit-l2.ts';
import { netkit } from './netkit.ts';
import { netkitToNode, vethToNode } from './to-node.ts';
import { vethBpf } from './veth-bpf.ts';
import { veth } from './veth.ts';

export const SAME_NODE_SCENARIOS: readonly Scenario[] = [host, veth, vethBpf, netkit, netkitL2].map(checkScenario);
export const POD_TO_NODE_SCENARIOS: readonly Scenario[] = [hostToNode, vethToNode, netkitToNode].map(checkScenario);
