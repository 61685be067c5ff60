// Hooks for tests that need a state no real input produces on demand. Each is an environment
// variable a test sets; nothing else sets them.

/**
 * NKB_TEST_BUSY_INNER=1: the isolated inner process (PID 1 of a run), once isolation is set up,
 * prints one line and then spins on the CPU forever without returning to its event loop: a run
 * whose signal handlers and control pipe are never read, as a run stuck in a hot loop (Node's
 * recursive mkdir on a path under /proc did this) would be. test/integration/faults.test.ts uses it
 * to prove that SIGTERM still ends such a run and that the outer process's death still kills it.
 */
export const BUSY_INNER_ENV = 'NKB_TEST_BUSY_INNER';
export const BUSY_INNER_LINE = 'netkit-bench: test hook: the inner process is busy';

export function busyInnerHook(err: (line: string) => void): void {
  if (process.env[BUSY_INNER_ENV] !== '1') return;
  err(BUSY_INNER_LINE);
  for (;;) {
    // Never yields: no signal handler, timer or pipe event runs again.
  }
}
