import type { Scenario } from '../harness/scenario/types.ts';
import { twoNodes } from './base.ts';

export const host: Scenario = {
  ...twoNodes,
  name: 'host',
  description: 'host networking baseline: client in node0, server in node1, over the wire only',
};
