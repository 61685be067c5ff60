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
  /**
   * Opt-in limits. Loss and retransmits are the datapath's behaviour and reported as metrics; only
   * when the user sets one does a measurement losing (retransmitting) more than this share of its
   * datagrams or messages (bytes) become invalid. Absent by default.
   */
  maxLossPct?: number;
  maxRetransmitPct?: number;
}

export const DEFAULT_WORKLOAD_PARAMS: WorkloadParams = {
  streams: 4,
  rrSizeBytes: 64,
  crrSizeBytes: 1,
  udpSizeBytes: 1448,
  udpRate: '200M',
};

export function workloadParams(partial: Partial<WorkloadParams> | undefined): WorkloadParams {
  return { ...DEFAULT_WORKLOAD_PARAMS, ...partial };
}
