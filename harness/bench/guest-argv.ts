// The bench command line the guest re-runs: the host's own, minus the flags that set up the guest
// itself (a kernel path means nothing inside it, and the guest runs with --vm never).
export const GUEST_SETUP_FLAGS = ['--kernel', '--kernel-config', '--modules', '--vm-cpus', '--vm-memory', '--vm-cmdline'] as const;

/** Drops `--flag value` and `--flag=value` for each guest-setup flag; keeps everything else in order. */
export function withoutGuestFlags(argv: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if ((GUEST_SETUP_FLAGS as readonly string[]).includes(arg)) i++;
    else if (!GUEST_SETUP_FLAGS.some((f) => arg.startsWith(`${f}=`))) kept.push(arg);
  }
  return kept;
}
