// Command lines the harness passes on (to the isolated child, to the guest) and records: an option
// the harness sets replaces the user's, so the recorded command names each option once.

/**
 * `argv` without the given options: as `--opt value` and `--opt=value` when they take a value,
 * as bare flags otherwise. Everything else stays, in order.
 */
export function withoutOptions(argv: readonly string[], options: readonly string[], takeValue = true): string[] {
  const kept: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (options.includes(arg)) {
      if (takeValue) i++; // and its value
    } else if (!(takeValue && options.some((o) => arg.startsWith(`${o}=`)))) {
      kept.push(arg);
    }
  }
  return kept;
}

/** `argv` without any earlier `option` (and its value, when one is given), with it appended once. */
export function withOption(argv: readonly string[], option: string, value?: string): string[] {
  const rest = withoutOptions(argv, [option], value !== undefined);
  return value === undefined ? [...rest, option] : [...rest, option, value];
}
