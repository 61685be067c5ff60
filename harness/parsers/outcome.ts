/**
 * A parser's answer: the value, or one line saying what was wrong with the tool's output.
 * `disagree`: the output is complete but two of its figures contradict each other (a count the
 * tool reports in two places differs); the measurement then is invalid, not failed.
 */
export type ParseOutcome<T> = { ok: true; value: T } | { ok: false; reason: string; disagree?: boolean };

/** A figure a tool reports twice and the harness compares; used by each parser's agreement check. */
export interface Agreement {
  what: string;
  a: number;
  b: number;
  /** Relative tolerance; 0 (the default) for counts, which must match exactly. */
  relTol?: number;
}

/** The first pair that does not agree, as a `disagree` outcome naming both figures; undefined if all agree. */
export function firstDisagreement(tool: string, pairs: readonly Agreement[]): { ok: false; reason: string; disagree: true } | undefined {
  for (const p of pairs) {
    const tol = (p.relTol ?? 0) * Math.max(Math.abs(p.a), Math.abs(p.b));
    if (!(Math.abs(p.a - p.b) <= tol)) return { ok: false, reason: `${tool}'s figures disagree: ${p.what} (${p.a} vs ${p.b})`, disagree: true };
  }
  return undefined;
}
