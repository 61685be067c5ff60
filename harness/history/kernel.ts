// The kernel a history's runs are on: the one its newest run booted. A nightly boots it again
// (bench --vm-kernel with what `history kernel` prints), so a Debian point release does not move
// a history by itself; a run on another kernel is the history's kernel change, asked for, and
// judged as one (scripts/nightly.sh: compare --vary kernel against the earlier nights). Likewise
// the VMs its newest run was cut into (bench --vm-shards), so that which parts share a guest does
// not change under a history by itself.
import type { Environment } from '../model/results.ts';
import { kernelToken } from '../vm/guest/kernel-choice.ts';
import { kernelBuildOf } from './builds.ts';
import type { HistoryRecord } from './record.ts';

/**
 * Debian's package a VM run booted, as `name=version` (what bench --vm-kernel takes back); for any
 * other kernel (native, a kernel the user built) its build as history list shows it.
 */
export function kernelOfRun(env: Environment): string {
  const [name, version] = env.vm?.kernel?.origin === 'package' ? (env.vm.kernel.package ?? '').split(' ') : [];
  return name && version ? kernelToken(name, version) : kernelBuildOf(env);
}

/** The kernel of the newest record (records oldest first, as readHistory returns them); undefined for an empty history. */
export function historyKernel(records: readonly HistoryRecord[]): string | undefined {
  const newest = records.at(-1);
  return newest ? kernelOfRun(newest.environment) : undefined;
}

/**
 * How many VMs the newest record's matrix was cut into (bench --vm-shards): environment.vm.vmShards,
 * the count asked, for older records vms, the count used, and 1 for a VM run recorded before runs
 * were cut; undefined for an empty history or a native run, where there is no VM to pin.
 */
export function historyVms(records: readonly HistoryRecord[]): number | undefined {
  const vm = records.at(-1)?.environment.vm;
  return vm ? (vm.vmShards ?? vm.vms ?? 1) : undefined;
}
