import type { Scenario } from '../harness/scenario/types.ts';
import { GW0, GW0_6, GW1, GW1_6, MAC } from './base.ts';
import { hostRoutingPrograms } from './host-routing.ts';
import { netkit, netkitPod } from './netkit.ts';

/** netkit in L2 mode: real MACs, so the pod needs a gateway it can resolve (a static neighbour here). */
export const netkitL2: Scenario = {
  ...netkit,
  name: 'netkit-l2',
  description: 'pods on netkit in L2 mode, otherwise as netkit',
  links: [
    ...netkit.links.filter((l) => l.kind === 'veth'),
    netkitPod('node0', 'pod0', 'h0', 'c0', 'l2', { host: MAC.h0, pod: MAC.c0 }),
    netkitPod('node1', 'pod1', 'h1', 'c1', 'l2', { host: MAC.h1, pod: MAC.c1 }),
  ],
  neighbors: [
    { node: 'pod0', role: 'c0', address: GW0, mac: MAC.h0 },
    { node: 'pod1', role: 'c1', address: GW1, mac: MAC.h1 },
    { node: 'pod0', role: 'c0', address: GW0_6, mac: MAC.h0 },
    { node: 'pod1', role: 'c1', address: GW1_6, mac: MAC.h1 },
  ],
  routes: [
    ...netkit.routes.filter((r) => !(r.node.startsWith('pod') && r.to === 'default')),
    { node: 'pod0', to: 'default', via: GW0, role: 'c0', onlink: true },
    { node: 'pod1', to: 'default', via: GW1, role: 'c1', onlink: true },
    { node: 'pod0', to: 'default', via: GW0_6, role: 'c0', onlink: true, family: 6 },
    { node: 'pod1', to: 'default', via: GW1_6, role: 'c1', onlink: true, family: 6 },
  ],
  programs: hostRoutingPrograms('netkit_peer', false),
  details: { ...netkit.details, netkitMode: 'l2' },
};
