// Why `ip link add` could not build a link, from what ip and the kernel said. ip refuses an
// argument its own parser does not know before it asks the kernel (exit 255 from invarg(), or 1
// from a link type's parse_opt, e.g. `netkit: unknown option "scrub"?`); a request the kernel
// refuses comes back as its extack message with exit 2 (`Error: Unknown device type.`, observed
// on Linux 6.18 without CONFIG_NETKIT, iproute2 6.15).

import { firstMeaningfulLine } from '../core/one-line.ts';

/** One `ip link add` and how it ended. */
export interface LinkAttempt {
  argv: readonly string[];
  exitCode: number;
  stderr: string;
}

const KERNEL_NEEDS: Record<string, string> = {
  netkit: 'Linux 6.7+ built with CONFIG_NETKIT=y',
  veth: 'CONFIG_VETH',
};


const kernelRefused = (a: LinkAttempt) => a.exitCode === 2;
const lacksKind = (a: LinkAttempt) => kernelRefused(a) && /unknown device type/i.test(a.stderr);

/** The argument of `argv` that ip's complaint names in quotes ("scrub"), if any. */
export function refusedArgument(a: LinkAttempt): string | undefined {
  const quoted = [...firstMeaningfulLine(a.stderr).matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
  return quoted.find((q) => a.argv.includes(q));
}

/**
 * The reason, one line, naming the actual cause: ip refusing an argument of the command runs use
 * (and, from `plain`, `ip link add NAME type KIND` with no options, whether the kernel has the
 * kind at all), or the kernel lacking the kind, or the kernel refusing the command as given.
 * `ipVersion` is `ip -V`'s line.
 */
export function linkFailureReason(kind: string, exact: LinkAttempt, plain: LinkAttempt | undefined, ipVersion: string): string {
  const kernelLacks = `the kernel has no ${kind} devices (needs ${KERNEL_NEEDS[kind] ?? `a kernel with ${kind}`})`;
  if (lacksKind(exact)) return kernelLacks;
  const said = firstMeaningfulLine(exact.stderr) || `exit ${exact.exitCode}`;
  if (kernelRefused(exact)) return `the kernel refused the ${kind} device as scenarios build it (${said})`;
  const arg = refusedArgument(exact);
  const what = arg ? `refuses "${arg}" in the ${kind} command scenarios use` : `refuses the ${kind} command scenarios use`;
  const also = plain && lacksKind(plain) ? `; also, ${kernelLacks}` : '';
  return `ip (${ipVersion}) ${what} (${said}): install a newer iproute2 (npm run setup)${also}`;
}
