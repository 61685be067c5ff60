// Everything about a workload the command line can change, with the defaults a run records.
import type { FixedWork } from '../model/workload-params.ts';
import type { WorkloadParams } from '../model/workload-params.ts';

export const DEFAULT_WORKLOAD_PARAMS: WorkloadParams = {
  ipVersion: 4,
  streams: 4,
  rrSizeBytes: 64,
  crrSizeBytes: 1,
  udpSizeBytes: 1448,
  udpRate: '200M',
  rrTool: 'sockperf',
  crrTool: 'netperf',
};

export function workloadParams(partial: Partial<WorkloadParams> | undefined): WorkloadParams {
  return { ...DEFAULT_WORKLOAD_PARAMS, ...partial };
}

/** Request and response bytes of tcp_rr and udp_rr: the msg axis's value, else --rr-size. */
export const rrBytes = (p: WorkloadParams): number => p.msgBytes ?? p.rrSizeBytes;
/** Request and response bytes of tcp_crr: the msg axis's value, else --crr-size. */
export const crrBytes = (p: WorkloadParams): number => p.msgBytes ?? p.crrSizeBytes;
/** iperf3's write size (-l) of the TCP streams: the msg axis's value, else iperf3's default (none given). */
export const streamWriteArgs = (p: WorkloadParams): string[] => (p.msgBytes === undefined ? [] : ['-l', String(p.msgBytes)]);
/** Parallel TCP streams: the flows axis's value, else the workload's own count. */
export const streamCount = (p: WorkloadParams, own: number): number => p.flows ?? own;

/** iperf3's (and netperf's) flag for the IP version: -4 or -6. */
export function ipFlag(params: Partial<WorkloadParams> | undefined): string {
  return `-${workloadParams(params).ipVersion}`;
}

/** The address of the scenario's server for the run's IP version. */
export function serverAddressFor(server: { address: string; address6: string }, params: Partial<WorkloadParams> | undefined): string {
  return workloadParams(params).ipVersion === 6 ? server.address6 : server.address;
}
