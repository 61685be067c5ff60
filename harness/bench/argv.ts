// Command lines the harness passes on (to the isolated child, to the guest) and records: an option
// the harness sets replaces the user's, so the recorded command names each option once.

/**
 * `argv` without any earlier `option` (as `option value` or `option=value` when `value` is given,
 * as a bare flag otherwise), with `option` (and `value`) appended once.
 */
export function withOption(argv: readonly string[], option: string, value?: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === option) {
      if (value !== undefined) i++; // skip its value
      continue;
    }
    if (value !== undefined && a.startsWith(`${option}=`)) continue;
    out.push(a);
  }
  return value === undefined ? [...out, option] : [...out, option, value];
}
