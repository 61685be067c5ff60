// Splits a text holding one or more top-level JSON objects written back to back (some iperf3
// 3.16-3.17 builds print the whole `-J` report twice). Braces inside strings are skipped. Time is
// linear in the text, and at most MAX_JSON_OBJECTS objects are taken: `{}` repeated 25 million
// times is refused after the fifth, not turned into 25 million objects.
import { oneLine } from '../core/one-line.ts';
import type { ParseOutcome } from './outcome.ts';

/** More top-level objects than this is not a tool's report printed again: it is refused. */
export const MAX_JSON_OBJECTS = 4;

const OPEN = 0x7b; // {
const CLOSE = 0x7d; // }
const QUOTE = 0x22; // "
const BACKSLASH = 0x5c;
const isBlank = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/** The text of each top-level `{...}` in order (not parsed), or why the text is not that. */
export function jsonObjectTexts(text: string): ParseOutcome<string[]> {
  const out: string[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (c === OPEN) {
      if (depth++ === 0) start = i;
    } else if (c === CLOSE) {
      if (depth === 0) return { ok: false, reason: `unbalanced "}" at offset ${i}` };
      if (--depth === 0 && out.push(text.slice(start, i + 1)) > MAX_JSON_OBJECTS) return { ok: false, reason: `more than ${MAX_JSON_OBJECTS} JSON objects` };
    } else if (depth === 0 && !isBlank(c)) {
      return { ok: false, reason: `unexpected ${JSON.stringify(text[i])} at offset ${i} outside a JSON object` };
    }
  }
  if (depth !== 0) return { ok: false, reason: 'the text ends inside a JSON object (truncated?)' };
  if (out.length === 0) return { ok: false, reason: 'no JSON object in the text' };
  return { ok: true, value: out };
}

/**
 * One JSON object from a tool's output: the only one, or one of several identical copies (the
 * copies are compared as text, so only the first is ever parsed). Copies that differ are an error
 * naming how many objects there were (which one is the report is unknowable).
 */
export function singleJsonObject(text: string, tool: string): ParseOutcome<unknown> {
  const texts = jsonObjectTexts(text);
  if (!texts.ok) return { ok: false, reason: `${tool} output is not a JSON report: ${texts.reason}` };
  const [first, ...rest] = texts.value;
  if (rest.some((t) => t !== first)) return { ok: false, reason: `${tool} printed ${texts.value.length} JSON objects that differ; cannot tell which is the report` };
  try {
    return { ok: true, value: JSON.parse(first!) };
  } catch (err) {
    return { ok: false, reason: `${tool} output is not JSON (${oneLine((err as Error).message, 120)})` };
  }
}
