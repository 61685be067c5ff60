// What doctor and bench's preflight say of a tool's version, from the one table of what each
// workload needs of it (core/tool-requirements.ts, which the parsers read too).
import { requirementsOf, unmet, versionIn, type ToolRequirement } from '../core/tool-requirements.ts';

const list = (r: ToolRequirement) => r.workloads.join(', ');

/**
 * What doctor says after a tool's version line: each requirement of the table with the workloads
 * that have it, and whether this version meets it, e.g.
 * ` (tcp_stream, tcp_stream_multi, udp_stream: >= 3.0.3 ok; udp_stream: too old, needs >= 3.11 for UDP receiver sums (...))`.
 * Empty for a tool the table does not name.
 */
export function requirementNote(tool: string, versionLine: string): string {
  const rows = requirementsOf(tool);
  if (rows.length === 0) return '';
  const have = versionLine === 'missing' ? undefined : versionIn(versionLine);
  const failing = new Set(unmet(tool, have ? versionLine : ''));
  const parts = rows.map((r) => (!failing.has(r) ? `${list(r)}: >= ${r.min} ok` : `${list(r)}: ${have ? 'too old, ' : ''}needs >= ${r.min} for ${r.feature}`));
  return ` (${parts.join('; ')})`;
}

/**
 * Why `workload` cannot run with this version of `tool`, or undefined when it can (or when the
 * table asks nothing of that pair): bench refuses such a workload before anything is built.
 */
export function versionRefusal(workload: string, tool: string, versionLine: string): string | undefined {
  const failing = unmet(tool, versionLine, workload);
  const newest = failing[failing.length - 1];
  if (!newest) return undefined;
  const have = versionIn(versionLine) ? versionLine : 'no readable version';
  return `${workload} needs ${tool} >= ${newest.min} for ${newest.feature}; this is ${have}: install a newer ${tool} (npm run setup) or leave ${workload} out`;
}
