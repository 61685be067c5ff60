// Points a workload's tool refuses outright (workloads/types.ts refusal: sockperf's 14-byte minimum
// message), worked out when the run is planned: such a point is a skip with the tool's reason,
// never a run whose every repetition fails with it. The dry run prints the same list.
import { pointKey, pointLabel } from '../core/point.ts';
import type { Point } from '../model/point.ts';
import type { Skip } from '../model/results.ts';
import type { WorkloadParams } from '../model/workload-params.ts';
import { workloadParams } from '../workloads/params.ts';
import type { Workload } from '../workloads/types.ts';
import { paramsAt } from './axes.ts';

/** One workload at one point, refused, with why. */
export interface Refusal { workload: string; point: Point; reason: string }

/** Every workload refused at every point of the grid, point by point in grid order. */
export function workloadRefusals(workloads: readonly Workload[], params: Partial<WorkloadParams> | undefined, points: readonly Point[]): Refusal[] {
  return points.flatMap((point) => {
    const p = workloadParams(paramsAt(params ?? {}, point));
    return workloads.flatMap((w) => {
      const reason = w.refusal?.(p);
      return reason === undefined ? [] : [{ workload: w.name, point, reason }];
    });
  });
}

/** The key matrix.ts looks a refused step up by. */
export const refusalKey = (workload: string, point: Point): string => `${workload}/${pointKey(point)}`;

/** A refusal as the skips of the scenarios measured at its point's topology. */
export function refusalSkips(refusals: readonly Refusal[], scenarios: readonly { name: string; topology: string }[]): Skip[] {
  return refusals.flatMap((r) => scenarios.filter((s) => s.topology === r.point.topology).map((s) => ({ scenario: s.name, workload: r.workload, point: r.point, reason: r.reason })));
}

/** One line per refusal: `udp_rr (msg 1): sockperf needs -m >= 14 ...`. */
export function refusalLine(r: Refusal, axes?: readonly string[]): string {
  const at = pointLabel(r.point, axes);
  return `${r.workload}${at ? ` (${at})` : ''}: ${r.reason}`;
}
