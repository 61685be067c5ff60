// The summary a bench run's results file carries, computed the same way wherever the run's
// measurements were taken: every scenario against host, rows in the registry's order.
import { BASELINE, SCENARIOS, TOPOLOGIES } from '../../scenarios/index.ts';
import type { Measurement, SummaryRow } from '../model/results.ts';
import { summarize } from '../results/summary.ts';
import { WORKLOADS } from '../workloads/index.ts';

const ORDER = { scenarios: SCENARIOS.map((s) => s.name), workloads: WORKLOADS.map((w) => w.name), topologies: Object.keys(TOPOLOGIES) };

/** summarize() of a run's measurements against BASELINE (host), in registry order (results/summary.ts). */
export function runSummary(measurements: readonly Measurement[]): SummaryRow[] {
  return summarize(measurements, BASELINE, { order: ORDER });
}
