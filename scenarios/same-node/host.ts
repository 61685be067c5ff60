import type { Scenario } from '../../harness/scenario/types.ts';
import { POD_TO_NODE, oneNode } from './base.ts';

/** Same-node host networking: client and server in the node's namespace, over its own address (lo). */
export const host: Scenario = {
  ...oneNode,
  name: 'host',
  description: 'host networking on one node: client and server in node0, to its own address over lo',
};

/** The same, as pod-to-node's baseline: the node talking to itself. */
export const hostToNode: Scenario = { ...host, topology: POD_TO_NODE };
