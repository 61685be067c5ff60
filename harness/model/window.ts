// Hooks a workload calls at the edges of its timed window (cpu and accounting implement them).

/**
 * Called at the edges of a measurement's timed window, as close as possible to the CPU snapshots
 * (begin runs alongside the first, end alongside the second). A workload whose tool times its
 * own window calls begin before the client starts and end(false) after it exits.
 */
export interface WindowHooks {
  begin(): Promise<void>;
  end(timed: boolean): Promise<void>;
}
