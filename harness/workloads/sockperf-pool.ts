// Several sockperf ping-pong flows as one measurement (the flows axis on tcp_rr and udp_rr with
// sockperf): each flow's --full-log holds every round trip it measured, so latency pools exactly.
// The flows' samples are merged into one set and every percentile is taken of that set (never an
// average of the flows' own percentiles, which can lie anywhere between them); the mean is over
// every sample, the maximum the largest. Rates add up to one concurrent rate only over the same
// time, so each flow's valid phase (sockperf's "[Valid Duration] RunTime") is kept for the
// agreement rule of flow-pool.ts.
import type { SockperfLog } from '../parsers/sockperf-log.ts';
import type { SockperfSummary } from '../parsers/sockperf-summary.ts';

/** What one flow's run leaves after it is read: counts and round trips as numbers, no text. */
export interface SockperfFlow {
  summary: Pick<SockperfSummary, 'version' | 'validRunTimeS' | 'sentMessages' | 'droppedMessages'>;
  log: Pick<SockperfLog, 'rttUs'>;
}

export interface PooledSockperf {
  /** The flows' rates (answered round trips over each one's valid phase) summed. */
  transactionsPerS: number;
  /** Each flow's rate, in flow order. */
  rates: number[];
  /** Every flow's round trips, one merged sample set, in flow order. */
  rttUs: number[];
  /** Mean over every sample of every flow. */
  meanUs: number;
  /** The shortest and longest valid phase of any flow, seconds. */
  shortestS: number;
  longestS: number;
  sentMessages: number;
  droppedMessages: number;
  /** The sockperf version the flows report (one binary runs them all). */
  version: string;
}

export function poolSockperfFlows(flows: readonly SockperfFlow[]): PooledSockperf {
  if (flows.length === 0) throw new Error('poolSockperfFlows: no flows');
  const rttUs: number[] = [];
  const rates: number[] = [];
  let [sum, sentMessages, droppedMessages] = [0, 0, 0];
  for (const f of flows) {
    // One at a time, never spread into a call: hundreds of thousands of samples exceed the argument limit.
    for (const x of f.log.rttUs) {
      rttUs.push(x);
      sum += x;
    }
    rates.push(f.log.rttUs.length / f.summary.validRunTimeS);
    sentMessages += f.summary.sentMessages;
    droppedMessages += f.summary.droppedMessages;
  }
  const phases = flows.map((f) => f.summary.validRunTimeS);
  return {
    transactionsPerS: rates.reduce((a, b) => a + b, 0), rates, rttUs, meanUs: rttUs.length ? sum / rttUs.length : NaN,
    shortestS: Math.min(...phases), longestS: Math.max(...phases), sentMessages, droppedMessages, version: flows[0]!.summary.version,
  };
}
