// Checks that fail fast, before anything is created: root and tools (the output folder: core/folder.ts).
import { access } from 'node:fs/promises';
import { constants } from 'node:fs';
import { UsageError, quote } from '../core/errors.ts';
import { LOADER } from '../core/paths.ts';
import type { Scenario } from '../scenario/types.ts';
import { isRoot, which } from '../host/system.ts';
import { toolVersion } from '../host/environment.ts';
import { requirementsOf } from '../core/tool-requirements.ts';
import { versionRefusal } from '../workloads/tool-requirements.ts';
import type { WorkloadParams } from '../model/workload-params.ts';
import type { Workload } from '../workloads/types.ts';

export async function checkTools(scenarios: readonly Scenario[], workloads: readonly Workload[], params?: WorkloadParams): Promise<void> {
  const needed = new Set(['ip', 'nsenter', 'taskset', 'sysctl']);
  const neededBy = new Map<string, string>();
  for (const w of workloads) {
    for (const tool of (params && w.toolsFor?.(params)) ?? w.tools) neededBy.set(tool, w.name);
  }
  for (const tool of needed) {
    if (!(await which(tool))) throw new UsageError(`required tool ${quote(tool)} is not on PATH; run \`npm run setup\``);
  }
  for (const [tool, workload] of neededBy) {
    if (!(await which(tool))) throw new UsageError(`${workload} needs ${quote(tool)}, which is not on PATH; run \`npm run setup\`${TOOL_CHOICE[workload] ?? ''}`);
  }
  await checkToolVersions(workloads, params);
  if (scenarios.some((s) => s.programs.length > 0)) {
    try {
      await access(LOADER, constants.X_OK);
    } catch {
      throw new UsageError(`BPF loader ${quote(LOADER)} is missing; run \`npm run setup\` (builds bpf/)`);
    }
  }
}

/** Each selected workload's tools against what the requirements table asks of them for that workload. */
async function checkToolVersions(workloads: readonly Workload[], params?: WorkloadParams): Promise<void> {
  const versions = new Map<string, string>();
  for (const w of workloads) {
    for (const tool of (params && w.toolsFor?.(params)) ?? w.tools) {
      if (requirementsOf(tool, w.name).length === 0) continue;
      if (!versions.has(tool)) versions.set(tool, await toolVersion(tool));
      const refusal = versionRefusal(w.name, tool, versions.get(tool)!);
      if (refusal) throw new UsageError(`${refusal}${TOOL_CHOICE[w.name] ?? ''}`);
    }
  }
}

const TOOL_CHOICE: Record<string, string> = { tcp_rr: ' or choose another with --rr-tool', tcp_crr: ' or choose another with --crr-tool' };

export function checkRoot(): void {
  if (!isRoot()) throw new UsageError('netkit-bench must run as root (it creates network namespaces and attaches BPF programs)');
}
