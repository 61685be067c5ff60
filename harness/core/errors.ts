// Two kinds of error reach the user: a usage error (bad input, exit 2, one line, nothing created)
// and a step error (a command that failed while doing real work, naming the step and the command).

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

export class UsageError extends Error {
  override name = 'UsageError';
}

export class StepError extends Error {
  override name = 'StepError';
  constructor(
    readonly step: string,
    readonly command: readonly string[],
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(`${step}: \`${command.join(' ')}\` ${detail}`, options);
  }
}

/** Quote a user-supplied value in an error message so blanks and empty strings stay visible. */
export function quote(value: unknown): string {
  return JSON.stringify(String(value));
}
