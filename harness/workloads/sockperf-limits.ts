// What sockperf refuses before it measures anything, so bench can skip such a point up front with
// the reason instead of running it and failing every repetition. sockperf 3.7 puts a 14-byte
// header in every message and refuses a smaller -m ("sockperf: '-m' Invalid message size: 1
// (min: 14)", then its usage text, exit status 0: test/fixtures/sockperf-msg-too-small.txt).
import type { WorkloadParams } from '../model/workload-params.ts';
import { rrBytes } from './params.ts';

/** The smallest message sockperf sends: its own header. */
export const SOCKPERF_MIN_MSG = 14;

/** Why sockperf cannot measure request/response at these parameters; undefined when it can. */
export function sockperfRefusal(p: WorkloadParams): string | undefined {
  const bytes = rrBytes(p);
  return bytes < SOCKPERF_MIN_MSG ? `sockperf needs -m >= ${SOCKPERF_MIN_MSG} (its header), not ${bytes}` : undefined;
}
