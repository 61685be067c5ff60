// The one verdict every workload passes a measuring tool's run through before it reads a figure.
// A measurement is ok only if the tool exited 0 (no signal, no timeout), its output is complete
// (the parser found every field the harness uses), and the figures of the run agree with each
// other (a count stated in two places). Whatever the parser made of the output, a non-zero exit
// is never ok: iperf3 -J can print a whole report and then fail (esnet/iperf #1143).
import { exitStatusText, succeeded, type FinishedCommand } from '../core/exit-status.ts';
import { firstMeaningfulLine, oneLine } from '../core/one-line.ts';
import type { ParseOutcome } from '../parsers/outcome.ts';

/** A finished tool as the runner hands it over: its name, exit status or signal, stdout and stderr. */
export interface ToolRun extends FinishedCommand {
  tool: string;
}

/** The measurement's outcome: the parsed figures, or failed / invalid with one bounded line saying why. */
export type ToolVerdict<T> = { state: 'ok'; value: T } | { state: 'failed' | 'invalid'; reason: string };

/**
 * - exit status not 0, a signal or a timeout: failed, "<tool> exited 1: <stderr's first meaningful
 *   line>", and what the output lacks when the parser found it incomplete;
 * - exit 0 and output incomplete or unreadable: failed, the parser's reason (and stderr's first line);
 * - exit 0 and figures that disagree (`disagree`): invalid, naming both figures;
 * - otherwise ok with the parsed value.
 */
export function judgeToolRun<T>(run: ToolRun, parsed: ParseOutcome<T>): ToolVerdict<T> {
  // stderr only: stdout is the tool's report, whose first line ("{", a banner) is no complaint.
  const said = firstMeaningfulLine(run.stderr ?? '');
  if (!succeeded(run)) {
    const status = `${run.tool} ${exitStatusText(run)}${said ? `: ${said}` : ''}`;
    return { state: 'failed', reason: oneLine(parsed.ok ? status : `${status}; ${parsed.reason}`) };
  }
  if (!parsed.ok) {
    const reason = said && !parsed.reason.includes(said) ? `${parsed.reason} (stderr: ${said})` : parsed.reason;
    return { state: parsed.disagree ? 'invalid' : 'failed', reason: oneLine(reason) };
  }
  return { state: 'ok', value: parsed.value };
}
