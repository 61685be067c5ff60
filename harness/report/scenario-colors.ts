// One colour per scenario, the same in every chart and every report, and one order: the registry's
// (host, the baseline, first). A chart's legend lists only the scenarios it shows, but a scenario
// never changes colour because another one is missing.
import { SCENARIOS } from '../../scenarios/index.ts';

const COLORS: Record<string, string> = {
  host: '#6b7280',
  veth: '#2563eb',
  'veth-bpf': '#f59e0b',
  netkit: '#16a34a',
  'netkit-l2': '#9333ea',
};
const SPARE = ['#dc2626', '#0891b2', '#be185d', '#65a30d'];

export function scenarioOrder(names: Iterable<string>): string[] {
  const known = SCENARIOS.map((s) => s.name);
  const present = [...new Set(names)];
  return [...known.filter((n) => present.includes(n)), ...present.filter((n) => !known.includes(n)).sort()];
}

export function scenarioColor(name: string): string {
  // A scenario outside the registry still keeps its colour from chart to chart: derive it from the name.
  return COLORS[name] ?? SPARE[[...name].reduce((h, c) => h + c.charCodeAt(0), 0) % SPARE.length]!;
}

/** Vega-Lite encodings for scenario as colour and as a categorical axis. */
export function scenarioEncodings(present: Iterable<string>) {
  const domain = scenarioOrder(present);
  return {
    color: { field: 'scenario', type: 'nominal' as const, title: 'scenario', sort: domain, scale: { domain, range: domain.map(scenarioColor) } },
    x: { field: 'scenario', type: 'nominal' as const, title: null, sort: domain, axis: { labelAngle: -30 } },
    xOffset: { field: 'scenario', type: 'nominal' as const, sort: domain, scale: { domain } },
  };
}
