// Which tool measured what, from the measurements themselves (every file has them; summary rows
// carry `tool` only since it was added). Exporters name the tool next to every figure.
import type { ResultsFile } from '../model/results.ts';

/** The distinct tools (name and version) that measured `workload` (in `scenario`, if given), in order seen. */
export function toolsOf(results: ResultsFile, workload: string, scenario?: string): string[] {
  const seen = results.measurements.filter((m) => m.workload === workload && (scenario === undefined || m.scenario === scenario) && m.tool).map((m) => m.tool!);
  return [...new Set(seen)];
}

/** "measured with: tcp_stream iperf 3.12; tcp_crr netperf 2.7.0", or nothing when no measurement named its tool. */
export function measuredWithLine(results: ResultsFile): string[] {
  const workloads = [...new Set(results.measurements.map((m) => m.workload))];
  const parts = workloads.flatMap((w) => {
    const tools = toolsOf(results, w);
    return tools.length ? [`${w} ${tools.join(' / ')}`] : [];
  });
  return parts.length ? [`measured with: ${parts.join('; ')}`] : [];
}
