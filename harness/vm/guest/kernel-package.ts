// Finds the Debian kernel package (with CONFIG_NETKIT=y) that apt can offer: Debian 12's 6.12
// from bookworm-backports or -security, or Debian 13's own 6.12.
import { execa } from 'execa';
import { readFile } from 'node:fs/promises';

/** linux-image-6.12.<patch>+deb<12|13>[.N]-amd64-unsigned (not -cloud / -rt flavours). */
const PACKAGE_PATTERN = /^linux-image-6\.12\.(\d+)\+deb(1[23])(?:\.\d+)?-amd64-unsigned$/;

/** The Debian release a package was built for (12, 13), or undefined if not one of ours. */
export function kernelDebianRelease(packageName: string): number | undefined {
  const match = PACKAGE_PATTERN.exec(packageName);
  return match ? Number(match[2]) : undefined;
}

/** The host's Debian major release from os-release text (VERSION_ID="13"), if Debian. */
export function debianReleaseOf(osRelease: string): number | undefined {
  if (!/^ID=debian$/m.test(osRelease)) return undefined;
  const version = /^VERSION_ID="?(\d+)"?$/m.exec(osRelease)?.[1];
  return version === undefined ? undefined : Number(version);
}

/** Our packages apt knows, the host release's own first when it has any (apt cannot install another's). */
export function packagesForHost(names: readonly string[], hostRelease: number | undefined): string[] {
  const ours = names.filter((name) => kernelPatchLevel(name) !== undefined);
  const own = ours.filter((name) => kernelDebianRelease(name) === hostRelease);
  return own.length > 0 ? own : ours;
}

export interface KernelPackage {
  name: string;
  version: string;
}

/** Patch level (6.12.<patch>) of a kernel package name, or undefined if not one of ours. */
export function kernelPatchLevel(packageName: string): number | undefined {
  const match = PACKAGE_PATTERN.exec(packageName);
  return match ? Number(match[1]) : undefined;
}

/** Parses `apt-cache policy a b c` output into name -> candidate version (only real candidates). */
export function parseCandidates(policyOutput: string): Map<string, string> {
  const candidates = new Map<string, string>();
  let current: string | undefined;
  for (const line of policyOutput.split('\n')) {
    const header = /^(\S+):$/.exec(line);
    if (header) current = header[1];
    const candidate = /^\s+Candidate:\s+(\S+)$/.exec(line);
    if (candidate && current && candidate[1] !== '(none)') candidates.set(current, candidate[1]);
  }
  return candidates;
}

/**
 * Parses `apt-cache policy a b c` output into name -> every version its version table lists (what
 * `apt-get download name=version` can fetch), newest first as apt lists them.
 */
export function parseVersionTables(policyOutput: string): Map<string, string[]> {
  const tables = new Map<string, string[]>();
  let current: string | undefined;
  for (const line of policyOutput.split('\n')) {
    const header = /^(\S+):$/.exec(line);
    if (header) current = header[1];
    const entry = /^(?: {5}| \*\*\* )(\S+) -?\d+$/.exec(line);
    if (entry && current) tables.set(current, [...(tables.get(current) ?? []), entry[1]!]);
  }
  return tables;
}

/** The packages of ours apt knows for this host, with `apt-cache policy` of them all. */
async function aptKernelPolicy(): Promise<{ host: number | undefined; names: string[]; policy: string }> {
  const names = await execa('apt-cache', ['pkgnames', 'linux-image-6.12.']);
  const host = debianReleaseOf(await readFile('/etc/os-release', 'utf8').catch(() => ''));
  const ours = packagesForHost(names.stdout.split('\n'), host);
  return { host, names: ours, policy: ours.length ? (await execa('apt-cache', ['policy', ...ours])).stdout : '' };
}

/** The newest (highest patch level) package and version apt can fetch that `accepts`, if any. */
export async function findKernelPackage(accepts: (name: string, version: string) => boolean): Promise<KernelPackage | undefined> {
  const { policy } = await aptKernelPolicy();
  const offered = [...parseVersionTables(policy)].flatMap(([name, versions]) => versions.map((version) => ({ name, version })));
  return offered.filter((p) => accepts(p.name, p.version)).sort((a, b) => (kernelPatchLevel(b.name) ?? 0) - (kernelPatchLevel(a.name) ?? 0))[0];
}

/** Asks apt for the newest installable linux-image-6.12.*+deb<host release>-amd64-unsigned. */
export async function findNewestKernelPackage(): Promise<KernelPackage> {
  const { host, names: ours, policy } = await aptKernelPolicy();
  if (ours.length === 0) {
    throw new Error(
      `apt-cache offers no linux-image-6.12.*+deb${host ?? '12'}-amd64-unsigned package; ` +
        (host === 13 ? 'is `apt-get update` run?' : 'is the bookworm-backports (or bookworm-security) source configured and `apt-get update` run?'),
    );
  }
  const candidates = [...parseCandidates(policy)].map(([name, version]) => ({ name, version }));
  if (candidates.length === 0) {
    throw new Error(`apt knows ${ours.length} linux-image-6.12 packages but none has an install candidate`);
  }
  candidates.sort((a, b) => (kernelPatchLevel(b.name) ?? 0) - (kernelPatchLevel(a.name) ?? 0));
  return candidates[0]!;
}
