import { execa } from 'execa';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../bin/netkit-bench.js', import.meta.url));

/** Runs the real CLI; never throws on a non-zero exit. */
export function cli(args: string[], opts: { timeoutMs?: number; uid?: number } = {}) {
  return execa(process.execPath, [BIN, ...args], { reject: false, timeout: opts.timeoutMs ?? 120_000, uid: opts.uid });
}
