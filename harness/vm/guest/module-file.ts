// Reads one kernel module file: decompresses it and parses its ELF .modinfo section.
import { execa } from 'execa';
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';

/** Returns the plain ELF bytes of a .ko, .ko.xz, .ko.gz or .ko.zst file. */
export async function readModuleBytes(file: string, busyboxPath: string): Promise<Buffer> {
  if (file.endsWith('.ko')) return readFile(file);
  if (file.endsWith('.ko.gz')) return gunzipSync(await readFile(file));
  // busybox is needed for the initramfs anyway, so its xzcat avoids depending on xz-utils.
  if (file.endsWith('.ko.xz')) {
    const { stdout } = await execa(busyboxPath, ['xzcat', file], { encoding: 'buffer' });
    return Buffer.from(stdout);
  }
  if (file.endsWith('.ko.zst')) {
    const { stdout } = await execa('zstd', ['-dc', file], { encoding: 'buffer' });
    return Buffer.from(stdout);
  }
  throw new Error(`unsupported kernel module compression: ${file}`);
}

/** key=value strings of the ELF64 little-endian `.modinfo` section. */
export function parseModinfo(elf: Buffer): Map<string, string> {
  if (elf.readUInt32BE(0) !== 0x7f454c46 || elf[4] !== 2 || elf[5] !== 1) {
    throw new Error('not an ELF64 little-endian kernel module');
  }
  const sectionTable = Number(elf.readBigUInt64LE(0x28));
  const entrySize = elf.readUInt16LE(0x3a);
  const count = elf.readUInt16LE(0x3c);
  const namesIndex = elf.readUInt16LE(0x3e);
  const section = (index: number) => {
    const at = sectionTable + index * entrySize;
    return {
      nameOffset: elf.readUInt32LE(at),
      offset: Number(elf.readBigUInt64LE(at + 0x18)),
      size: Number(elf.readBigUInt64LE(at + 0x20)),
    };
  };
  const names = section(namesIndex);
  for (let index = 0; index < count; index++) {
    const candidate = section(index);
    const nameStart = names.offset + candidate.nameOffset;
    const name = elf.toString('latin1', nameStart, elf.indexOf(0, nameStart));
    if (name !== '.modinfo') continue;
    const info = new Map<string, string>();
    const text = elf.toString('utf8', candidate.offset, candidate.offset + candidate.size);
    for (const entry of text.split('\0')) {
      const eq = entry.indexOf('=');
      if (eq > 0 && !info.has(entry.slice(0, eq))) info.set(entry.slice(0, eq), entry.slice(eq + 1));
    }
    return info;
  }
  throw new Error('kernel module has no .modinfo section');
}

/** Module names this module needs loaded first (the `depends=` field). */
export function moduleDependencies(elf: Buffer): string[] {
  const depends = parseModinfo(elf).get('depends') ?? '';
  return depends.split(',').filter((name) => name.length > 0);
}
