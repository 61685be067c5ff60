// Finds the Debian kernel package (with CONFIG_NETKIT=y) that apt can offer.
import { execa } from 'execa';

/** linux-image-6.12.<patch>+deb12[.N]-amd64-unsigned (not -cloud / -rt flavours). */
const PACKAGE_PATTERN = /^linux-image-6\.12\.(\d+)\+deb12(?:\.\d+)?-amd64-unsigned$/;

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

/** Asks apt for the newest installable linux-image-6.12.*+deb12-amd64-unsigned. */
export async function findNewestKernelPackage(): Promise<KernelPackage> {
  const names = await execa('apt-cache', ['pkgnames', 'linux-image-6.12.']);
  const ours = names.stdout.split('\n').filter((name) => kernelPatchLevel(name) !== undefined);
  if (ours.length === 0) {
    throw new Error(
      'apt-cache offers no linux-image-6.12.*+deb12-amd64-unsigned package; ' +
        'is the bookworm-backports (or bookworm-security) source configured and `apt-get update` run?',
    );
  }
  const policy = await execa('apt-cache', ['policy', ...ours]);
  const candidates = [...parseCandidates(policy.stdout)].map(([name, version]) => ({ name, version }));
  if (candidates.length === 0) {
    throw new Error(`apt knows ${ours.length} linux-image-6.12 packages but none has an install candidate`);
  }
  candidates.sort((a, b) => (kernelPatchLevel(b.name) ?? 0) - (kernelPatchLevel(a.name) ?? 0));
  return candidates[0]!;
}
