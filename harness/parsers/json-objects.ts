// Splits a text holding one or more top-level JSON values written back to back (some iperf3
// 3.16-3.17 builds print the whole `-J` report twice). Braces inside strings are skipped.
import type { ParseOutcome } from './outcome.ts';

/** The top-level `{...}` values in order, each parsed; or why the text is not that. */
export function parseJsonObjects(text: string): ParseOutcome<unknown[]> {
  const out: unknown[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '{') {
      if (depth++ === 0) start = i;
    } else if (c === '}') {
      if (depth === 0) return { ok: false, reason: `unbalanced "}" at offset ${i}` };
      if (--depth === 0) {
        try {
          out.push(JSON.parse(text.slice(start, i + 1)));
        } catch (err) {
          return { ok: false, reason: (err as Error).message };
        }
      }
    } else if (depth === 0 && !/\s/.test(c!)) {
      return { ok: false, reason: `unexpected ${JSON.stringify(c)} at offset ${i} outside a JSON object` };
    }
  }
  if (depth !== 0) return { ok: false, reason: 'the text ends inside a JSON object (truncated?)' };
  if (out.length === 0) return { ok: false, reason: 'no JSON object in the text' };
  return { ok: true, value: out };
}

/**
 * One JSON object from a tool's output: the only one, or one of several identical copies. Copies
 * that differ are an error naming how many objects there were (which one is the report is unknowable).
 */
export function singleJsonObject(text: string, tool: string): ParseOutcome<unknown> {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (err) {
    const all = parseJsonObjects(text);
    if (!all.ok) return { ok: false, reason: `${tool} output is not JSON (${(err as Error).message})` };
    const [first, ...rest] = all.value;
    const same = JSON.stringify(first);
    if (rest.every((o) => JSON.stringify(o) === same)) return { ok: true, value: first };
    return { ok: false, reason: `${tool} printed ${all.value.length} JSON objects that differ; cannot tell which is the report` };
  }
}
