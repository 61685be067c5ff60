// One history holds one kind of figure. A run's figures are a quantity of its clock (host time, or
// guest instructions at an icount shift) measured in one place (native, vm-kvm, vm-tcg): figures
// of two classes are not slower or faster than each other, they are different quantities. So
// `history add` refuses a run of another class than the history's, and `history list` and the
// trend charts take one class at a time (older histories may already mix them).
import { clockIdentity } from '../clock/clock.ts';
import { UsageError, quote } from '../core/errors.ts';
import type { Environment } from '../model/results.ts';

/** "instructions (icount shift=0), vm-tcg" or "host time, native". */
export function measuringClassOf(env: Pick<Environment, 'clock' | 'where'>): string {
  return `${clockIdentity(env.clock)}, ${env.where}`;
}

/** The records of `env`'s class, in their order. */
export function ofClass<T extends { environment: Pick<Environment, 'clock' | 'where'> }>(records: readonly T[], env: Pick<Environment, 'clock' | 'where'>): T[] {
  const wanted = measuringClassOf(env);
  return records.filter((r) => measuringClassOf(r.environment) === wanted);
}

/** Records grouped by class, classes in the order of their first record. */
export function byClass<T extends { environment: Pick<Environment, 'clock' | 'where'> }>(records: readonly T[]): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const r of records) {
    const key = measuringClassOf(r.environment);
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups];
}

/**
 * Throws (exit 2, one line) when the history's newest run is of another class than the run being
 * added: the run would sit beside figures it cannot be compared with.
 */
export function refuseOtherClass(newest: { runId: string; environment: Pick<Environment, 'clock' | 'where'> } | undefined, run: { runId: string; environment: Pick<Environment, 'clock' | 'where'> }, dir: string): void {
  if (!newest) return;
  const [theirs, ours] = [measuringClassOf(newest.environment), measuringClassOf(run.environment)];
  if (theirs === ours) return;
  throw new UsageError(`history ${quote(dir)} holds runs on ${theirs} (latest ${newest.runId}); run ${run.runId} is on ${ours}: keep one history per clock and place (history add --history-dir ANOTHER)`);
}
