// How a finished command ended, in words, and the one-line reason a failed command gives: the
// command's name, its exit status, and its first meaningful complaint (stderr, else stdout).
import { constants } from 'node:os';
import { firstMeaningfulLine, oneLine } from './one-line.ts';

export interface ExitStatus {
  /** The exit code; -1 (or absent) when the process ended by a signal. */
  exitCode?: number;
  /** The signal that ended it (execa's `signal`), e.g. SIGKILL. */
  signal?: string;
  timedOut?: boolean;
  /** The timeout that ran out, in ms (named when timedOut). */
  timeoutMs?: number;
}

/** True when the command ran to the end and said so with exit status 0. */
export function succeeded(s: ExitStatus): boolean {
  return s.exitCode === 0 && !s.signal && !s.timedOut;
}

/** "exited 1", "was killed by SIGKILL", "exited 137 (128+9: killed by SIGKILL)", "timed out after 20000 ms". */
export function exitStatusText(s: ExitStatus): string {
  if (s.timedOut) return `timed out after ${s.timeoutMs ?? '?'} ms`;
  if (s.signal && (s.exitCode === undefined || s.exitCode < 0)) return `was killed by ${s.signal}`;
  if (s.exitCode === undefined || s.exitCode < 0) return 'ended without an exit status';
  const viaShell = s.exitCode > 128 ? signalName(s.exitCode - 128) : undefined;
  return viaShell ? `exited ${s.exitCode} (128+${s.exitCode - 128}: killed by ${viaShell})` : `exited ${s.exitCode}`;
}

/** SIGKILL for 9: a shell (or nsenter's caller) reports a process killed by signal N as exit 128+N. */
function signalName(n: number): string | undefined {
  return Object.entries(constants.signals).find(([, v]) => v === n)?.[0];
}

export type FinishedCommand = ExitStatus & { stdout?: string; stderr?: string };

/** `exited 1: iperf3: error - unable to send control message: Broken pipe`, one bounded line. */
export function exitReason(s: FinishedCommand): string {
  const said = firstMeaningfulLine(s.stderr ?? '') || firstMeaningfulLine(s.stdout ?? '');
  return oneLine(`${exitStatusText(s)}${said ? `: ${said}` : ''}`);
}

/** The same led by the command's name: `iperf3 exited 1: iperf3: error - ...`. */
export function failureReason(name: string, s: FinishedCommand): string {
  return oneLine(`${name} ${exitReason(s)}`);
}
