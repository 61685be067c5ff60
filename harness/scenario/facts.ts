// What a results file records about each scenario it measured: the scenario's own details
// (netkit mode and policy) and facts read off its definition (pod link kinds and modes, and which
// BPF program sits on which hook), so a reader does not need the source at that revision.
import { CROSS_NODE } from '../model/point.ts';
import type { Scenario } from './types.ts';

/**
 * How a run's records (environment.scenarios, scenariosSha256, applied) key a scenario: its name on
 * cross-node, as every file before topologies did, and `name@topology` elsewhere, so the same name
 * on two topologies keeps both records.
 */
export function scenarioKey(name: string, topology: string = CROSS_NODE): string {
  return topology === CROSS_NODE ? name : `${name}@${topology}`;
}

/** Every scenario key of `names` on each of `topologies` (absent: cross-node only). */
export const scenarioKeys = (names: readonly string[], topologies: readonly string[] = [CROSS_NODE]) => topologies.flatMap((t) => names.map((n) => scenarioKey(n, t)));

export function scenarioFacts(s: Scenario): Record<string, string> {
  const links = s.links.map((l) => (l.kind === 'veth' ? `veth ${l.a.role}@${l.a.node}<->${l.b.role}@${l.b.node}` : `netkit ${l.mode} ${l.primary.role}@${l.primary.node}(${l.primary.policy}, scrub ${l.primary.scrub})<->${l.peer.role}@${l.peer.node}(${l.peer.policy}, scrub ${l.peer.scrub})`));
  const programs = s.programs.map((p) => `${p.name}=${p.object}.${p.program} on ${p.hook} of ${p.role}@${p.node}`);
  return {
    ...s.details,
    client: s.client.node,
    server: `${s.server.node} ${s.server.address}`,
    links: links.join('; '),
    bpfPrograms: programs.join('; ') || 'none',
  };
}
