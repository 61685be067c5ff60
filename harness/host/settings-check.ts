// Does what the kernel reports match what the scenario asked for? Every sysctl the scenario sets,
// on every device of its links the MTU, GSO/GRO ceilings, rp_filter and, for netkit, mode,
// policies and scrub, and every route and static neighbour (routing-readback.ts). A setting the kernel or iproute2 silently ignored (an old `ip` that does not
// send scrub, a kernel without IFLA_GSO_IPV4_MAX_SIZE) is a mismatch here, never a false label.
import type { AppliedDevice, AppliedNamespace } from '../model/results.ts';
import type { LinkEnd, LinkSettings, NetkitLink, Scenario } from '../scenario/types.ts';
import { linkEnds } from '../topology/plan.ts';
import { routingMismatches } from './routing-readback.ts';

type Want = [field: string, want: string, got: string | undefined];

function deviceWants(s: LinkSettings, d: AppliedDevice): Want[] {
  return [
    ['mtu', String(s.mtu), String(d.mtu)],
    ['gso_max_size', String(s.gsoMaxSize), d.gsoMaxSize?.toString()],
    ['gro_max_size', String(s.groMaxSize), d.groMaxSize?.toString()],
    ['gso_ipv4_max_size', String(s.gsoIpv4MaxSize), d.gsoIpv4MaxSize?.toString()],
    ['gro_ipv4_max_size', String(s.groIpv4MaxSize), d.groIpv4MaxSize?.toString()],
    ['rp_filter', String(s.rpFilter), d.rpFilter],
  ];
}

/** netkit reports its own policy and scrub, and its peer's as peer_policy and peer_scrub (netkit_fill_info()). */
function netkitWants(link: NetkitLink, end: LinkEnd, d: AppliedDevice): Want[] {
  const [self, other] = end === link.primary ? [link.primary, link.peer] : [link.peer, link.primary];
  const got = d.netkit ?? {};
  return [
    ['netkit mode', link.mode, got.mode],
    ['netkit policy', self.policy, got.policy],
    ['netkit peer_policy', other.policy, got.peer_policy],
    ['netkit scrub', self.scrub, got.scrub],
    ['netkit peer_scrub', other.scrub, got.peer_scrub],
  ];
}

/**
 * The scenario's settings the read-back contradicts, one line each ("w0@node0 gso_ipv4_max_size:
 * asked 65536, kernel reports 16384" or "... not reported"); empty when everything held.
 */
export function settingsMismatches(scenario: Scenario, applied: Record<string, AppliedNamespace>): string[] {
  const out: string[] = [];
  const check = (where: string, wants: Want[]) => {
    for (const [field, want, got] of wants) {
      if (got !== want) out.push(`${where} ${field}: asked ${want}, ${got === undefined ? 'not reported by the kernel or ip' : `kernel reports ${got}`}`);
    }
  };
  for (const s of scenario.sysctls) {
    check(s.node, [[s.key, s.value, applied[s.node]?.sysctls[s.key]]]);
  }
  for (const link of scenario.links) {
    for (const end of linkEnds(link)) {
      const where = `${end.role}@${end.node}`;
      const d = applied[end.node]?.devices[end.role];
      if (!d) {
        out.push(`${where}: device not found in the read-back`);
        continue;
      }
      check(where, deviceWants(scenario.linkSettings, d));
      if (link.kind === 'netkit') check(where, netkitWants(link, end, d));
    }
  }
  return [...out, ...routingMismatches(scenario, applied)];
}
