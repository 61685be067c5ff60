// Like with like: the one list of what makes two runs comparable. Two runs that differ in an entry
// measured different things, or on a different machine or clock: compare refuses them (unless
// --force) and the history leaves such runs out of a baseline, with a note. Three entries are what
// a comparison may be *about* (--vary kernel|bpf|cmdline, their `dimension`): environment-check.ts
// applies the environment's entries with --vary, runDifferences there all of them, one mechanism.
// A helper adding a measurement-defining option (IP family, ...) adds one entry here. `read` must
// cope with files written before its field existed: return the value the old file meant (its
// default) or undefined when that cannot be known (the entry is then not checked for that pair).
import { clockIdentity } from '../clock/clock.ts';
import type { Environment } from '../model/results.ts';

export interface RunIdentity {
  options: Record<string, unknown>;
  environment: Environment;
}

export const VARY_DIMENSIONS = ['kernel', 'bpf', 'cmdline'] as const;
export type VaryDimension = (typeof VARY_DIMENSIONS)[number];

export interface IdentityField {
  /** Shown in notes and refusals: "options.durationS differs". */
  field: string;
  read: (run: RunIdentity) => string | undefined;
  /** The machine, clock or kernel rather than what was measured (environment-check.ts applies these). */
  environment?: true;
  /** What a comparison may be about (--vary): without it the kernel and command line must match and the BPF objects are a note. */
  dimension?: VaryDimension;
  /** The options.* keys the entry covers, which the free-form option notes then leave out. */
  options?: readonly string[];
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

/** Kernel parameters that name a boot rather than configure it (the image path, the VM job id). */
const BOOT_ONLY = /^(BOOT_IMAGE|initrd|nkb\.[\w.]+)=/;
export const normalizedCmdline = (cmdline: string | undefined) => cmdline?.split(/\s+/).filter((w) => w && !BOOT_ONLY.test(w)).join(' ');

const env = (field: string, read: (e: Environment) => unknown, more: Partial<IdentityField> = {}): IdentityField => ({ field, environment: true, read: (r) => str(read(r.environment)), ...more });

export const IDENTITY: readonly IdentityField[] = [
  // The machine class: the same place (native or which VM), CPU model and count, guest vCPUs and memory.
  ...(['where', 'cpuModel', 'cpuCount'] as const).map((f) => env(f, (e) => e[f])),
  // Figures on the instruction clock (and at another icount shift) are a different quantity, not a different speed.
  env('clock', (e) => clockIdentity(e.clock), { options: ['clock'] }),
  ...(['cpus', 'memoryMiB'] as const).map((f) => env(`vm.${f}`, (e) => e.vm?.[f])),
  env('QEMU version', (e) => e.vm?.qemuVersion),
  // What a comparison may be about: the kernel build, the BPF objects, the kernel command line.
  env('kernelRelease', (e) => e.kernelRelease, { dimension: 'kernel' }),
  env('kernelVersion', (e) => e.kernelVersion, { dimension: 'kernel' }),
  env('kernel config sha256', (e) => e.vm?.kernel?.configSha256, { dimension: 'kernel' }),
  env('bpfObjectsSha256', (e) => e.bpfObjectsSha256, { dimension: 'bpf' }),
  env('kernel command line', (e) => normalizedCmdline(e.kernelCmdline), { dimension: 'cmdline' }),
  // What the run measured: its options and the measuring tools' major.minor.
  { field: 'options.durationS', read: (r) => str(r.options.durationS), options: ['durationS'] },
  { field: 'options.preset', read: (r) => str(r.options.preset), options: ['preset'] },
  { field: 'options.injectCost', read: (r) => str(r.options.injectCost ?? 0), options: ['injectCost'] },
  { field: 'options.abInjectCost', read: (r) => str(r.options.abInjectCost ?? 'off'), options: ['abInjectCost'] },
  // IPv4 and IPv6 figures of one scenario are different quantities, never a change to judge.
  { field: 'IP version (--ip)', read: (r) => `IPv${ipVersionOf(r.options)}`, options: ['workloadParams'] },
  // Timed and fixed-work runs (--work) measure over different spans; files before --work were timed.
  { field: 'options.workloadParams.fixedWork (--work)', read: (r) => JSON.stringify(param(r, 'fixedWork') ?? 'off') },
  ...['streams', 'rrSizeBytes', 'crrSizeBytes', 'udpSizeBytes', 'udpRate', 'rrTool', 'crrTool'].map((p) => ({ field: `options.workloadParams.${p}`, read: (r: RunIdentity) => str(param(r, p)) })),
  ...['iperf3', 'sockperf', 'netperf'].map((t) => ({ field: `tools.${t} (major.minor)`, read: (r: RunIdentity) => toolMajorMinor(r.environment.tools?.[t]) })),
];

export interface IdentityDifference { field: string; baseline: string; candidate: string }

/** Every entry of `fields` (by default those about what was measured) whose value is known on both sides and differs. */
export function identityDifferences(base: RunIdentity, cand: RunIdentity, fields: readonly IdentityField[] = IDENTITY.filter((f) => !f.environment)): IdentityDifference[] {
  return fields.flatMap((f) => {
    const [a, b] = [f.read(base), f.read(cand)];
    return a !== undefined && b !== undefined && a !== b ? [{ field: f.field, baseline: a, candidate: b }] : [];
  });
}
