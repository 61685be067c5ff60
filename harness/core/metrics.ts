// What each metric means: its unit, which direction is better, and how the summary turns the
// repetitions into one figure. Names carry their unit. Readers (CSV, table, charts) call
// metricInfo(name) and never guess from the name.

export interface MetricInfo {
  unit: string;
  better: 'higher' | 'lower';
  description: string;
  /** Shown in the terminal table; every metric is in the files. */
  headline?: boolean;
  /**
   * How the summary's `value` is formed: the median over repetitions (default); a quantile of
   * every repetition's raw samples merged (`samples`); or the largest per-repetition value
   * (`max`, exact for the merged maximum even when samples were subsampled).
   */
  pooled?: { samples: string; quantile: number } | 'max';
}

const LATENCY = 'latencyUs';
const pct = (q: number, label: string): MetricInfo => ({
  unit: 'µs', better: 'lower', headline: q === 0.5 || q === 0.99, pooled: { samples: LATENCY, quantile: q },
  description: `${label} round-trip time (request sent to response received), from every request's sample`,
});

export const METRICS: Record<string, MetricInfo> = {
  throughputGbps: { unit: 'Gbit/s', better: 'higher', headline: true, description: 'goodput at the receiver (iperf3), first second omitted for TCP' },
  retransmitsPerGB: { unit: 'segments/GB', better: 'lower', headline: true, description: 'TCP segments the sender retransmitted per 10^9 bytes sent (the datapath dropping: on veth, backlog drops); reported, never a validity gate unless --max-retransmit-pct is set' },
  retransmitPct: { unit: '%', better: 'lower', headline: true, description: 'retransmitted bytes (segments x the default MSS) as a share of bytes sent; invalidates only above an explicit --max-retransmit-pct' },
  retransmits: { unit: 'count', better: 'lower', description: 'TCP segments retransmitted by the sender during the measurement' },
  lossPct: { unit: '%', better: 'lower', headline: true, description: 'datagrams or messages sent but never received; invalidates only above an explicit --max-loss-pct' },
  jitterMs: { unit: 'ms', better: 'lower', headline: true, description: "iperf3's UDP jitter (RFC 3550 smoothed inter-arrival variation)" },
  transactionsPerS: { unit: '1/s', better: 'higher', headline: true, description: 'request/response round trips per second, one at a time per connection (the flows axis: summed over its N connections)' },
  connectionsPerS: { unit: '1/s', better: 'higher', headline: true, description: 'connect, request, response, close: completed connections per second, one at a time per flow (the flows axis: summed over its N flows)' },
  p50Us: pct(0.5, 'median'),
  p90Us: pct(0.9, '90th percentile'),
  p99Us: pct(0.99, '99th percentile'),
  p999Us: pct(0.999, '99.9th percentile'),
  meanUs: { unit: 'µs', better: 'lower', description: "mean round-trip time (netperf's); with several flows (the flows axis) the mean over every transaction: over all flows' samples (sockperf), or each netperf instance's mean weighted by its transactions" },
  maxUs: { unit: 'µs', better: 'lower', pooled: 'max', description: 'largest round-trip time of any request' },
  cpuBusyPct: { unit: '%', better: 'lower', description: 'whole-machine CPU busy time (user, system, irq, softirq) during the measurement, as a share of all CPUs, nothing subtracted' },
  softirqPct: { unit: '%', better: 'lower', description: 'whole-machine softirq time during the measurement, as a share of all CPUs, nothing subtracted' },
  cpuUsPerKB: { unit: 'µs/KB', better: 'lower', headline: true, description: "service demand as netperf reports it (SDEMAND, usec/KB, KB = 1024 bytes): busy CPU time on the CPUs the workload used (client, server, where softirq landed) less the idle baseline, per KB received; tick-sampled (/proc/stat)" },
  processCpuUsPerKB: { unit: 'µs/KB', better: 'lower', description: 'CPU time of the client and server processes themselves (schedstat sum_exec_runtime, ns-exact; softirq work run in their context included, ksoftirqd\'s not) per KB received: unaffected by other tenants of the CPUs' },
  processCpuUsPerTransaction: { unit: 'µs', better: 'lower', description: 'CPU time of the client and server processes themselves (schedstat, ns-exact; softirq run in their context included, ksoftirqd\'s not) per transaction (per connection for tcp_crr): unaffected by other tenants of the CPUs' },
  cpuUsedCores: { unit: 'cores', better: 'lower', description: 'busy CPU time on the CPUs the workload used, less the idle baseline (and the harness where it shared them), per second of the window: CPUs\' worth of work' },
  cpuCoreSecondsPerGB: { unit: 'core-s/GB', better: 'lower', description: 'cpuUsPerKB in other units (1 core-s/GB = 1.024 µs/KB): busy CPU time on the used CPUs less idle per 10^9 bytes received; files whose measurements have no cpu.used record counted the whole machine, nothing subtracted' },
  cpuUsPerTransaction: { unit: 'core-µs', better: 'lower', headline: true, description: "service demand as netperf reports it (SDEMAND, usec/Tran): busy CPU time on the CPUs the workload used less the idle baseline, per transaction (per connection for tcp_crr); files whose measurements have no cpu.used record counted the whole machine" },
  backlogPassesPerPacket: { unit: 'passes/packet', better: 'lower', headline: true, description: 'skbs put on a CPU backlog queue (net:netif_rx) on the run\'s devices, per packet that crossed the wire; the topology predicts host 1, netkit 1, veth-bpf 2, veth 3' },
  receivePassesPerPacket: { unit: 'passes/packet', better: 'lower', description: 'calls of the core receive path (net:netif_receive_skb) on the run\'s devices per packet that crossed the wire; a bpf_redirect_peer re-run is not a new call' },
  backlogPassesPerTransaction: { unit: 'passes/transaction', better: 'lower', description: 'backlog enqueues on the run\'s devices per transaction (per connection for tcp_crr), over the timed window' },
  clientCpuPct: { unit: '%', better: 'lower', description: "iperf3's own CPU figure for the client process (100 = one core)" },
  serverCpuPct: { unit: '%', better: 'lower', description: "iperf3's own CPU figure for the server process (100 = one core)" },
};

/** Per-program BPF cost: run_time_ns / run_cnt of one attached program over the measurement's own
 * cost pass (statistics on, short untimed traffic, statistics off): program body only. */
export const BPF_NS_PER_PACKET = 'bpfNsPerPacket:';

export function bpfMetricName(program: string): string {
  return `${BPF_NS_PER_PACKET}${program}`;
}

export function metricInfo(name: string): MetricInfo {
  if (name.startsWith(BPF_NS_PER_PACKET)) {
    return { unit: 'ns', better: 'lower', headline: true, description: `time in BPF program ${name.slice(BPF_NS_PER_PACKET.length)} per run, program body only (redirect helpers' route/neighbour work happens after it returns); from a separate pass with run statistics on; one run per skb, a GSO skb carries several packets` };
  }
  return METRICS[name] ?? { unit: '', better: 'higher', description: name };
}

/** Metrics in registry order, then BPF programs by name, then anything unknown. */
export function metricOrder(name: string): number {
  const i = Object.keys(METRICS).indexOf(name);
  if (i >= 0) return i;
  return name.startsWith(BPF_NS_PER_PACKET) ? 1000 : 2000;
}
