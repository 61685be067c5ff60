// Several request/response flows as one measurement (the flows axis on tcp_rr and tcp_crr): N
// netperf instances ran at once, each with its own connection, and each reported its own rate,
// measured seconds and latency summary. Their rates add up to one concurrent rate only if they
// ran over the same time, so the measured phases must agree. Latency pools exactly only where
// the summary allows it: the mean (each flow's mean weighted by its transactions), the maximum
// and the minimum. Percentiles do not: netperf -j hands out each flow's own percentiles, no raw
// samples, and percentiles of separate flows do not combine into the pooled one (it lies anywhere
// between the flows' own), so they are left out with that reason.
import type { NetperfRrResult } from '../parsers/netperf.ts';

export type FlowFigures = Pick<NetperfRrResult, 'transactionsPerS' | 'elapsedS' | 'meanUs' | 'minUs' | 'maxUs'>;

export interface PooledFlows {
  /** The flows' rates summed: the concurrent rate when they ran over the same time (timed flows). */
  transactionsPerS: number;
  /** Every flow's transactions over the longest measured phase: the concurrent rate of fixed work,
   * where each flow does its N transactions and the flows sharing a CPU finish later than one alone. */
  spanRatePerS: number;
  /** Transaction-weighted mean of the flows' means: the mean over every transaction of every flow. */
  meanUs: number;
  minUs: number;
  maxUs: number;
  /** The shortest and longest measured phase of any flow, seconds. */
  shortestS: number;
  longestS: number;
  /** Each flow's transactions (rate times measured seconds), in flow order. */
  transactions: number[];
}

/** netperf prints ELAPSED_TIME with two decimals: phases this close are the same as far as it can tell. */
const ELAPSED_STEP_S = 0.01;
/** Phases further apart than this share of the longest (and two printed steps) are not one concurrent run. */
export const FLOW_AGREEMENT_SHARE = 0.05;

/** The percentiles a several-flow netperf measurement leaves out, and why (one line, recorded in `omitted`). */
export const POOLED_PERCENTILES = ['p50Us', 'p90Us', 'p99Us'] as const;
export const PERCENTILES_NOT_POOLED = 'not pooled over flows: netperf -j reports each instance\'s own percentiles, no raw samples, and separate flows\' percentiles do not combine into the pooled one (meanUs is the transaction-weighted mean, maxUs the largest of any flow)';

export function poolFlows(flows: readonly FlowFigures[]): PooledFlows {
  if (flows.length === 0) throw new Error('poolFlows: no flows');
  const transactions = flows.map((f) => f.transactionsPerS * f.elapsedS);
  const total = transactions.reduce((a, b) => a + b, 0);
  const weighted = flows.reduce((a, f, i) => a + f.meanUs * transactions[i]!, 0);
  return {
    transactionsPerS: flows.reduce((a, f) => a + f.transactionsPerS, 0),
    spanRatePerS: total / Math.max(...flows.map((f) => f.elapsedS)),
    meanUs: total > 0 ? weighted / total : NaN,
    minUs: Math.min(...flows.map((f) => f.minUs)),
    maxUs: Math.max(...flows.map((f) => f.maxUs)),
    shortestS: Math.min(...flows.map((f) => f.elapsedS)),
    longestS: Math.max(...flows.map((f) => f.elapsedS)),
    transactions,
  };
}

/** Why the flows' measured phases are not one concurrent run, or undefined when they agree. */
export function flowsDisagree(pooled: Pick<PooledFlows, 'shortestS' | 'longestS'>): string | undefined {
  const spread = pooled.longestS - pooled.shortestS;
  const allowed = Math.max(2 * ELAPSED_STEP_S, FLOW_AGREEMENT_SHARE * pooled.longestS);
  if (spread <= allowed + 1e-9) return undefined;
  return `the flows' measured phases disagree (${pooled.shortestS} s to ${pooled.longestS} s, more than ${FLOW_AGREEMENT_SHARE * 100}% apart): their rates do not add up to one concurrent rate`;
}
