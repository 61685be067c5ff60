// Client, server and harness CPUs (harness/cpu/placement.ts chooses them).

/** One CPU as /sys/devices/system/cpu/cpuN/topology describes it. */
export interface CpuTopology {
  cpu: number;
  /** topology/core_id and topology/physical_package_id: together they name a physical core. */
  core: number;
  package: number;
}

/** Client and server CPU sets as the user asked (--cpus); single-stream workloads use the first of each. */
export interface CpuRequest {
  client: number[];
  server: number[];
}

export interface Placement extends CpuRequest {
  /** CPUs the harness's own process is confined to; empty when none is left (it then shares them). */
  harness: number[];
  /** The affinity mask the choice was made from. */
  allowed: number[];
  source: 'auto' | '--cpus';
  /** Compromises the machine forced (SMT siblings, one CPU, the harness sharing CPUs). */
  notes: string[];
}

export type PlacementOutcome = { ok: true; placement: Placement } | { ok: false; reason: string };
