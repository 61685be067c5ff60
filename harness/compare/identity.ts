// Like with like: the options and tools that define what a run measured. Two runs that differ in
// one of them measured different things: compare refuses them (unless --force) and the history
// leaves such runs out of a baseline, with a note. Machine, kernel, clock and VM identity live in
// environment-check.ts (with --vary); runDifferences there applies both lists, the one mechanism.
// A helper adding a measurement-defining option (IP family, ...) adds one entry here. `read` must cope with
// files written before its field existed: return the value the old file meant (its default) or
// undefined when that cannot be known (the field is then not checked for that pair).
import type { Environment } from '../model/results.ts';

export interface RunIdentity {
  options: Record<string, unknown>;
  environment: Environment;
}

export interface IdentityField {
  /** Shown in notes and refusals: "options.durationS differs". */
  field: string;
  read: (run: RunIdentity) => string | undefined;
}

const param = (run: RunIdentity, name: string) => (run.options.workloadParams as Record<string, unknown> | undefined)?.[name];
/** The IP version a run measured (--ip, in its workload parameters); files before --ip measured IPv4. */
export function ipVersionOf(options: Record<string, unknown>): number {
  const params = options.workloadParams as { ipVersion?: unknown } | undefined;
  return typeof params?.ipVersion === 'number' ? params.ipVersion : 4;
}

const str = (x: unknown) => (x === undefined || x === null ? undefined : String(x));

/** "iperf 3.12 (cJSON 1.7.15)" -> "3.12": a tool's major.minor, the part whose changes move figures. */
export function toolMajorMinor(versionLine: string | undefined): string | undefined {
  if (!versionLine || versionLine === 'missing') return undefined;
  return /(\d+)\.(\d+)/.exec(versionLine)?.slice(1, 3).join('.');
}

export const IDENTITY_FIELDS: IdentityField[] = [
  { field: 'options.durationS', read: (r) => str(r.options.durationS) },
  { field: 'options.preset', read: (r) => str(r.options.preset) },
  { field: 'options.injectCost', read: (r) => str(r.options.injectCost ?? 0) },
  { field: 'options.abInjectCost', read: (r) => str(r.options.abInjectCost ?? 'off') },
  // IPv4 and IPv6 figures of one scenario are different quantities, never a change to judge.
  { field: 'IP version (--ip)', read: (r) => `IPv${ipVersionOf(r.options)}` },
  // Timed and fixed-work runs (--work) measure over different spans; files before --work were timed.
  { field: 'options.workloadParams.fixedWork (--work)', read: (r) => JSON.stringify(param(r, 'fixedWork') ?? 'off') },
  ...['streams', 'rrSizeBytes', 'crrSizeBytes', 'udpSizeBytes', 'udpRate', 'rrTool', 'crrTool'].map((p) => ({ field: `options.workloadParams.${p}`, read: (r: RunIdentity) => str(param(r, p)) })),
  ...['iperf3', 'sockperf', 'netperf'].map((t) => ({ field: `tools.${t} (major.minor)`, read: (r: RunIdentity) => toolMajorMinor(r.environment.tools?.[t]) })),
];

export interface IdentityDifference { field: string; baseline: string; candidate: string }

/** Every identity field whose value is known on both sides and differs. */
export function identityDifferences(base: RunIdentity, cand: RunIdentity, fields: readonly IdentityField[] = IDENTITY_FIELDS): IdentityDifference[] {
  return fields.flatMap((f) => {
    const [a, b] = [f.read(base), f.read(cand)];
    return a !== undefined && b !== undefined && a !== b ? [{ field: f.field, baseline: a, candidate: b }] : [];
  });
}

/** Option names the identity list covers, so the free-form option notes do not repeat them. */
export const IDENTITY_OPTIONS = new Set(['durationS', 'preset', 'injectCost', 'abInjectCost', 'clock', 'workloadParams']);
