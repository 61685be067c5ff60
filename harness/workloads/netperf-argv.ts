// netperf's command lines, shared by the one-flow (netperf-rr.ts) and several-flow
// (netperf-flows.ts) measurements. netserver runs in the server namespace on the scenario's server
// address only (-D -f: foreground, no child processes, one test after another, so stopping it
// leaves nothing); netperf asks for omni output selectors (-k) and latency percentiles (-j).
import { run } from '../core/exec.ts';
import { NETPERF_SELECTORS, parseNetperfVersion } from '../parsers/netperf.ts';
import type { WorkloadContext } from './types.ts';

export type NetperfTest = 'TCP_RR' | 'TCP_CRR';

/** netserver's control port; flow i of several listens on CONTROL_PORT + i (its own netserver, its own connection). */
export const CONTROL_PORT = 12865;
export const WARMUP_S = 1;
/** Kept clear of netperf's control exchange at the start and the results exchange at the end. */
export const EDGE_MS = 150;

let version: Promise<string> | undefined;

/** `netperf 2.7.0`, from netperf -V once per process ("netperf unknown" if it says nothing usable). */
export function netperfTool(): Promise<string> {
  version ??= run('netperf version', ['netperf', '-V'], { reject: false, timeoutMs: 5000 })
    .then((r) => `netperf ${parseNetperfVersion(`${r.stdout}\n${r.stderr}`) ?? 'unknown'}`, () => 'netperf unknown');
  return version;
}

const familyOf = (ctx: Pick<WorkloadContext, 'serverAddress'>) => (ctx.serverAddress.includes(':') ? '-6' : '-4');

/** netserver on `port`, and the pattern it prints once ready. */
export function netserverArgv(ctx: Pick<WorkloadContext, 'serverAddress'>, port: number): { argv: string[]; ready: RegExp; listening: number } {
  return { argv: ['netserver', '-D', '-f', '-N', familyOf(ctx), '-L', ctx.serverAddress, '-p', String(port)], ready: /Starting netserver/, listening: port };
}

/** A netperf client of `test` against the netserver on `port`, for `length` (seconds, or a negative transaction count). */
export function netperfArgv(ctx: Pick<WorkloadContext, 'serverAddress'>, test: NetperfTest, sizeBytes: number, port: number, length: string): string[] {
  return [
    'netperf', familyOf(ctx), '-P', '0', '-j', '-H', ctx.serverAddress, '-p', String(port), '-t', test, '-l', length,
    '--', '-r', `${sizeBytes},${sizeBytes}`, '-k', NETPERF_SELECTORS.join(','),
  ];
}
