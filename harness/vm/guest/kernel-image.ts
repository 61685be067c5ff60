// Unpacks vmlinux from the bzImage once, so qemu can boot it through the PVH entry point:
// that skips the firmware's real-mode setup and the in-guest decompression (about 1 s under TCG).
import { execa } from 'execa';
import { createHash } from 'node:crypto';
import { access, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { GuestKernel } from './kernel.ts';
import { partialPath } from './locations.ts';

/** The compressed payload of a bzImage, located through its setup header (x86 boot protocol >= 2.08). */
export function bzImagePayload(image: Buffer): Buffer {
  if (image.toString('latin1', 0x202, 0x206) !== 'HdrS') throw new Error('not a bzImage (no HdrS header)');
  const setupSectors = image[0x1f1] || 4;
  const start = (setupSectors + 1) * 512 + image.readUInt32LE(0x248);
  return image.subarray(start, start + image.readUInt32LE(0x24c));
}

/**
 * The kernel release (`uname -r`) a bzImage carries: the first word of the string its setup header
 * points to (kernel_version at 0x20e, an offset from 0x200; x86 boot protocol >= 2.00).
 */
export function bzImageRelease(image: Buffer): string {
  if (image.length < 0x210 || image.toString('latin1', 0x202, 0x206) !== 'HdrS') throw new Error('not a bzImage (no HdrS header)');
  const at = image.readUInt16LE(0x20e) + 0x200;
  const end = image.indexOf(0, at);
  const release = image.toString('latin1', at, end < 0 ? at + 256 : end).split(' ')[0] ?? '';
  if (!/^\d+\.\d+[\w.+~-]*$/.test(release)) throw new Error('bzImage carries no kernel release string');
  return release;
}

const fileDigest = async (file: string) => createHash('sha256').update(await readFile(file)).digest('hex').slice(0, 16);

async function decompress(payload: Buffer): Promise<Buffer> {
  // xz and zstd payloads carry the decompressed size as 4 trailing bytes; gzip's own trailer holds it.
  if (payload[0] === 0x1f && payload[1] === 0x8b) return gunzipSync(payload);
  const body = payload.subarray(0, payload.length - 4);
  if (payload.readUInt32LE(0) === 0xfd2fb528) {
    return Buffer.from((await execa('zstd', ['-dc'], { input: body, encoding: 'buffer' })).stdout);
  }
  if (payload.subarray(0, 6).equals(Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]))) {
    return Buffer.from((await execa('xz', ['-dc'], { input: body, encoding: 'buffer' })).stdout);
  }
  throw new Error('unsupported bzImage payload compression');
}

/**
 * Path qemu should boot: boot/vmlinux-<release> (ELF, PVH) when the kernel has CONFIG_PVH=y and
 * unpacking works, otherwise the bzImage itself. Cached next to the bzImage, or for a kernel the
 * user built (whose folder may not be ours to write) under `cacheDir`/vmlinux/<image hash>.
 */
export async function bootableKernelImage(kernel: GuestKernel, cacheDir: string): Promise<string> {
  const bootDir = path.dirname(kernel.vmlinuzPath);
  const unpackDir = kernel.origin === 'user' ? path.join(cacheDir, 'user-kernels', await fileDigest(kernel.vmlinuzPath)) : bootDir;
  const target = path.join(unpackDir, `vmlinux-${kernel.version}`);
  if (await access(target).then(() => true, () => false)) return target;
  const config = await readFile(kernel.configPath ?? path.join(bootDir, `config-${kernel.version}`), 'utf8').catch(() => '');
  if (!/^CONFIG_PVH=y$/m.test(config)) return kernel.vmlinuzPath;
  try {
    const elf = await decompress(bzImagePayload(await readFile(kernel.vmlinuzPath)));
    if (elf.readUInt32BE(0) !== 0x7f454c46) throw new Error('payload is not an ELF image');
    await mkdir(unpackDir, { recursive: true });
    const partial = partialPath(target);
    await writeFile(partial, elf);
    await rename(partial, target);
    return target;
  } catch {
    return kernel.vmlinuzPath; // booting the bzImage is slower but equivalent
  }
}
