// One word of a POSIX shell command line, for a command shown to be pasted (report, summary.md) and
// for the job script the VM guest runs (vm/boot/job-files.ts).

/** A word of safe characters as it is, anything else single-quoted; a NUL byte, which no shell word can hold, throws. */
export function shellQuote(value: string): string {
  if (value.includes('\0')) throw new Error('NUL byte in a shell word');
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`;
}
