// A reason is one bounded line: whatever a tool printed (ANSI colours, NUL bytes, a 10 MB line,
// usage text after the complaint), the user sees one line of at most REASON_CHARS characters.

/** The longest reason line, in characters; anything longer is cut and ends in "…". */
export const REASON_CHARS = 300;
/** How far into a tool's output the first meaningful line is looked for (the rest is never read). */
const SCAN_CHARS = 64 * 1024;

const ANSI = /\x1b\[[0-9;]*[A-Za-z]/g;
// C0 controls (NUL included), DEL and C1 controls: never shown, they may move the cursor or vanish.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]+/g;

/** `text` as one line: colours and control characters gone, blanks collapsed, cut at `maxChars`. */
export function oneLine(text: string, maxChars = REASON_CHARS): string {
  // Cut before cleaning so a huge input costs no more than its first few thousand characters.
  const head = text.length > maxChars * 4 ? text.slice(0, maxChars * 4) : text;
  const flat = head.replace(ANSI, '').replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
  const cut = flat.length > maxChars || head.length < text.length;
  return cut ? `${flat.slice(0, maxChars - 1).trimEnd()}…` : flat;
}

/**
 * The first line of a tool's stderr (or stdout) that says something: blank lines, and usage text
 * (a `Usage:` line and the lines that follow it up to the next blank line), are skipped. iproute2
 * prints its complaint ("Error: either "dev" is duplicate, or "scrub" is a garbage.") and then
 * the usage text: the complaint is the cause. Falls back to the first non-blank line.
 */
export function firstMeaningfulLine(text: string): string {
  const head = text.length > SCAN_CHARS ? text.slice(0, SCAN_CHARS) : text;
  let inUsage = false;
  let fallback = '';
  for (const raw of head.split('\n')) {
    const line = oneLine(raw);
    if (line === '') {
      inUsage = false;
      continue;
    }
    fallback ||= line;
    if (/^usage\b/i.test(line)) inUsage = true;
    if (!inUsage) return line;
  }
  return fallback;
}
