// Runs are comparable only on the same machine class: same place (native or which VM), clock, CPU
// model and count, guest vCPUs and memory, and the same scenario definitions (identity.ts's list,
// its environment entries). Three things a comparison may be *about* are identity dimensions: the
// kernel build, the BPF objects and the kernel command line. Without --vary the kernel and command
// line must match and the BPF objects are a note (the usual "did my change regress?" comparison).
// With --vary D, D differs on purpose and is named as what is under test, and every other
// dimension must match.
// What the run measured (duration, sizes, rate, streams, injected cost, preset, the measuring
// tools' major.minor) is the same list's other entries; runDifferences puts both together.
import { UsageError, quote } from '../core/errors.ts';
import type { Environment } from '../model/results.ts';
import { canonicalJson } from '../scenario/hash.ts';
import { IDENTITY, identityDifferences, normalizedCmdline, type RunIdentity, type VaryDimension } from '../results/identity.ts';

// Where the --vary dimensions were declared before the list moved to identity.ts; new code imports identity.ts.

export interface EnvironmentDifference {
  field: string;
  baseline: string;
  candidate: string;
  /** A blocking difference makes compare refuse unless --force. */
  blocking: boolean;
  /** Said instead of "<field> differs" when the difference is that something could not be checked. */
  note?: string;
}

/** What one side is, for the dimension under test: "6.12.117+deb12-amd64 (config 1a2b3c4d5e6f)". */
export function describeDimension(e: Environment, d: VaryDimension): string {
  if (d === 'kernel') return `${e.kernelRelease}${e.vm?.kernel?.configSha256 ? ` (config ${e.vm.kernel.configSha256.slice(0, 12)})` : ''}${e.kernelVersion ? ` ${e.kernelVersion}` : ''}`;
  if (d === 'bpf') return `BPF objects ${e.bpfObjectsSha256.slice(0, 12)} (git ${e.gitRevision}${e.gitDirty ? ', dirty' : ''})`;
  return normalizedCmdline(e.kernelCmdline) ?? 'not recorded';
}

const NOTED = ['gitRevision', 'nodeVersion'] as const;

/**
 * Every difference between two runs, blocking ones first: the environment's (below, with --vary),
 * the measurement-defining options and measuring tools of identity.ts, then option notes.
 */
export function runDifferences(baseRun: RunIdentity, candRun: RunIdentity, scenarios: readonly string[], vary: readonly VaryDimension[] = []): EnvironmentDifference[] {
  const defining = identityDifferences(baseRun, candRun).map((d) => ({ ...d, blocking: true }));
  const all = [...environmentDifferences(baseRun.environment, candRun.environment, scenarios, vary), ...defining, ...optionDifferences(baseRun.options, candRun.options)];
  return [...all.filter((d) => d.blocking), ...all.filter((d) => !d.blocking)];
}

export function environmentDifferences(base: Environment, cand: Environment, scenarios: readonly string[], vary: readonly VaryDimension[] = []): EnvironmentDifference[] {
  const diffs: EnvironmentDifference[] = [];
  const add = (field: string, a: unknown, b: unknown, blocking: boolean, note?: string) => {
    if (String(a) !== String(b)) diffs.push({ field, baseline: String(a), candidate: String(b), blocking, ...(note ? { note } : {}) });
  };
  for (const { field, dimension, read } of IDENTITY.filter((f) => f.environment)) {
    const [a, b] = [read({ options: {}, environment: base }), read({ options: {}, environment: cand })];
    if (a === undefined || b === undefined) continue;
    const varied = dimension !== undefined && vary.includes(dimension);
    // Without --vary the BPF objects are what a comparison is usually about: a note, as always.
    const blocking = !varied && (vary.length > 0 || dimension !== 'bpf');
    add(field, a, b, blocking, varied ? `under test (--vary ${dimension}): ${field} ${JSON.stringify(a)} -> ${JSON.stringify(b)}` : undefined);
  }
  const identities = scenarios.map((s) => ({ s, pair: scenarioIdentities(base, cand, s) }));
  for (const { s, pair } of identities) if (pair) add(`scenario definition of ${s}`, pair[0], pair[1], true);
  if (identities.some((x) => !x.pair)) {
    // Files written before scenarios were fingerprinted: nothing to check against, say so.
    diffs.push({ field: 'scenario definitions', baseline: '', candidate: '', blocking: false, note: 'scenario definitions not recorded in one of the runs (an older file): not checked' });
  }
  for (const f of NOTED) add(f, base[f], cand[f], false);
  for (const tool of new Set([...Object.keys(base.tools), ...Object.keys(cand.tools)])) add(`tools.${tool}`, base.tools[tool], cand.tools[tool], false);
  return diffs;
}

/** Other options (repeats, CPUs, interval settings) are worth a note; identity.ts covers the defining ones. */
export function optionDifferences(base: Record<string, unknown>, cand: Record<string, unknown>): EnvironmentDifference[] {
  const covered = new Set(IDENTITY.flatMap((f) => f.options ?? []));
  const keys = new Set([...Object.keys(base), ...Object.keys(cand)].filter((k) => k !== 'scenarios' && k !== 'workloads' && !covered.has(k)));
  return [...keys]
    .filter((k) => JSON.stringify(base[k]) !== JSON.stringify(cand[k]))
    .map((k) => ({ field: `options.${k}`, baseline: JSON.stringify(base[k]) ?? 'absent', candidate: JSON.stringify(cand[k]) ?? 'absent', blocking: false }));
}

export function refuseIfIncomparable(diffs: readonly EnvironmentDifference[], force: boolean): void {
  const first = diffs.find((d) => d.blocking);
  if (!first || force) return;
  throw new UsageError(`refusing to compare runs from different environments: ${first.field} differs (${quote(first.baseline)} vs ${quote(first.candidate)}); ${varyHint(first.field)}use --force to compare anyway`);
}

/** The --vary that would accept this field, when one would. */
function varyHint(field: string): string {
  const d = IDENTITY.find((x) => x.field === field && x.dimension)?.dimension;
  return d ? `if that is what is under test, say so with --vary ${d}; ` : '';
}

/** Both runs' definition hashes of a scenario, else both runs' recorded facts about it (netkit mode, programs, hooks). */
function scenarioIdentities(base: Environment, cand: Environment, scenario: string): [string, string] | undefined {
  const [ha, hb] = [base.scenariosSha256?.[scenario], cand.scenariosSha256?.[scenario]];
  if (ha && hb) return [ha.slice(0, 12), hb.slice(0, 12)];
  const [fa, fb] = [base.scenarios?.[scenario], cand.scenarios?.[scenario]];
  return fa && fb ? [canonicalJson(fa), canonicalJson(fb)] : undefined;
}
