// A known, adjustable per-packet cost for proving that the regression gate catches slowdowns:
// the tax program burns `iterations` rounds of bpf_loop() on every packet arriving at the server
// node's wire, ahead of anything else attached there, then lets the packet continue.
import type { ProgramSpec, Scenario } from '../harness/scenario.ts';
import { wireLink } from './base.ts';

export const TAX_PROGRAM = 'server-wire-tax';

export function withInjectedCost(scenario: Scenario, iterations: number): Scenario {
  if (iterations <= 0) return scenario;
  const serverWire = wireLink(scenario);
  const tax: ProgramSpec = {
    name: TAX_PROGRAM,
    object: 'tax_tcx',
    program: 'tax_tcx',
    hook: 'tcx_ingress',
    node: 'node1',
    role: serverWire.b.role,
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
