// The parameters every workload reads (harness/workloads/params.ts holds the defaults).

export type IpVersion = 4 | 6;

/** Load generators of tcp_rr: sockperf (default), netperf TCP_RR (a cross-check), the built-in Node probe. */
export const RR_TOOLS = ['sockperf', 'netperf', 'probe'] as const;

/** Load generators of tcp_crr: netperf TCP_CRR (default), the built-in Node probe. */
export const CRR_TOOLS = ['netperf', 'probe'] as const;

export interface WorkloadParams {
  /**
   * IP version every workload uses (--ip): the server's IPv4 or IPv6 address of the scenario and
   * the tools' -4/-6. Part of a measurement's identity: compare never pairs IPv4 with IPv6 figures.
   */
  ipVersion: IpVersion;
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
  /** What measures tcp_rr; never switched silently (a missing tool stops the run up front). */
  rrTool: (typeof RR_TOOLS)[number];
  /** What measures tcp_crr. */
  crrTool: (typeof CRR_TOOLS)[number];
  /**
   * Opt-in limits. Loss and retransmits are the datapath's behaviour and reported as metrics; only
   * when the user sets one does a measurement losing (retransmitting) more than this share of its
   * datagrams or messages (bytes) become invalid. Absent by default.
   */
  maxLossPct?: number;
  maxRetransmitPct?: number;
  /**
   * Fixed work per measurement instead of a duration (--work; fixed-work.ts), for the workloads
   * that support it; absent: every workload runs for --duration seconds.
   */
  fixedWork?: FixedWork;
  /**
   * The msg axis (--sweep msg=...): bytes of each request and each response of tcp_rr, udp_rr and
   * tcp_crr (netperf -r N,N, sockperf -m) and of each write of the TCP streams (iperf3 -l). Absent:
   * each workload's own size above (iperf3's default write, 128 KiB).
   */
  msgBytes?: number;
  /**
   * The flows axis (--sweep flows=...): concurrent connections over the client's and server's CPU
   * sets: the TCP streams' iperf3 -P; N sockperf clients of tcp_rr and udp_rr, N netperf instances
   * of tcp_rr (--rr-tool netperf) and tcp_crr. Absent: one
   * connection, --streams for tcp_stream_multi.
   */
  flows?: number;
}

export interface FixedWork {
  /** tcp_rr transactions per measurement (netperf TCP_RR -l -N). */
  rrTransactions: number;
  /** tcp_crr connections per measurement (netperf TCP_CRR -l -N). */
  crrConnections: number;
  /** tcp_stream bytes sent per measurement (iperf3 -n), all streams together. */
  streamBytes: number;
}
