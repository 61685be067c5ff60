// A known, adjustable per-packet cost for proving that the regression gate catches slowdowns:
// the tax program burns `iterations` rounds of bpf_loop() on every packet arriving at the
// scenario's request packet device (the server node's wire, cross-node), ahead of anything else
// attached there, then lets the packet continue. Where client and server share that device (lo,
// same-node host) responses pay it too.
import type { ProgramSpec, Scenario } from '../harness/scenario/types.ts';

export const TAX_PROGRAM = 'server-wire-tax';

export function withInjectedCost(scenario: Scenario, iterations: number): Scenario {
  if (iterations <= 0) return scenario;
  const at = scenario.packetDevices.request;
  const tax: ProgramSpec = {
    name: TAX_PROGRAM,
    object: 'tax_tcx',
    program: 'tax_tcx',
    hook: 'tcx_ingress',
    node: at.node,
    role: at.role,
    set: { iterations: String(iterations) },
    first: true,
  };
  return {
    ...scenario,
    requires: [...new Set([...scenario.requires, 'tcx' as const])],
    programs: [...scenario.programs, tax],
    details: { ...scenario.details, injectedCostIterations: String(iterations) },
  };
}

/** Name of the B copy of a scenario in an interleaved run: "+tax" with a cost, "+copy" (an A/A run) without. */
export const abVariantName = (scenario: string, cost: number) => `${scenario}${cost > 0 ? '+tax' : '+copy'}`;

/**
 * The scenarios a bench run measures: the selected ones, each with the tax when `injectCost` > 0;
 * with `abInjectCost` set, each followed by its copy "<name>+tax" carrying that cost (or, with 0,
 * an untaxed "<name>+copy" for an A/A run), so the matrix measures both in shuffled order within
 * every repetition (compare --interleaved <name>:<name>+tax).
 */
export function benchScenarios(all: readonly Scenario[], names: readonly string[], injectCost: number, abInjectCost?: number): Scenario[] {
  return all
    .filter((s) => names.includes(s.name))
    .flatMap((s) => {
      const base = withInjectedCost(s, injectCost);
      if (abInjectCost === undefined) return [base];
      const b = withInjectedCost(s, abInjectCost);
      return [base, { ...b, name: abVariantName(s.name, abInjectCost), description: `${s.description} (${abInjectCost > 0 ? `+ injected cost ${abInjectCost}` : 'identical copy'})` }];
    });
}
