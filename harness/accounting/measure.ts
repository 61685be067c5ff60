// Untimed passes: workloads run again with the receive-path tracers attached and, where the scenario
// has programs, BPF run statistics on (bench/bpf-cost.ts). Both add work to every packet (the
// tracers once per backlog pass: three times per packet on veth, once on host), so neither may run
// while figures are timed. Several workloads can share one attach and one hold of the statistics:
// in the emulated VM each loader start costs seconds of wall time. The accounting never decides a
// measurement's fate: if the tracers cannot attach (a kernel without BTF for the tracepoints) the
// pass runs without them and the log says why.
import { holdBpfStats } from '../bpf/env.ts';
import type { BpfProgramStats } from '../model/results.ts';
import type { PlanContext } from '../topology/plan.ts';
import type { Scenario } from '../scenario/types.ts';
import type { WorkloadOutcome } from '../workloads/types.ts';
import type { WindowHooks } from '../model/window.ts';
import { receivePathAccounting, receivePathMetrics, type ReceivePathAccounting } from './receive-path.ts';
import type { ReceivePathCounts } from '../model/receive-path.ts';

export interface PassResult {
  /** What the pass's workload returned (its figures are not kept: they were not timed clean). */
  outcome?: WorkloadOutcome;
  /** Each program's runs and run time over the pass (empty without programs or when the pass failed). */
  programs: BpfProgramStats[];
  receivePath?: ReceivePathCounts;
  /** backlogPassesPerPacket, receivePassesPerPacket, backlogPassesPerTransaction (receivePathMetrics). */
  metrics: Record<string, number>;
}

export interface PassRun {
  name: string;
  run: (window: WindowHooks | undefined) => Promise<WorkloadOutcome>;
}

/**
 * Runs each of `runs` in turn under one attach (link) of the tracers and one hold of BPF run statistics;
 * `take` reads the scenario's program counters (harness/bpf/stats.ts) and is called right before
 * and after each run, so each result holds that run's figures only. `build`: the build's accounting (its tracers
 * loaded once for all of its passes, unloaded by the caller); without it, the pass loads and unloads
 * its own. Results by run name.
 */
export async function untimedPasses(scenario: Scenario, plan: PlanContext, log: (line: string) => void, take: () => Promise<BpfProgramStats[]>, runs: readonly PassRun[], build?: ReceivePathAccounting): Promise<Map<string, PassResult>> {
  // The build's tracers (loaded once, linked here), or this call's own, unloaded at its end.
  const acct = build ?? receivePathAccounting(scenario, plan);
  let window: WindowHooks | undefined = acct.window;
  try {
    await acct.attach();
  } catch (err) {
    log(`receive-path accounting off for this pass: ${(err as Error).message}`);
    window = undefined;
  }
  const out = new Map<string, PassResult>();
  const release = scenario.programs.length > 0 ? await holdBpfStats() : undefined;
  try {
    for (const r of runs) {
      if (release) await take();
      const outcome = await r.run(window);
      const programs = release ? await take() : [];
      const receivePath = window ? acct.result() : undefined;
      const rate = outcome.metrics.transactionsPerS ?? outcome.metrics.connectionsPerS;
      out.set(r.name, outcome.state === 'failed' ? { outcome, programs: [], metrics: {} } : { outcome, programs, receivePath, metrics: receivePathMetrics(receivePath, { transactionsPerS: rate }) });
    }
  } finally {
    await release?.();
    await (build ? acct.detach() : acct.unload()).catch((err: Error) => log(`receive-path accounting: ${err.message}`));
  }
  return out;
}
