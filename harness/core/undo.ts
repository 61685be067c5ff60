// An undo stack: each successful creation pushes the step that reverses it; unwinding runs them in
// reverse order, carries on past failures (so one stuck device does not strand the rest) and
// reports them together, after the error that caused the unwind.

export type UndoFn = () => Promise<void>;

export class UndoStack {
  private readonly steps: { describe: string; fn: UndoFn }[] = [];

  push(describe: string, fn: UndoFn): void {
    this.steps.push({ describe, fn });
  }

  get size(): number {
    return this.steps.length;
  }

  /** Runs every undo step, newest first; returns the failures instead of throwing. */
  async unwind(): Promise<string[]> {
    const failures: string[] = [];
    while (this.steps.length > 0) {
      const step = this.steps.pop()!;
      try {
        await step.fn();
      } catch (err) {
        failures.push(`undo ${step.describe}: ${(err as Error).message}`);
      }
    }
    return failures;
  }
}
