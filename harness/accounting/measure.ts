// One measurement with receive-path accounting around it: tracers attached right before the
// workload, read at its window's edges, detached right after, whatever the workload did. The
// accounting never decides a measurement's fate: if the tracers cannot attach (a kernel without
// BTF for the tracepoints) the measurement runs without them and the log says why.
import type { PlanContext } from '../topology/plan.ts';
import type { Scenario } from '../scenario.ts';
import type { WindowHooks, WorkloadOutcome } from '../workloads/types.ts';
import { receivePathAccounting, receivePathMetrics, type ReceivePathCounts } from './receive-path.ts';

export interface AccountedOutcome {
  outcome: WorkloadOutcome;
  receivePath?: ReceivePathCounts;
  /** backlogPassesPerPacket, receivePassesPerPacket, backlogPassesPerTransaction (receivePathMetrics). */
  metrics: Record<string, number>;
}

export async function measureReceivePath(
  scenario: Scenario,
  plan: PlanContext,
  log: (line: string) => void,
  measure: (window: WindowHooks | undefined) => Promise<WorkloadOutcome>,
): Promise<AccountedOutcome> {
  const acct = receivePathAccounting(scenario, plan);
  let window: WindowHooks | undefined = acct.window;
  try {
    await acct.attach();
  } catch (err) {
    log(`receive-path accounting off for this measurement: ${(err as Error).message}`);
    window = undefined;
  }
  try {
    const outcome = await measure(window);
    const receivePath = window ? acct.result() : undefined;
    const rate = outcome.metrics.transactionsPerS ?? outcome.metrics.connectionsPerS;
    return { outcome, receivePath, metrics: receivePathMetrics(receivePath, { transactionsPerS: rate }) };
  } finally {
    await acct.detach().catch((err: Error) => log(`receive-path accounting: ${err.message}`));
  }
}
