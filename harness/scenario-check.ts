// Scenario files are data a user may edit; they are checked when the registry loads, so a typo
// is one line naming the scenario and the field, not a failed `ip` command halfway through a run.
import { z } from 'zod';
import { UsageError, quote } from './errors.ts';
import { IFNAMSIZ_MAX, runPrefix } from './naming.ts';
import type { Scenario } from './scenario.ts';

const name = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and dashes');
const role = z.string().regex(/^[a-z0-9]+$/).max(IFNAMSIZ_MAX - runPrefix('xxxxxx').length, 'too long for a device name');
const mac = z.string().regex(/^([0-9a-f]{2}:){5}[0-9a-f]{2}$/, 'a MAC address like 02:00:00:00:00:01');
const ipv4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const isIpv4 = (a: string) => ipv4.test(a) && a.split('.').every((o) => Number(o) <= 255);
const address = z.string().refine(isIpv4, 'an IPv4 address');
const cidr = z.string().refine((c) => { const [a, bits] = c.split('/'); return isIpv4(a ?? '') && /^\d+$/.test(bits ?? '') && Number(bits) <= 32; }, 'an IPv4 prefix like 198.18.1.0/24');
const end = z.object({ node: name, role, mac: mac.optional() });
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
  addresses: z.array(z.object({ node: name, role, cidr })),
  neighbors: z.array(z.object({ node: name, role, address, mac })),
  routes: z.array(z.object({ node: name, to: z.union([z.literal('default'), cidr]), via: address.optional(), role: role.optional(), onlink: z.boolean().optional() })),
  sysctls: z.array(z.object({ node: name, key: z.string().regex(/^[a-z0-9_.]+$/), value: z.string().regex(/^[0-9a-z ]+$/) })),
  programs: z.array(z.object({
    name, object: z.string().regex(/^[a-z0-9_]+$/), program: z.string().regex(/^[a-z0-9_]+$/),
    hook: z.enum(['tcx_ingress', 'tcx_egress', 'netkit_primary', 'netkit_peer', 'tc_ingress']), node: name, role,
    set: z.record(z.string().regex(/^[a-z0-9_]+$/), z.string()), first: z.boolean().optional(),
  })),
  client: z.object({ node: name }),
  server: z.object({ node: name, address }),
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
  const devices = new Set(s.links.flatMap((l) => (l.kind === 'veth' ? [l.a, l.b] : [l.primary, l.peer])).map((e) => `${e.node}/${e.role}`));
  const refs: [string, string, string | undefined][] = [
    ...s.links.flatMap((l) => (l.kind === 'veth' ? [l.a, l.b] : [l.primary, l.peer]).map((e): [string, string, string | undefined] => ['links', e.node, undefined])),
    ...s.addresses.map((a): [string, string, string | undefined] => ['addresses', a.node, a.role]),
    ...s.neighbors.map((n): [string, string, string | undefined] => ['neighbors', n.node, n.role]),
    ...s.routes.map((r): [string, string, string | undefined] => ['routes', r.node, r.role]),
    ...s.sysctls.map((c): [string, string, string | undefined] => ['sysctls', c.node, undefined]),
    ...s.programs.map((p): [string, string, string | undefined] => ['programs', p.node, p.role]),
    ['client', s.client.node, undefined],
    ['server', s.server.node, undefined],
  ];
  for (const [field, node, dev] of refs) {
    if (!s.nodes.includes(node)) throw new UsageError(`${where}: ${field} names node ${quote(node)}, which is not in nodes`);
    if (dev !== undefined && !devices.has(`${node}/${dev}`)) throw new UsageError(`${where}: ${field} names device ${quote(dev)} in ${quote(node)}, which no link creates`);
  }
  return s;
}
