// The registry, in the order every table and chart shows them: the baseline first.
import { checkScenario } from '../harness/scenario/check.ts';
import type { Scenario } from '../harness/scenario/types.ts';
import { host } from './host.ts';
import { netkitL2 } from './netkit-l2.ts';
import { netkit } from './netkit.ts';
import { vethBpf } from './veth-bpf.ts';
import { vethTc } from './veth-tc.ts';
import { veth } from './veth.ts';

export const SCENARIOS: readonly Scenario[] = [host, veth, vethTc, vethBpf, netkit, netkitL2].map(checkScenario);
export const BASELINE = 'host';
