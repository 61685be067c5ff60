// A built scenario's applied settings: every namespace read back (readback.ts), devices named by
// their scenario roles, and the scenario's settings the kernel did not apply (settings-check.ts).
import { namespaceName, runPrefix } from '../core/naming.ts';
import type { AppliedNamespace, AppliedSettings } from '../model/results.ts';
import type { Scenario } from '../scenario/types.ts';
import { readNamespace } from './readback.ts';
import { settingsMismatches } from './settings-check.ts';

/** Reads every namespace of `scenario` as built under `runId`; one `ip`, one `sysctl` and one `ethtool` per device and namespace. */
export async function readScenarioSettings(scenario: Scenario, runId: string): Promise<AppliedSettings> {
  const prefix = runPrefix(runId);
  const role = (ifname: string) => (ifname.startsWith(prefix) ? ifname.slice(prefix.length) : ifname);
  const namespaces: Record<string, AppliedNamespace> = {};
  for (const node of scenario.nodes) {
    const keys = [...new Set(scenario.sysctls.filter((s) => s.node === node).map((s) => s.key))];
    namespaces[node] = await readNamespace(namespaceName(runId, node), keys, role);
  }
  return { namespaces, mismatches: settingsMismatches(scenario, namespaces) };
}

/** One line for a skip or failure reason: the first mismatches, and how many more. */
export function mismatchReason(mismatches: readonly string[]): string {
  const shown = mismatches.slice(0, 3).join('; ');
  return `settings not applied as asked: ${shown}${mismatches.length > 3 ? `; and ${mismatches.length - 3} more` : ''}`;
}
