// The registry, in the order every table and chart shows them: the baseline first.
import { checkScenario } from '../harness/scenario/check.ts';
import type { Scenario } from '../harness/scenario/types.ts';
import { CROSS_NODE } from '../harness/model/point.ts';
import { host } from './host.ts';
import { POD_TO_NODE, SAME_NODE } from './same-node/base.ts';
import { POD_TO_NODE_SCENARIOS, SAME_NODE_SCENARIOS } from './same-node/index.ts';
import { netkitL2 } from './netkit-l2.ts';
import { netkit } from './netkit.ts';
import { vethBpf } from './veth-bpf.ts';
import { vethTc } from './veth-tc.ts';
import { veth } from './veth.ts';

/** The cross-node scenarios: a client pod on node0, a server pod on node1, a wire between them. */
export const SCENARIOS: readonly Scenario[] = [host, veth, vethTc, vethBpf, netkit, netkitL2].map(checkScenario);
export const BASELINE = 'host';

/** Every topology's scenarios, by topology name (the values of the `topology` axis, harness/bench/axes.ts), first the default. */
export const TOPOLOGIES: Readonly<Record<string, readonly Scenario[]>> = {
  [CROSS_NODE]: SCENARIOS,
  [SAME_NODE]: SAME_NODE_SCENARIOS,
  [POD_TO_NODE]: POD_TO_NODE_SCENARIOS,
};
