// The bench command line the guest re-runs: the host's own, minus the flags that set up the guest
// itself (a kernel path means nothing inside it, and the guest runs with --vm never, one shard at most).
import { withoutOptions } from './argv.ts';

export const GUEST_SETUP_FLAGS = ['--kernel', '--kernel-config', '--modules', '--vm-kernel', '--vm-cpus', '--vm-memory', '--vm-cmdline', '--vm-shards'] as const;

/** Drops `--flag value` and `--flag=value` for each guest-setup flag; keeps everything else in order. */
export function withoutGuestFlags(argv: readonly string[]): string[] {
  return withoutOptions(argv, GUEST_SETUP_FLAGS);
}
