import type { Scenario } from '../harness/scenario/types.ts';
import { hostRoutingPrograms } from './host-routing.ts';
import { vethBpf } from './veth-bpf.ts';

/**
 * veth-bpf with the same programs and counters attached the classic way: a clsact qdisc and a
 * cls_bpf filter in direct-action mode on each device's ingress, instead of tcx links. The
 * programs' verdicts mean the same there: TCX_NEXT/PASS/DROP/REDIRECT are TC_ACT_UNSPEC/OK/SHOT/
 * REDIRECT by value (-1, 0, 2, 7), and UNSPEC with no further filter lets the packet pass.
 */
export const vethTc: Scenario = {
  ...vethBpf,
  name: 'veth-tc',
  description: 'veth-bpf on classic tc: clsact + cls_bpf direct-action instead of tcx links',
  requires: ['veth', 'tc'],
  programs: hostRoutingPrograms('tc_ingress', false, 'tc_ingress'),
};
