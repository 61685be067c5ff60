// Flag values every command checks the same way, once, with one-line errors that quote the bad
// value (UsageError: exit 2): a comma list of known names, and a count.
import { UsageError, quote } from './errors.ts';

/** "a,b , a" -> ['a', 'b']: each name checked against `known`, duplicates dropped, order kept. `noun` names one in errors ("scenario"). */
export function parseList<T extends string>(option: string, value: string, known: readonly T[], noun = 'value'): T[] {
  const names = value.split(',').map((s) => s.trim()).filter(Boolean);
  if (names.length === 0) throw new UsageError(`${option} ${quote(value)} names no ${noun} (known: ${known.join(', ')})`);
  for (const n of names) {
    if (!(known as readonly string[]).includes(n)) throw new UsageError(`${option}: unknown ${noun} ${quote(n)} (known: ${known.join(', ')})`);
  }
  return [...new Set(names)] as T[];
}

/** A whole number of at least `min` (runs, repetitions, seconds, rounds). */
export function parseCount(option: string, value: string, min = 1): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isInteger(n) || n < min) throw new UsageError(`${option} ${quote(value)} must be ${min === 1 ? 'a positive integer' : `an integer of at least ${min}`}`);
  return n;
}
