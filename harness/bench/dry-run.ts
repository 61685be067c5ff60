// --dry-run: every command a run would execute to build and tear down each scenario, in order,
// without executing any of them.
import { wrapArgv } from '../core/exec.ts';
import { BPFFS, BPF_BUILD } from '../core/paths.ts';
import { commandLines, planTopology } from '../topology/plan.ts';
import type { BenchOptions } from './options.ts';
import { buildUnits, gridPoints, scopeOf, selectedScenarios } from './axes.ts';
import { pointLabel, varyingAxes } from '../core/point.ts';
import { WORKLOADS } from '../workloads/index.ts';
import { refusalLine, workloadRefusals } from './refusals.ts';

export function dryRunLines(opts: BenchOptions, runId: string): string[] {
  const lines: string[] = [];
  const selected = selectedScenarios(opts);
  const grid = gridPoints(opts.topologies, opts.sweep);
  // What a run would skip up front, as it says it (bench/local.ts): a point a workload's tool refuses.
  const workloads = WORKLOADS.filter((w) => opts.workloads.includes(w.name));
  for (const r of workloadRefusals(workloads, opts.params, grid)) lines.push(`# skipping ${refusalLine(r, varyingAxes(grid))}`);
  // The builds a run makes: each scenario once per group of points sharing their build-scope values (mtu, gso).
  for (const { scenario, points } of buildUnits(selected, grid)) {
    const steps = planTopology(scenario, { runId, bpffs: BPFFS, bpfBuild: BPF_BUILD });
    lines.push(`# ${scenario.name} at ${pointLabel(scopeOf(points[0]!, 'build'))}: ${scenario.description}`);
    // A batch step's lines as the single commands they stand for: what a reader would type.
    for (const step of steps) for (const argv of commandLines(step.run)) lines.push(wrapArgv(argv, { netns: step.run.netns }).join(' '));
    lines.push(`#   run workloads (${opts.workloads.join(', ')}) x ${opts.repeats}, ${opts.durationS} s each, at ${points.map((p) => pointLabel(p)).join('; ')}`);
    for (const step of [...steps].reverse()) {
      if (step.undo) lines.push(wrapArgv(step.undo.argv, { netns: step.undo.netns }).join(' '));
    }
  }
  return lines;
}
