// The oldest version of each measuring tool whose output has every field the parsers read. An
// older tool is named with the version needed (here and in `doctor`), never called malformed.
import { IPERF3_MIN_VERSION } from '../parsers/iperf.ts';
import { NETPERF_MIN_VERSION } from '../parsers/netperf.ts';

export interface ToolRequirement {
  min: string;
  /** What the parsers need from that version. */
  for: string;
}

export const TOOL_REQUIREMENTS: Record<string, ToolRequirement> = {
  iperf3: { min: IPERF3_MIN_VERSION, for: 'JSON end summaries of tcp_stream/udp_stream' },
  netperf: { min: NETPERF_MIN_VERSION, for: 'omni output selectors and -j latency percentiles of tcp_crr (and tcp_rr --rr-tool netperf)' },
};

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

/** What doctor says after a tool's version line: the requirement, and whether this version meets it. */
export function requirementNote(tool: string, versionLine: string): string {
  const req = TOOL_REQUIREMENTS[tool];
  if (!req) return '';
  const have = versionIn(versionLine);
  if (versionLine === 'missing' || !have) return ` (needs ${tool} >= ${req.min} for ${req.for})`;
  return compareVersions(have, req.min) < 0 ? ` (too old: needs ${tool} >= ${req.min} for ${req.for})` : ` (needs >= ${req.min}: ok)`;
}
