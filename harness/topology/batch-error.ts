// Why an `ip -batch` step failed, in the kernel's words: ip prints the kernel's extended ack
// ("Error: mtu greater than device maximum.") and then "Command failed -:N", the line it stopped
// at. The last line alone would say only the latter; a skipped sweep point must say the former.

/** "line 2 `link set dev nkb-x-w0 mtu 70000 up`: Error: mtu greater than device maximum." from ip's stderr and the batch it was given. */
export function batchFailure(stderr: string, input: string): string {
  const lines = stderr.trim().split('\n').map((l) => l.trim()).filter(Boolean);
  const at = lines.map((l) => /^Command failed -:(\d+)$/.exec(l)).find((m) => m)?.[1];
  const why = lines.filter((l) => !/^Command failed -:\d+$/.test(l)).join('; ') || 'no reason given';
  const failed = at === undefined ? undefined : input.split('\n')[Number(at) - 1];
  return failed === undefined ? why : `line ${at} \`${failed}\`: ${why}`;
}
