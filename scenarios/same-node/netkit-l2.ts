import type { Scenario } from '../../harness/scenario/types.ts';
import { netkitL2 as crossNode } from '../netkit-l2.ts';
import { netkit } from './netkit.ts';
import { onOneNode } from './one-node.ts';
import { podToPodPrograms } from './programs.ts';

/** Same-node netkit in L2 mode: real MACs, the pods' gateways as static neighbours. */
export const netkitL2: Scenario = onOneNode(crossNode, {
  packetDevices: netkit.packetDevices,
  predictedBacklogPassesPerPacket: netkit.predictedBacklogPassesPerPacket,
  description: 'two netkit pods in L2 mode on one node, otherwise as netkit',
  programs: podToPodPrograms('netkit_peer', false),
});
