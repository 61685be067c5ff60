// Locates a statically linked busybox (the initramfs has no libc, so a dynamic one cannot run there).
import { access, readFile } from 'node:fs/promises';
import { constants } from 'node:fs';
import { BUSYBOX_CANDIDATES } from './locations.ts';

const PT_INTERP = 3;

/** True when the ELF64 binary has no program interpreter (i.e. it is statically linked). */
export function isStaticElf(elf: Buffer): boolean {
  if (elf.length < 64 || elf.readUInt32BE(0) !== 0x7f454c46 || elf[4] !== 2) return false;
  const tableOffset = Number(elf.readBigUInt64LE(0x20));
  const entrySize = elf.readUInt16LE(0x36);
  const count = elf.readUInt16LE(0x38);
  for (let index = 0; index < count; index++) {
    if (elf.readUInt32LE(tableOffset + index * entrySize) === PT_INTERP) return false;
  }
  return true;
}

/** Path of a static busybox, or throws naming what was tried (install busybox-static). */
export async function findStaticBusybox(): Promise<string> {
  const tried: string[] = [];
  for (const candidate of BUSYBOX_CANDIDATES) {
    const usable = await access(candidate, constants.X_OK).then(() => true, () => false);
    if (!usable) {
      tried.push(`${candidate} (missing)`);
      continue;
    }
    if (isStaticElf(await readFile(candidate))) return candidate;
    tried.push(`${candidate} (dynamically linked)`);
  }
  throw new Error(`no statically linked busybox found (tried ${tried.join(', ')}); install busybox-static`);
}
