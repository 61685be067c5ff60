// What this kernel and userspace can run, found by trying (creating each kind of link with the
// exact arguments a run uses, in throwaway namespaces: link-probe.ts) rather than by reading
// config files that may not exist.
import { access } from 'node:fs/promises';
import { mismatchReason, readScenarioSettings } from './scenario-readback.ts';
import { newRunId } from '../core/naming.ts';
import { LOADER } from '../core/paths.ts';
import type { Feature, Scenario } from '../scenario/types.ts';
import { kernelRelease, kernelVersion, which } from './system.ts';
import { withTopology } from '../topology/apply.ts';
import { probeLinkKind, type FeatureStatus } from './link-probe.ts';
import { planTopology, type PlanContext } from '../topology/plan.ts';
import type { Skip } from '../model/results.ts';

export type { FeatureStatus } from './link-probe.ts';
export type Capabilities = Record<Feature, FeatureStatus>;

async function probeTcx(): Promise<FeatureStatus> {
  const [major, minor] = kernelVersion(await kernelRelease());
  if (major < 6 || (major === 6 && minor < 6)) return { ok: false, reason: `tcx needs Linux 6.6+, this is ${major}.${minor}` };
  try {
    await access(LOADER);
  } catch {
    return { ok: false, reason: `BPF loader not built (${LOADER}); run \`npm run setup\`` };
  }
  return { ok: true };
}

/** Classic tc with BPF: the tc tool and our loader (which loads what `tc ... bpf object-pinned` attaches). */
async function probeTc(): Promise<FeatureStatus> {
  if (!(await which('tc'))) return { ok: false, reason: 'no tc (iproute2) on PATH' };
  try {
    await access(LOADER);
  } catch {
    return { ok: false, reason: `BPF loader not built (${LOADER}); run \`npm run setup\`` };
  }
  return { ok: true };
}

export async function detectCapabilities(runId: string): Promise<Capabilities> {
  return { veth: await probeLinkKind(runId, 'veth'), netkit: await probeLinkKind(runId, 'netkit'), tcx: await probeTcx(), tc: await probeTc() };
}

/** Why a scenario cannot run here, or undefined when it can. */
export function whyNotRunnable(scenario: Scenario, caps: Capabilities): string | undefined {
  for (const feature of scenario.requires) {
    const status = caps[feature];
    if (!status.ok) return status.reason;
  }
  return undefined;
}

/**
 * Builds the scenario's namespaces, sysctls and links with the exact arguments a run uses (netkit
 * mode, policies and scrub included) and its device settings, in throwaway namespaces, then reads
 * them back. Why the scenario cannot be measured as labelled (a command the kernel or `ip`
 * rejected, or a setting it reported otherwise), or undefined when it can. Addresses, routes and
 * programs are left out: they are not settings a kernel can silently ignore.
 */
export async function probeScenario(scenario: Scenario, ctx: Omit<PlanContext, 'runId'>): Promise<string | undefined> {
  const runId = newRunId();
  const bare: Scenario = { ...scenario, addresses: [], neighbors: [], routes: [], programs: [] };
  try {
    const applied = await withTopology(planTopology(bare, { ...ctx, runId }), () => readScenarioSettings(bare, runId));
    return applied.mismatches.length > 0 ? mismatchReason(applied.mismatches) : undefined;
  } catch (err) {
    return `cannot build it as specified: ${(err as Error).message}`;
  }
}

/** What probeScenario builds: scenarios equal in this (veth, veth-bpf and veth-tc differ only in programs) share one probe. */
export const probeKey = (s: Scenario) => JSON.stringify([s.nodes, s.links, s.linkSettings, s.sysctls]);

/**
 * Scenarios that cannot run here, with the reason: a missing feature first, else what the settings
 * probe found. Each distinct topology is probed once: a build costs seconds of wall time in the
 * emulated VM. `probe: false` leaves the settings to the run's own build (bench/matrix.ts
 * `buildIsProbe`), for runs that build each scenario once anyway.
 */
export async function skipReasons(scenarios: readonly Scenario[], caps: Capabilities, ctx: Omit<PlanContext, 'runId'>, { probe = true } = {}): Promise<Skip[]> {
  const out: Skip[] = [];
  const probed = new Map<string, string | undefined>();
  for (const s of scenarios) {
    const key = probeKey(s);
    const missing = whyNotRunnable(s, caps);
    if (probe && !missing && !probed.has(key)) probed.set(key, await probeScenario(s, ctx));
    const reason = missing ?? probed.get(key);
    if (reason) out.push({ scenario: s.name, reason, point: { topology: s.topology } });
  }
  return out;
}
