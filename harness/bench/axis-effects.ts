// What each value of the sweep axes does, as data the AXES table (bench/axes.ts) points to.
// A workload-scope axis changes the workload parameters within one build; a build-scope axis the
// devices the scenario builds (a scenario variant, scenario/link-override.ts, that plan and
// read-back both take: a value the kernel refuses fails the build with the kernel's reason, one
// it silently ignores is a read-back mismatch, and either way the point is skipped with that
// reason on the instruction clock, bench/matrix.ts).
import { UsageError, quote } from '../core/errors.ts';
import type { WorkloadParams } from '../model/workload-params.ts';
import type { LinkOverride } from '../scenario/link-override.ts';

export interface AxisEffect {
  scope: 'build' | 'workload';
  /** Smallest and largest value accepted, whole numbers in the axis's unit. */
  min: number;
  max: number;
  unit: string;
  /** `--sweep AXIS` alone: these values. */
  preset: readonly number[];
  /** Sizes span decades: charts put them on a log scale. */
  logScale: boolean;
  /** The workloads a value acts on; absent: all. */
  workloads?: readonly string[];
  /** What a workload-scope value sets in WorkloadParams. */
  params?: (value: number) => Partial<WorkloadParams>;
  /** What a build-scope value sets on every device of every link. */
  link?: (value: number) => LinkOverride;
  /**
   * A workload-scope value's guest work relative to others of the axis (dimensionless; bench/shard.ts
   * deals shards by it). Absent: every value costs alike.
   */
  relativeCost?: (value: number) => number;
  doc: string;
}

/**
 * The msg axis's cost, 1 + bytes / 10240: a part's fixed work (build share, accounting pass,
 * process starts, transactions' headers) costs about what 10 KiB more of payload per transaction
 * does. Least squares over four shards' busy guest time (matrixCpuS) in two deals of the 5 x 5
 * tcp_rr msg sweep in 2 VMs (2026-12-06; docs/measurements/cost-per-measurement.md): 1.40 s a part
 * plus 0.137 ms per byte of msg, within 3 s of each shard's 40-58 s.
 */
const msgCost = (bytes: number) => 1 + bytes / 10240;

/** IPv4 and IPv6 GSO and GRO ceilings together: BIG TCP above 65536 (Linux 5.19 IPv6, 6.3 IPv4). */
const gsoAll = (bytes: number): LinkOverride => ({ gsoMaxSize: bytes, groMaxSize: bytes, gsoIpv4MaxSize: bytes, groIpv4MaxSize: bytes });

export type SweptAxis = 'msg' | 'flows' | 'mtu' | 'gso';

/** Workloads whose request, response or write size the msg axis sets (udp_stream's datagram size has --udp-size). */
const SIZED = ['tcp_rr', 'udp_rr', 'tcp_crr', 'tcp_stream', 'tcp_stream_multi'];
/** Workloads the flows axis runs several connections of (tcp_rr through sockperf or netperf, not the probe: cli/workload-options.ts). */
export const FLOWED = ['tcp_rr', 'udp_rr', 'tcp_crr', 'tcp_stream', 'tcp_stream_multi'];

export const AXIS_EFFECTS: Readonly<Record<SweptAxis, AxisEffect>> = {
  msg: {
    scope: 'workload', min: 1, max: 1 << 20, unit: 'bytes', preset: [1, 64, 1024, 16384, 65536], logScale: true, workloads: SIZED,
    params: (bytes) => ({ msgBytes: bytes }),
    relativeCost: msgCost,
    doc: 'request and response bytes of tcp_rr/udp_rr/tcp_crr (netperf -r N,N, sockperf -m), write bytes of TCP streams (iperf3 -l)',
  },
  flows: {
    // Request/response: N sockperf clients (workloads/sockperf-flows.ts) or N netperf instances
    // (workloads/netperf-flows.ts), each with its own server, rates summed, latency pooled.
    scope: 'workload', min: 1, max: 128, unit: 'connections', preset: [1, 2, 4, 8], logScale: true, workloads: FLOWED,
    params: (n) => ({ flows: n }),
    // Each flow does the fixed work (workloads/netperf-flows.ts) or runs the whole duration.
    relativeCost: (n) => n,
    doc: 'concurrent connections spread over the client and server CPU sets: TCP streams (iperf3 -P); N sockperf clients for tcp_rr/udp_rr (rates summed, percentiles of every flow\'s round trips merged) or N netperf instances for tcp_rr --rr-tool netperf and tcp_crr (rates summed, mean pooled, no percentiles)',
  },
  mtu: {
    // 68: the IPv4 minimum (RFC 791); 65535: veth's and netkit's max_mtu (ETH_MAX_MTU).
    scope: 'build', min: 68, max: 65535, unit: 'bytes', preset: [1500, 9000], logScale: false,
    link: (bytes) => ({ mtu: bytes }),
    doc: 'MTU of every device of the topology, wire and pods (ip link set mtu)',
  },
  gso: {
    // 524280: GRO_MAX_SIZE (8 x 65535), the largest gro_max_size the kernel takes.
    scope: 'build', min: 1, max: 524280, unit: 'bytes', preset: [65536, 185000], logScale: false,
    link: gsoAll,
    doc: 'gso_max_size, gro_max_size, gso_ipv4_max_size and gro_ipv4_max_size of every device: 65536 is the legacy ceiling, above it BIG TCP',
  },
};

/** One value of `axis` from the command line: a whole number within the axis's range, else UsageError naming it. */
export function parseAxisValue(axis: SweptAxis, text: string): number {
  const e = AXIS_EFFECTS[axis];
  const n = Number(text.trim());
  if (!/^\d+$/.test(text.trim()) || n < e.min || n > e.max) throw new UsageError(`--sweep ${axis} value ${quote(text)} must be a whole number of ${e.unit} from ${e.min} to ${e.max}`);
  return n;
}
