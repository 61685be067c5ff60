// The progress line of a long run: which scenario, workload and repetition is measuring, how far
// through the matrix it is, and the time left, estimated from each workload's expected length
// times its point's relative cost (a 64 KiB message costs several times 1 byte), scaled by how
// long the finished measurements really took. On a terminal it is one line
// rewritten in place; otherwise (a CI log, or a run inside the VM whose console the host follows)
// one line per measurement.
import type { Workload } from '../workloads/types.ts';

export interface ProgressPlan {
  /** Each measured build point's relative cost (axes.ts pointCost): 1 each where nothing is swept. */
  pointCosts: readonly number[];
  workloads: readonly Workload[];
  repeats: number;
  durationS: number;
}

/** Set (to 1) by the host for a guest run: its console is a terminal, but the host reads it as a log. */
export const PROGRESS_LINES_ENV = 'NKB_PROGRESS_LINES';

/** A progress line as printed, `[3/12] veth tcp_rr repetition 1/3, about 2m10s left`. */
export const PROGRESS_LINE = /^\[\d+\/\d+\] /;

/** Whether progress may rewrite one line in place on this stream. */
export function rewritesInPlace(stream: { isTTY?: boolean }): boolean {
  return stream.isTTY === true && process.env[PROGRESS_LINES_ENV] !== '1';
}

/** Building and tearing down one scenario's topology, roughly. */
const TOPOLOGY_S = 1;

export function formatSeconds(s: number): string {
  const t = Math.max(0, Math.round(s));
  return t >= 60 ? `${Math.floor(t / 60)}m${String(t % 60).padStart(2, '0')}s` : `${t}s`;
}

export function progressLine(write: (text: string) => void, isTTY: boolean, plan: ProgressPlan) {
  const perPointS = TOPOLOGY_S + plan.workloads.reduce((s, w) => s + w.expectedS(plan.durationS), 0);
  const expectedS = (workload: Workload, cost: number) => (workload.expectedS(plan.durationS) + TOPOLOGY_S / plan.workloads.length) * cost;
  let total = plan.pointCosts.length * plan.workloads.length * plan.repeats;
  let expectedTotalS = plan.pointCosts.reduce((s, cost) => s + cost, 0) * plan.repeats * perPointS;
  let done = 0;
  let expectedDoneS = 0;
  // From the first measurement: probes and the first build before it are not measurements, and
  // in an emulated guest they would scale every estimate by minutes.
  let started: number | undefined;
  let shown = false;
  const clear = () => {
    if (isTTY && shown) write('\r\x1b[K');
    shown = false;
  };
  return {
    begin(scenario: string, workload: Workload, repetition: number, cost = 1): void {
      started ??= Date.now();
      const actualS = (Date.now() - started) / 1000;
      const scale = expectedDoneS > 0 ? actualS / expectedDoneS : 1;
      const left = (expectedTotalS - expectedDoneS) * scale;
      const text = `[${done + 1}/${total}] ${scenario} ${workload.name} repetition ${repetition}/${plan.repeats}, about ${formatSeconds(left)} left`;
      clear();
      write(isTTY ? text : `${text}\n`);
      shown = true;
      expectedDoneS += expectedS(workload, cost);
      done += 1;
    },
    /** `count` repetitions of `workload` will not run after all (bench/repetitions.ts): out of the total and the time left. */
    skip(workload: Workload, count: number, cost = 1): void {
      total -= count;
      expectedTotalS -= count * expectedS(workload, cost);
    },
    /** Call before writing anything else to the same stream, so lines do not run together. */
    clear,
  };
}
