// Scenario files are data a user may edit; they are checked when the registry loads, so a typo
// is one line naming the scenario and the field, not a failed `ip` command halfway through a run.
import { isIP, isIPv4, isIPv6 } from 'node:net';
import { z } from 'zod';
import { UsageError, quote } from '../core/errors.ts';
import { IFNAMSIZ_MAX, LOOPBACK, runPrefix } from '../core/naming.ts';
import type { Scenario } from './types.ts';

const name = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and dashes');
const role = z.string().regex(/^[a-z0-9]+$/).max(IFNAMSIZ_MAX - runPrefix('xxxxxx').length, 'too long for a device name');
const mac = z.string().regex(/^([0-9a-f]{2}:){5}[0-9a-f]{2}$/, 'a MAC address like 02:00:00:00:00:01');
const address = z.string().refine((a) => isIP(a) !== 0, 'an IPv4 or IPv6 address');
const address4 = z.string().refine(isIPv4, 'an IPv4 address');
const address6 = z.string().refine(isIPv6, 'an IPv6 address');
const cidr = z.string().refine((c) => {
  const [a, bits] = c.split('/');
  const family = isIP(a ?? '');
  return family !== 0 && /^\d+$/.test(bits ?? '') && Number(bits) <= (family === 4 ? 32 : 128);
}, 'an IPv4 or IPv6 prefix like 198.18.1.0/24 or 2001:2:0:1::/64');
const size = z.number().int().min(1).max(512 * 1024);
const end = z.object({ node: name, role, mac: mac.optional() });
const deviceRef = z.object({ node: name, role });
const policyEnd = end.extend({ policy: z.enum(['forward', 'blackhole']), scrub: z.enum(['default', 'none']) });

const scenarioSchema = z.object({
  name,
  description: z.string().min(1),
  requires: z.array(z.enum(['veth', 'netkit', 'tcx', 'tc'])),
  nodes: z.array(name).min(1),
  links: z.array(z.union([
    z.object({ kind: z.literal('veth'), a: end, b: end }),
    z.object({ kind: z.literal('netkit'), mode: z.enum(['l3', 'l2']), primary: policyEnd, peer: policyEnd }),
  ])),
  linkSettings: z.object({ mtu: z.number().int().min(1280).max(65535), gsoMaxSize: size, groMaxSize: size, gsoIpv4MaxSize: size, groIpv4MaxSize: size, rpFilter: z.union([z.literal(0), z.literal(1), z.literal(2)]) }),
  addresses: z.array(z.object({ node: name, role, cidr })),
  neighbors: z.array(z.object({ node: name, role, address, mac })),
  routes: z.array(z.object({ node: name, to: z.union([z.literal('default'), cidr]), via: address.optional(), role: role.optional(), onlink: z.boolean().optional(), family: z.union([z.literal(4), z.literal(6)]).optional() })),
  sysctls: z.array(z.object({ node: name, key: z.string().regex(/^[a-z0-9_.]+$/), value: z.string().regex(/^[0-9a-z ]+$/) })),
  programs: z.array(z.object({
    name, object: z.string().regex(/^[a-z0-9_]+$/), program: z.string().regex(/^[a-z0-9_]+$/),
    hook: z.enum(['tcx_ingress', 'tcx_egress', 'netkit_primary', 'netkit_peer', 'tc_ingress']), node: name, role,
    set: z.record(z.string().regex(/^[a-z0-9_]+$/), z.string()), first: z.boolean().optional(),
  })),
  client: z.object({ node: name }),
  server: z.object({ node: name, address: address4, address6 }),
  packetDevices: z.object({ request: deviceRef, response: deviceRef }),
  predictedBacklogPassesPerPacket: z.number().int().min(0).max(16),
  details: z.record(z.string(), z.string()),
});

/** Shape first, then that every node and device a scenario names is one it declares. */
export function checkScenario(s: Scenario): Scenario {
  const parsed = scenarioSchema.safeParse(s);
  const where = `scenario ${quote((s as { name?: unknown }).name ?? '?')}`;
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UsageError(`${where}: ${issue.path.join('.')}: ${issue.message}`);
  }
  const ends = s.links.flatMap((l) => (l.kind === 'veth' ? [l.a, l.b] : [l.primary, l.peer]));
  const made = ends.find((e) => e.role === LOOPBACK);
  if (made) throw new UsageError(`${where}: links: role ${quote(LOOPBACK)} in ${quote(made.node)} is the namespace's own loopback, which no link creates`);
  // Every namespace has its loopback device; everything else is made by a link.
  const devices = new Set([...ends.map((e) => `${e.node}/${e.role}`), ...s.nodes.map((n) => `${n}/${LOOPBACK}`)]);
  const refs: [string, string, string | undefined][] = [
    ...s.links.flatMap((l) => (l.kind === 'veth' ? [l.a, l.b] : [l.primary, l.peer]).map((e): [string, string, string | undefined] => ['links', e.node, undefined])),
    ...s.addresses.map((a): [string, string, string | undefined] => ['addresses', a.node, a.role]),
    ...s.neighbors.map((n): [string, string, string | undefined] => ['neighbors', n.node, n.role]),
    ...s.routes.map((r): [string, string, string | undefined] => ['routes', r.node, r.role]),
    ...s.sysctls.map((c): [string, string, string | undefined] => ['sysctls', c.node, undefined]),
    ...s.programs.map((p): [string, string, string | undefined] => ['programs', p.node, p.role]),
    ...(['request', 'response'] as const).map((k): [string, string, string | undefined] => [`packetDevices.${k}`, s.packetDevices[k].node, s.packetDevices[k].role]),
    ['client', s.client.node, undefined],
    ['server', s.server.node, undefined],
  ];
  for (const [field, node, dev] of refs) {
    if (!s.nodes.includes(node)) throw new UsageError(`${where}: ${field} names node ${quote(node)}, which is not in nodes`);
    if (dev !== undefined && !devices.has(`${node}/${dev}`)) throw new UsageError(`${where}: ${field} names device ${quote(dev)} in ${quote(node)}, which no link creates`);
  }
  return s;
}
