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
 * - output that is no report but a complaint and the tool's usage text: failed, "<tool> refused the
 *   command (exit status 0): <the complaint>", whatever the exit status (refusalOf);
 * - exit 0 and output incomplete or unreadable: failed, the parser's reason (and stderr's first line);
 * - exit 0 and figures that disagree (`disagree`): invalid, naming both figures;
 * - otherwise ok with the parsed value.
 */
export function judgeToolRun<T>(run: ToolRun, parsed: ParseOutcome<T>): ToolVerdict<T> {
  // stderr only: stdout is the tool's report, whose first line ("{", a banner) is no complaint.
  const said = firstMeaningfulLine(run.stderr ?? '');
  const refused = parsed.ok ? undefined : refusalOf(run);
  if (refused) return { state: 'failed', reason: oneLine(`${run.tool} refused the command (${succeeded(run) ? 'exit status 0' : exitStatusText(run)}): ${refused}`) };
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

/** How far into each output usage text is looked for. */
const REFUSAL_SCAN_CHARS = 64 * 1024;

/**
 * What a tool said when it refused its command line rather than measure: the complaint it printed
 * before its usage text, without the "<tool>: " prefix; undefined when neither stdout nor stderr
 * holds usage text. sockperf 3.7 prints both on stdout and exits 0 (`sockperf ping-pong -m 1`:
 * "sockperf: '-m' Invalid message size: 1 (min: 14)", test/fixtures/sockperf-msg-too-small.txt).
 */
export function refusalOf(run: ToolRun): string | undefined {
  for (const whole of [run.stderr ?? '', run.stdout ?? '']) {
    // Usage text follows the complaint at once: the head is enough, and a huge output costs no more.
    const text = whole.slice(0, REFUSAL_SCAN_CHARS);
    if (!/^[ \t]*usage\b/im.test(text)) continue;
    const said = firstMeaningfulLine(text);
    if (said && !/^usage\b/i.test(said)) return said.startsWith(`${run.tool}: `) ? said.slice(run.tool.length + 2) : said;
  }
  return undefined;
}
