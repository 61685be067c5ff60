// sockperf's command lines for a ping-pong measurement (sockperf-rr.ts, one flow; sockperf-flows.ts,
// several): the server on the scenario's server address, the client with its --full-log file.
import { rrBytes, workloadParams } from './params.ts';
import type { WorkloadContext } from './types.ts';

/** sockperf -t counts the discarded 450 ms, so it runs this much longer than the measurement. */
export const SOCKPERF_EXTRA_S = 1;
/** Its warmup stage before -t starts counting, and process start-up. */
export const SOCKPERF_SETUP_S = 2.3;
/** Flow i's server listens on this port + i (TCP and UDP have their own port spaces). */
export const sockperfPort = (protocol: 'tcp' | 'udp', flow = 0): number => (protocol === 'tcp' ? 11111 : 11112) + flow;
/** sockperf prints this once its warmup is over; it still discards 400 ms, and the last 50 ms. */
export const SOCKPERF_STARTED = /Starting test/;
/** Ready: the server blocks on its socket. */
export const SOCKPERF_READY = /to block on socket/;

/** The CPU window of a `durationS` measurement: from "Starting test" past the 400 ms sockperf still discards (and its last 50 ms). */
export const sockperfWindow = (durationS: number) => ({ startOn: SOCKPERF_STARTED, startAfterMs: 450, lengthMs: durationS * 1000 + 450 });
/** How long a client may run before it counts as hung: its -t and 20 s more. */
export const sockperfTimeoutMs = (durationS: number): number => (durationS + SOCKPERF_EXTRA_S + 20) * 1000;

const proto = (protocol: 'tcp' | 'udp') => (protocol === 'tcp' ? ['--tcp'] : []);

export function sockperfServerArgv(ctx: Pick<WorkloadContext, 'serverAddress'>, protocol: 'tcp' | 'udp', port: number): string[] {
  return ['sockperf', 'server', '-i', ctx.serverAddress, '-p', String(port), ...proto(protocol)];
}

export function sockperfClientArgv(ctx: Pick<WorkloadContext, 'serverAddress' | 'durationS' | 'params'>, protocol: 'tcp' | 'udp', port: number, log: string): string[] {
  const bytes = rrBytes(workloadParams(ctx.params));
  return ['sockperf', 'ping-pong', '-i', ctx.serverAddress, '-p', String(port), ...proto(protocol), '-m', String(bytes), '-t', String(ctx.durationS + SOCKPERF_EXTRA_S), '--full-log', log];
}
