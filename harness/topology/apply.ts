// One function builds a topology and guarantees its teardown: every step that creates something
// pushes its undo, and the undo runs in reverse in a `finally`, whatever `use` did (like the
// cleanup: labels of libbpf-bootstrap's tc.c). Only what this call created is undone.
import { StepError } from '../core/errors.ts';
import { run } from '../core/exec.ts';
import { batchFailure } from './batch-error.ts';
import { UndoStack } from '../core/undo.ts';
import type { Step } from './plan.ts';

export interface ApplyOptions {
  log?: (line: string) => void;
  signal?: AbortSignal;
  /** Runs before the undo steps, whatever `use` did: processes of `use` still in the namespaces (kept servers) end first. */
  beforeTeardown?: () => Promise<void>;
}

export async function withTopology<T>(steps: Step[], use: () => Promise<T>, opts: ApplyOptions = {}): Promise<T> {
  const undo = new UndoStack();
  try {
    for (const step of steps) {
      opts.signal?.throwIfAborted();
      const input = step.run.input;
      const r = await run(step.describe, step.run.argv, { netns: step.run.netns, input, timeoutMs: 30_000, reject: input === undefined });
      if (r.failed) throw new StepError(step.describe, step.run.argv, `failed at ${batchFailure(r.stderr, input ?? '')}`);
      const reverse = step.undo;
      if (reverse) undo.push(step.describe, async () => void (await run(`undo ${step.describe}`, reverse.argv, { netns: reverse.netns, timeoutMs: 30_000 })));
    }
    return await use();
  } finally {
    await opts.beforeTeardown?.().catch((err: Error) => opts.log?.(`teardown: ${err.message}`));
    const failures = await undo.unwind();
    for (const f of failures) opts.log?.(`teardown: ${f}`);
  }
}
