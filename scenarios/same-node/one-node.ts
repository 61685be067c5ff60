// A cross-node scenario's pod side, moved onto one node: what node1 held (h1, its addresses,
// routes and neighbours) goes to node0, and everything of the wire (its link, addresses and the
// routes through it) is left out. The pods keep their addresses, gateways and link settings, so
// a same-node datapath differs from its cross-node one only by where the pods live and by what
// the variant says of its own (programs, where packets are counted, the prediction).
import type { Scenario } from '../../harness/scenario/types.ts';
import { WIRE0, WIRE0_6, WIRE1, WIRE1_6 } from '../base.ts';
import { twoPods } from './base.ts';

const WIRE_ROLES = new Set(['w0', 'w1']);
const WIRE_ADDRESSES = new Set([WIRE0, WIRE1, WIRE0_6, WIRE1_6]);

function moved<T extends { node: string }>(item: T): T {
  return item.node === 'node1' ? { ...item, node: 'node0' } : item;
}

const offWire = (x: { role?: string; via?: string }) => !(x.role && WIRE_ROLES.has(x.role)) && !(x.via && WIRE_ADDRESSES.has(x.via));

/** What a same-node variant must say itself: nothing else of the cross-node scenario carries over unchanged. */
type Own = Pick<Scenario, 'description' | 'predictedBacklogPassesPerPacket'> & Partial<Pick<Scenario, 'programs' | 'packetDevices'>>;

/** `cross` with both pods behind node0 (twoPods), no programs unless `own` gives them. */
export function onOneNode(cross: Scenario, own: Own): Scenario {
  const links = cross.links
    .filter((l) => (l.kind === 'veth' ? !WIRE_ROLES.has(l.a.role) : true))
    .map((l) => (l.kind === 'veth' ? { ...l, a: moved(l.a), b: moved(l.b) } : { ...l, primary: moved(l.primary), peer: moved(l.peer) }));
  return {
    ...twoPods,
    name: cross.name,
    requires: cross.requires,
    links,
    addresses: [...twoPods.addresses, ...cross.addresses.filter(offWire).map(moved)],
    neighbors: cross.neighbors.filter(offWire).map(moved),
    routes: cross.routes.filter(offWire).map(moved),
    programs: [],
    details: cross.details,
    ...own,
  };
}
