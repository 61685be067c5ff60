// Where client and server run: a pure function of the CPUs this process may use (sched_getaffinity,
// as /proc/self/status Cpus_allowed_list prints it) and the sysfs topology records, so the choice is
// tested on synthetic machines. Client and server go on distinct physical cores, not CPU 0 when
// there is a choice (it takes most unpinned kernel work and interrupts on many machines); the
// harness itself gets what is left, so its own process does not run on the measured CPUs.
import { formatCpuList } from '../core/cpu-list.ts';
import { autoRequest, physicalCores } from './auto-placement.ts';
import type { CpuTopology, CpuRequest, PlacementOutcome } from '../model/placement.ts';

/**
 * Client, server and harness CPUs for this machine, or why the request cannot be met: a CPU that
 * does not exist, one outside the affinity mask, or a CPU in both sets (reasons are one line,
 * naming the CPU and the mask). `topology` lists every CPU present; `allowed` is sched_getaffinity.
 */
export function choosePlacement(allowed: readonly number[], topology: readonly CpuTopology[], request?: CpuRequest): PlacementOutcome {
  if (allowed.length === 0) return { ok: false, reason: 'this process may run on no CPU (empty affinity mask)' };
  const mask = formatCpuList(allowed);
  let chosen: CpuRequest;
  const notes: string[] = [];
  if (request) {
    const present = topology.map((t) => t.cpu);
    for (const cpu of [...request.client, ...request.server]) {
      if (present.length > 0 && !present.includes(cpu)) return { ok: false, reason: `--cpus: CPU ${cpu} does not exist (this machine has CPUs ${formatCpuList(present)})` };
      if (!allowed.includes(cpu)) return { ok: false, reason: `--cpus: CPU ${cpu} is not in this process's affinity mask (Cpus_allowed_list ${mask})` };
    }
    const both = request.client.find((c) => request.server.includes(c));
    if (both !== undefined) return { ok: false, reason: `--cpus: CPU ${both} is in both the client and the server set; they must be distinct` };
    chosen = request;
  } else {
    const auto = autoRequest(allowed, topology);
    chosen = auto.request;
    notes.push(...auto.notes);
  }
  const harness = harnessCpus(allowed, topology, chosen);
  const shared = harness.filter((c) => chosen.client.includes(c) || chosen.server.includes(c));
  if (shared.length > 0) notes.push(`the harness runs on CPUs ${formatCpuList(shared)}, which only parallel flows (tcp_stream_multi, and the flows axis) use: single-flow workloads keep their CPUs to themselves`);
  if (harness.length === 0) notes.push(`no CPU left for the harness: its own process shares CPUs ${formatCpuList([...chosen.client, ...chosen.server])} with the workload (its CPU time in the window is recorded)`);
  return { ok: true, placement: { ...chosen, harness, allowed: [...allowed].sort((a, b) => a - b), source: request ? '--cpus' : 'auto', notes } };
}

/**
 * Allowed CPUs on cores the workload does not use; failing that, any allowed CPU it does not use;
 * failing that, the CPUs only parallel flows use (not the first of either side).
 */
function harnessCpus(allowed: readonly number[], topology: readonly CpuTopology[], used: CpuRequest): number[] {
  const busy = new Set([...used.client, ...used.server]);
  const free = allowed.filter((c) => !busy.has(c));
  const busyCores = physicalCores(allowed, topology).filter((core) => core.some((c) => busy.has(c)));
  const otherCores = free.filter((c) => !busyCores.some((core) => core.includes(c)));
  if (otherCores.length > 0 || free.length > 0) return otherCores.length > 0 ? otherCores : free;
  return [...used.client.slice(1), ...used.server.slice(1)].sort((a, b) => a - b);
}
