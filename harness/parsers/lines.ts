// Walks a tool's output line by line without splitting it into an array (a 6-million-row sockperf
// log would be 6 million strings at once), refusing a line longer than any the tool prints.
import type { ParseOutcome } from './outcome.ts';

/**
 * Calls `each` with every line (without its "\n"), in order; an error naming the first line over
 * `maxChars` characters (by its number and length, never its text) ends the walk.
 */
export function eachLine(text: string, what: string, maxChars: number, each: (line: string) => void): ParseOutcome<number> {
  let start = 0;
  let count = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    count++;
    if (end - start > maxChars) return { ok: false, reason: `${what} line ${count} is ${end - start} characters long (more than ${maxChars}: not its output)` };
    each(text.slice(start, end));
    start = end + 1;
  }
  return { ok: true, value: count };
}
