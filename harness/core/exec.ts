// The one place that runs external commands. Every command is an argument array (never a shell
// string built from input), every failure names the step and the command and keeps the cause,
// and --dry-run turns every mutating call into a printed line.
import { execa, type Options, type ResultPromise } from 'execa';
import { StepError } from './errors.ts';
import { formatCpuList } from './cpu-list.ts';
import { exitReason } from './exit-status.ts';
import { CLOCK_ENV, clockFromEnv } from './clock-env.ts';

export interface RunOptions {
  /** Run inside this named network namespace (nsenter keeps the mount namespace, so bpffs stays visible). */
  netns?: string;
  timeoutMs?: number;
  input?: string;
  /** Failure is an outcome the caller handles, not an exception. */
  reject?: boolean;
  /** Pin to this CPU or CPU set (taskset -c). */
  cpu?: number | readonly number[];
  /** Aborting it SIGKILLs the command at once (a run that is being stopped does not wait for it). */
  signal?: AbortSignal;
}

export interface RunResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  failed: boolean;
  /** The signal that ended it (SIGKILL after a timeout or a kill), when one did. */
  signal?: string;
  timedOut?: boolean;
  /** The timeout that ran out, ms (on the guest's clock, scaled), when one did. */
  timeoutMs?: number;
}

export function wrapArgv(argv: readonly string[], opts: RunOptions = {}): string[] {
  let out = [...argv];
  if (opts.cpu !== undefined) out = ['taskset', '-c', typeof opts.cpu === 'number' ? String(opts.cpu) : formatCpuList(opts.cpu), ...out];
  if (opts.netns) out = ['nsenter', `--net=/run/netns/${opts.netns}`, '--', ...out];
  return out;
}

/**
 * How much longer a command may take, on the guest's clock, before it counts as hung. On the
 * instruction clock (-icount sleep=off) a guest waiting for the host (a 9p read of a binary) is
 * idle, and its clock jumps from timer to timer: a loaded host makes seconds of guest time pass
 * in a moment. Readbacks timed out after 10 guest s that way under four VMs and a test suite on two
 * cores. The host still bounds the whole guest by wall time (bench/vm.ts vmTimeoutMs).
 */
export function timeoutScale(env: NodeJS.ProcessEnv = process.env): number {
  return clockFromEnv(env[CLOCK_ENV]).kind === 'instructions' ? 20 : 1;
}

const TIMEOUT_SCALE = timeoutScale();

/** A wait of `ms` on the guest's clock, scaled as commands' timeouts are (timeoutScale). */
export const scaledTimeoutMs = (ms: number): number => ms * TIMEOUT_SCALE;

function execaOptions(opts: RunOptions): Options {
  return {
    reject: false,
    timeout: opts.timeoutMs === undefined ? undefined : scaledTimeoutMs(opts.timeoutMs),
    killSignal: 'SIGKILL',
    input: opts.input,
    stripFinalNewline: true,
    env: { LC_ALL: 'C' },
    cancelSignal: opts.signal,
  };
}

export async function run(step: string, argv: readonly string[], opts: RunOptions = {}): Promise<RunResult> {
  const full = wrapArgv(argv, opts);
  let result;
  try {
    result = await execa(full[0]!, full.slice(1), execaOptions(opts));
  } catch (cause) {
    throw new StepError(step, full, 'could not be started', { cause });
  }
  const out: RunResult = {
    stdout: String(result.stdout ?? ''),
    stderr: String(result.stderr ?? ''),
    exitCode: result.exitCode ?? -1,
    failed: result.failed,
    ...(result.signal ? { signal: result.signal } : {}),
    ...(result.timedOut && opts.timeoutMs !== undefined ? { timedOut: true, timeoutMs: scaledTimeoutMs(opts.timeoutMs) } : {}),
  };
  // execa answers a command that never started (ENOENT, EACCES) with a result, not a throw.
  const notStarted = (result as { code?: string }).code;
  if (out.failed && opts.reject !== false && result.exitCode === undefined && !result.signal && notStarted) throw new StepError(step, full, `could not be started (${notStarted})`, { cause: result });
  if (out.failed && opts.reject !== false) {
    // The command's first complaint, not its last line: iproute2 follows "Error: ..." with usage text.
    const why = exitReason(out);
    throw new StepError(step, full, why, { cause: result });
  }
  return out;
}

/** Start a long-running process (a server) that the caller must stop. */
export function spawn(argv: readonly string[], opts: RunOptions = {}): ResultPromise {
  const full = wrapArgv(argv, opts);
  return execa(full[0]!, full.slice(1), { ...execaOptions(opts), buffer: true });
}
