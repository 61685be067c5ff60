// Everything about a workload the command line can change, with the defaults a run records.

export interface WorkloadParams {
  /** Parallel TCP streams of tcp_stream_multi (iperf3 -P). */
  streams: number;
  /** Request and response size of tcp_rr and udp_rr, bytes (sockperf needs at least 14). */
  rrSizeBytes: number;
  /** Request and response size of tcp_crr, bytes. */
  crrSizeBytes: number;
  /** UDP payload per datagram of udp_stream, bytes (1448 fits a 1500-byte MTU with room to spare). */
  udpSizeBytes: number;
  /**
   * udp_stream's offered load: iperf3 -b syntax (200M, 2G) or "max". The default is low enough
   * that a receiver with default socket buffers (~90 datagrams) rides out a few ms of scheduling delay.
   */
  udpRate: string;
  /** A measurement losing more than this share of datagrams or messages is invalid. */
  maxLossPct: number;
  /** A TCP measurement retransmitting more than this share of its bytes is invalid. */
  maxRetransmitPct: number;
}

export const DEFAULT_WORKLOAD_PARAMS: WorkloadParams = {
  streams: 4,
  rrSizeBytes: 64,
  crrSizeBytes: 1,
  udpSizeBytes: 1448,
  udpRate: '200M',
  maxLossPct: 1,
  maxRetransmitPct: 1,
};

export function workloadParams(partial: Partial<WorkloadParams> | undefined): WorkloadParams {
  return { ...DEFAULT_WORKLOAD_PARAMS, ...partial };
}
