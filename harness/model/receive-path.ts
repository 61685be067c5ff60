// What a run's devices did over one window (harness/accounting/receive-path.ts counts it).

/** What the run's devices did over one measurement's window (results.json `receivePath`). */
export interface ReceivePathCounts {
  /** Seconds between the two counter reads, on the harness's clock (the guest's in a VM). */
  windowS: number;
  /** true: read at the edges of the workload's timed window; false: around the whole client run (warmup included). */
  timed: boolean;
  /**
   * Transactions (tcp_rr) or connections (tcp_crr) the counted run did, when it did fixed work
   * (bench/matrix.ts: an untimed pass does passWork's fifth). Absent in older files, whose passes
   * did the measurement's own --work.
   */
  transactions?: number;
  /**
   * Skbs put on a CPU's backlog queue by the run's devices, total and per CPU (index = CPU): those
   * handed to enqueue_to_backlog (net:netif_rx) minus those it dropped because the queue was full.
   */
  backlogEnqueues: number;
  backlogEnqueuesPerCpu: number[];
  /** Skbs enqueue_to_backlog refused (queue full: net.core.netdev_max_backlog), not in backlogEnqueues. */
  backlogDrops: number;
  /** net:netif_receive_skb on the run's devices (calls of __netif_receive_skb_core), total and per CPU. */
  receivePasses: number;
  receivePassesPerCpu: number[];
  /**
   * Receive passes on the scenario's packet devices (Scenario.packetDevices: the wire's two ends
   * cross-node): the packets (skbs) between client and server, both directions. The name is the
   * results schema's from before same-node topologies.
   */
  wirePackets: number;
}
