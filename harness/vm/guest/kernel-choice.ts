// Which of Debian's kernels the built-in VM boots (bench --vm-kernel). Debian publishes a point
// release of 6.12 every few weeks under a new package name, so "the newest" moves under a history
// of runs; a nightly gate boots the kernel its history started with, and takes a new one only when
// asked. Pure: parsing and matching; kernel.ts fetches and unpacks.
import { UsageError, quote } from '../../core/errors.ts';
import { kernelPatchLevel } from './kernel-package.ts';

export type KernelChoice =
  /** The newest kernel in the cache; apt's newest the first time (the default: what was fetched once stays). */
  | { kind: 'cached' }
  /** apt's newest, fetched if the cache does not have it. */
  | { kind: 'newest' }
  /** One kernel: a package (and version), or a 6.12 patch level. */
  | { kind: 'exact'; spec: string; name?: string; version?: string; patch?: number };

const PACKAGE = /^(linux-image-6\.12\.\d+\+deb1[23](?:\.\d+)?-amd64-unsigned)(?:=([\w.+~:-]+))?$/;
const RELEASE = /^6\.12\.\d+\+deb1[23](?:\.\d+)?-amd64$/;

/**
 * `cached`, `newest`, a patch level (`6.12.117`), a release as `uname -r` says it
 * (`6.12.117+deb12-amd64`), or a package with an optional version
 * (`linux-image-6.12.117+deb12-amd64-unsigned=6.12.117-1~deb12u1`, what `history kernel` prints).
 */
export function parseKernelChoice(value: string): KernelChoice {
  const v = value.trim();
  if (v === 'cached' || v === 'newest') return { kind: v };
  const patch = /^6\.12\.(\d+)$/.exec(v);
  if (patch) return { kind: 'exact', spec: v, patch: Number(patch[1]) };
  if (RELEASE.test(v)) return { kind: 'exact', spec: v, name: `linux-image-${v}-unsigned` };
  const pkg = PACKAGE.exec(v);
  if (pkg) return { kind: 'exact', spec: v, name: pkg[1], ...(pkg[2] ? { version: pkg[2] } : {}) };
  throw new UsageError(`--vm-kernel ${quote(value)} must be cached, newest, a 6.12 patch level (6.12.117), a release (6.12.117+deb12-amd64) or a package (linux-image-6.12.117+deb12-amd64-unsigned[=VERSION])`);
}

/** Does this package (name, version) satisfy an exact choice? */
export function matchesChoice(choice: Extract<KernelChoice, { kind: 'exact' }>, name: string, version: string): boolean {
  if (choice.name !== undefined && choice.name !== name) return false;
  if (choice.version !== undefined && choice.version !== version) return false;
  return choice.patch === undefined || kernelPatchLevel(name) === choice.patch;
}

/** The exact choice of one package: what `history kernel` prints and a nightly passes back. */
export function kernelToken(name: string, version: string): string {
  return `${name}=${version}`;
}

export function exactChoice(name: string, version: string): KernelChoice {
  return { kind: 'exact', spec: kernelToken(name, version), name, version };
}
