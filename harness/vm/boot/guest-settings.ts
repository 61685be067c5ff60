// The guest machine as the user sets it (--vm-cpus, --vm-memory, --vm-cmdline), its defaults, and
// the record of what a boot really used. One place, shared by bench runs and `vm shell`.
import { availableParallelism } from 'node:os';
import { UsageError, quote } from '../../core/errors.ts';
import type { VcpuPlacement } from '../../model/guest.ts';
import type { GuestKernelRecord } from '../../model/guest.ts';

export const DEFAULT_GUEST_MEMORY_MIB = 4096;

export interface GuestSettings {
  /** vCPUs; default: as many as the host has. */
  cpus?: number;
  memoryMiB?: number;
  /** Kernel parameters appended to the built-in command line. */
  cmdline?: string[];
}

export const guestCpus = (s: GuestSettings) => s.cpus ?? availableParallelism();
export const guestMemoryMiB = (s: GuestSettings) => s.memoryMiB ?? DEFAULT_GUEST_MEMORY_MIB;

/** The mitigations setting the words ask for (the last one wins, as in the kernel's parser). */
export function mitigationsOf(words: readonly string[]): string {
  const last = words.filter((w) => w.startsWith('mitigations=')).pop();
  return last === undefined ? 'kernel default' : last.slice('mitigations='.length);
}

/** --vm-memory: MiB, or with a unit (512M, 4G). At least 256 MiB: the guest's root is a tmpfs overlay. */
export function parseGuestMemory(value: string): number {
  const m = /^(\d+)\s*([MG])?(?:i?B)?$/i.exec(value.trim());
  const mib = m ? Number(m[1]) * (m[2]?.toUpperCase() === 'G' ? 1024 : 1) : NaN;
  if (!(mib >= 256 && mib <= 1024 * 1024)) throw new UsageError(`--vm-memory ${quote(value)} must be a size from 256M to 1024G (e.g. 4G, 2048M)`);
  return mib;
}

/** --vm-cmdline: space-separated kernel parameters; no quotes or newlines (qemu -append takes one line). */
export function parseGuestCmdline(value: string): string[] {
  if (/["'\n\0]/.test(value)) throw new UsageError(`--vm-cmdline ${quote(value)}: quotes and newlines are not supported; give plain key=value words`);
  const words = value.split(/\s+/).filter(Boolean);
  const ours = words.find((w) => /^(nkb\.|rdinit=|console=)/.test(w));
  if (ours) throw new UsageError(`--vm-cmdline: ${quote(ours)} is set by netkit-bench itself and cannot be overridden`);
  return words;
}
