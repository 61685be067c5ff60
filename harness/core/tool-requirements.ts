// Which version of a measuring tool each workload needs, per feature (the report fields or
// options it reads), in one table that the parsers (their "needs X >= V" reasons), `doctor` (a
// line per tool) and bench's preflight (refusing a workload the installed tool cannot serve) read.
// An older tool is named with the version needed, never called malformed.

export interface ToolRequirement {
  tool: 'iperf3' | 'netperf';
  min: string;
  /** The workloads that read this feature when they run this tool. */
  workloads: readonly string[];
  /** What the harness reads that needs this version. */
  feature: string;
}

/**
 * Sources: iperf3 3.0.3 RELNOTES ("Summary structures in the JSON output are now included, even
 * if there is only one stream"); UDP reports carry end.sum_sent and end.sum_received (the
 * receiver's jitter_ms, lost_packets, packets) from iperf3 3.11 (esnet/iperf 0d078c4a, PR #1174;
 * earlier UDP reports give only end.sum);
 * netperf 2.5.0 (2011) for omni output selectors and -j.
 */
export const TOOL_REQUIREMENTS = {
  iperfEndSums: { tool: 'iperf3', min: '3.0.3', workloads: ['tcp_stream', 'tcp_stream_multi', 'udp_stream'], feature: 'JSON end summaries (end.sum_sent, end.sum_received)' },
  iperfUdpReceiverSums: { tool: 'iperf3', min: '3.11', workloads: ['udp_stream'], feature: "UDP receiver sums (end.sum_received's jitter_ms, lost_packets, packets)" },
  netperfOmni: { tool: 'netperf', min: '2.5.0', workloads: ['tcp_rr', 'tcp_crr'], feature: 'omni output selectors and -j latency percentiles' },
} as const satisfies Record<string, ToolRequirement>;

export type RequirementId = keyof typeof TOOL_REQUIREMENTS;

/** "needs iperf3 >= 3.11 for UDP receiver sums (...)": what a parser says when a report lacks the feature. */
export function needs(id: RequirementId): string {
  const r = TOOL_REQUIREMENTS[id];
  return `needs ${r.tool} >= ${r.min} for ${r.feature}`;
}

/** The first dotted version number in a tool's version line ("iperf 3.12 (cJSON 1.7.15)" -> "3.12"). */
export function versionIn(line: string): string | undefined {
  return /(\d+(?:\.\d+)+)/.exec(line)?.[1];
}

/** Negative, zero or positive as `a` is older than, the same as or newer than `b` (numeric, dot-separated). */
export function compareVersions(a: string, b: string): number {
  const [x, y] = [a.split('.').map(Number), b.split('.').map(Number)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The rows for `tool` (and, when given, `workload`), oldest requirement first. */
export function requirementsOf(tool: string, workload?: string): ToolRequirement[] {
  return Object.values(TOOL_REQUIREMENTS)
    .filter((r) => r.tool === tool && (workload === undefined || (r.workloads as readonly string[]).includes(workload)))
    .sort((a, b) => compareVersions(a.min, b.min));
}

/** The rows a tool whose `--version` line is `versionLine` fails (all of them when no version can be read). */
export function unmet(tool: string, versionLine: string, workload?: string): ToolRequirement[] {
  const have = versionIn(versionLine);
  return requirementsOf(tool, workload).filter((r) => !have || compareVersions(have, r.min) < 0);
}
