// Runs are comparable only on the same machine class: same place (native or which VM), clock, kernel,
// CPU model and count, and the same scenario definitions. Other differences (the git revision, the
// BPF objects, tool versions, run options) are what a comparison is usually about, so they are
// reported as notes, not refusals.
import { UsageError, quote } from '../errors.ts';
import { clockIdentity } from '../clock/clock.ts';
import type { Environment } from '../results/schema.ts';
import { canonicalJson } from '../scenario-hash.ts';

export interface EnvironmentDifference {
  field: string;
  baseline: string;
  candidate: string;
  /** A blocking difference makes compare refuse unless --force. */
  blocking: boolean;
  /** Said instead of "<field> differs" when the difference is that something could not be checked. */
  note?: string;
}

const BLOCKING = ['where', 'kernelRelease', 'cpuModel', 'cpuCount'] as const;
const NOTED = ['gitRevision', 'bpfObjectsSha256', 'nodeVersion'] as const;

export function environmentDifferences(base: Environment, cand: Environment, scenarios: readonly string[]): EnvironmentDifference[] {
  const diffs: EnvironmentDifference[] = [];
  const add = (field: string, a: unknown, b: unknown, blocking: boolean) => {
    if (String(a) !== String(b)) diffs.push({ field, baseline: String(a), candidate: String(b), blocking });
  };
  for (const f of BLOCKING) add(f, base[f], cand[f], true);
  // Figures on the instruction clock (and at another icount shift) are a different quantity, not a different speed.
  add('clock', clockIdentity(base.clock), clockIdentity(cand.clock), true);
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

/** Options that change what a number means (duration, repeats, an injected cost) are worth a note. */
export function optionDifferences(base: Record<string, unknown>, cand: Record<string, unknown>): EnvironmentDifference[] {
  const keys = new Set([...Object.keys(base), ...Object.keys(cand)].filter((k) => k !== 'scenarios' && k !== 'workloads'));
  return [...keys]
    .filter((k) => JSON.stringify(base[k]) !== JSON.stringify(cand[k]))
    .map((k) => ({ field: `options.${k}`, baseline: JSON.stringify(base[k]) ?? 'absent', candidate: JSON.stringify(cand[k]) ?? 'absent', blocking: false }));
}

export function refuseIfIncomparable(diffs: readonly EnvironmentDifference[], force: boolean): void {
  const first = diffs.find((d) => d.blocking);
  if (!first || force) return;
  throw new UsageError(`refusing to compare runs from different environments: ${first.field} differs (${quote(first.baseline)} vs ${quote(first.candidate)}); use --force to compare anyway`);
}

/** Both runs' definition hashes of a scenario, else both runs' recorded facts about it (netkit mode, programs, hooks). */
function scenarioIdentities(base: Environment, cand: Environment, scenario: string): [string, string] | undefined {
  const [ha, hb] = [base.scenariosSha256?.[scenario], cand.scenariosSha256?.[scenario]];
  if (ha && hb) return [ha.slice(0, 12), hb.slice(0, 12)];
  const [fa, fb] = [base.scenarios?.[scenario], cand.scenarios?.[scenario]];
  return fa && fb ? [canonicalJson(fa), canonicalJson(fb)] : undefined;
}
