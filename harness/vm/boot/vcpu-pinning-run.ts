// Pins a just-started guest's vCPUs (KVM only) and says what happened, never failing the run:
// an unpinned guest still measures, and the record says it was not pinned and why.
import { readAffinity } from '../../cpu/machine.ts';
import { applyVcpuPinning, planVcpuPinning, queryVcpuThreads } from './vcpu-pinning.ts';
import type { VcpuPlacement } from '../../model/guest.ts';

export interface PinningOutcome {
  vcpuPinning?: VcpuPlacement[];
  pinningNote: string;
}

/** qmpSocket undefined means TCG: there are no vCPU threads of the hardware's to pin. */
export async function pinVcpus(vcpus: number, qmpSocket: string | undefined): Promise<PinningOutcome> {
  if (!qmpSocket) return { pinningNote: 'not pinned: TCG emulation (vCPU pinning applies under KVM)' };
  try {
    const plan = planVcpuPinning(vcpus, await readAffinity());
    const placement = await applyVcpuPinning(plan, await queryVcpuThreads(qmpSocket));
    const shared = new Set(placement.map((p) => p.hostCpu)).size < placement.length;
    return { vcpuPinning: placement, pinningNote: shared ? 'pinned; more vCPUs than host CPUs, so some share one' : 'pinned: one host CPU per vCPU' };
  } catch (error) {
    return { pinningNote: `not pinned: ${(error as Error).message}` };
  }
}
