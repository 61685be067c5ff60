// One sockperf run reports its message counts in three places: the summary on stdout, the copy
// of that summary at the head of its --full-log, and the log's rows (one per message of the valid
// duration, client.cpp client_statistics). They must agree before any figure is used.
import { firstDisagreement, type Agreement } from './outcome.ts';
import type { SockperfLog } from './sockperf-log.ts';
import type { SockperfSummary } from './sockperf-summary.ts';

/** The first disagreement among the run's counts, or undefined when they all agree. */
export function sockperfDisagreement(summary: SockperfSummary, log: SockperfLog): { ok: false; reason: string; disagree: true } | undefined {
  const pairs: Agreement[] = [
    { what: 'full log rows vs [Valid Duration] SentMessages', a: log.rows, b: summary.sentMessages },
    { what: 'Total N observations vs [Valid Duration] ReceivedMessages', a: summary.observations, b: summary.receivedMessages },
  ];
  const copy = log.copy;
  if (copy) {
    pairs.push({ what: "the full log's [Valid Duration] SentMessages vs stdout's", a: copy.sentMessages, b: summary.sentMessages });
    pairs.push({ what: "the full log's [Valid Duration] ReceivedMessages vs stdout's", a: copy.receivedMessages, b: summary.receivedMessages });
    pairs.push({ what: "the full log's [Valid Duration] RunTime vs stdout's", a: copy.validRunTimeS, b: summary.validRunTimeS });
    if (copy.observations !== undefined) pairs.push({ what: "the full log's observation count vs stdout's", a: copy.observations, b: summary.observations });
  }
  return firstDisagreement('sockperf', pairs);
}
