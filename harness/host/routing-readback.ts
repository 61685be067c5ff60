// A namespace's routes and neighbours as the kernel reports them (`ip -j route show table all`,
// `ip -j neigh show`), and the scenario's routes and static neighbours they contradict. Read, never
// inferred from the plan: a route `ip -batch` added elsewhere than asked, or a neighbour the
// kernel replaced, shows up here before anything is measured.
import type { AppliedNamespace, AppliedNeighbor, AppliedRoute } from '../model/results.ts';
import type { RouteSpec, Scenario } from '../scenario/types.ts';
import { routeFamily } from '../topology/plan.ts';

interface IpRoute { dst?: string; gateway?: string; dev?: string; table?: string; flags?: string[]; pref?: string }
interface IpNeigh { dst?: string; dev?: string; lladdr?: string; state?: string[] }

/**
 * The main table's routes (ip prints no `table` for it) of `ip -j route show table all`. The
 * family: an IPv6 address in dst or gateway, or `pref`, which ip prints for every IPv6 route
 * (the kernel's rt6_fill_node() always sends RTA_PREF) and never for IPv4.
 */
export function parseRoutes(json: string, role: (ifname: string) => string): AppliedRoute[] {
  return (JSON.parse(json) as IpRoute[])
    .filter((r) => (r.table === undefined || r.table === 'main') && r.dst !== undefined)
    .map((r) => ({
      family: r.pref !== undefined || r.dst!.includes(':') || (r.gateway ?? '').includes(':') ? 6 : 4,
      dst: r.dst!,
      ...(r.gateway ? { gateway: r.gateway } : {}),
      ...(r.dev ? { dev: role(r.dev) } : {}),
      onlink: r.flags?.includes('onlink') ?? false,
    }));
}

export function parseNeighbors(json: string, role: (ifname: string) => string): AppliedNeighbor[] {
  return (JSON.parse(json) as IpNeigh[])
    .filter((n) => n.dst !== undefined && n.dev !== undefined)
    .map((n) => ({ dst: n.dst!, dev: role(n.dev!), ...(n.lladdr ? { lladdr: n.lladdr } : {}), state: n.state ?? [] }));
}

/** ip prints a host route without its /32 or /128. */
const shownDst = (r: RouteSpec) => (r.to === 'default' ? 'default' : r.to.replace(routeFamily(r) === 4 ? /\/32$/ : /\/128$/, ''));

function describe(r: RouteSpec): string {
  return `route ${r.to}${r.family === 6 ? ' (IPv6)' : ''}${r.via ? ` via ${r.via}` : ''}${r.role ? ` dev ${r.role}` : ''}${r.onlink ? ' onlink' : ''}`;
}

/** One line per route or static neighbour of `scenario` that the read-back lacks or reports otherwise. */
export function routingMismatches(scenario: Scenario, applied: Record<string, AppliedNamespace>): string[] {
  const out: string[] = [];
  for (const r of scenario.routes) {
    const got = applied[r.node]?.routes?.find((a) => a.family === routeFamily(r) && a.dst === shownDst(r));
    const wrong = !got ? 'not in the main table' : (r.via && got.gateway !== r.via) || (r.role && got.dev !== r.role) || (r.onlink && !got.onlink) ? `kernel reports ${JSON.stringify(got)}` : undefined;
    if (wrong) out.push(`${r.node} ${describe(r)}: ${wrong}`);
  }
  for (const n of scenario.neighbors) {
    const got = applied[n.node]?.neighbors?.find((a) => a.dst === n.address && a.dev === n.role);
    if (!got || got.lladdr !== n.mac || !got.state.includes('PERMANENT')) out.push(`${n.node} neighbour ${n.address} dev ${n.role} lladdr ${n.mac} permanent: ${got ? `kernel reports ${JSON.stringify(got)}` : 'not in the neighbour table'}`);
  }
  return out;
}
