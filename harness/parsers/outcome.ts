/** A parser's answer: the value, or one line saying what was wrong with the tool's output. */
export type ParseOutcome<T> = { ok: true; value: T } | { ok: false; reason: string };
