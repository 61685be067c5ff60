// The claims netkit-bench is built to test (README), each judged on one run's answer matrix. Two
// kinds. An ordering: does the run show one scenario ahead of another on every workload's rate
// (its first primary metric, as a ratio to host)? "Ahead" means the two ratio intervals lie apart;
// overlapping intervals, or none (fewer than 3 valid repetitions), leave it open. A parity with
// the baseline: does the scenario's ratio interval on one metric lie at or above 1 - margin
// (supported), wholly below it (contradicted), or across it (inconclusive)? A claim whose scenarios
// did not run, or whose figures are invalid, says so instead of guessing. Backlog passes per
// packet are quoted beside the orderings as the mechanism they name.
import { columnKey, pointFields, type AnswerCell, type AnswerGroup, type AnswerMatrix } from './answer.ts';
import { fmtNumber } from '../core/format.ts';

export type ClaimVerdict = 'supported' | 'contradicted' | 'inconclusive' | 'not run' | 'no valid figure';

export interface Claim {
  statement: string;
  /** The scenario the claim puts ahead, and the one it puts behind. */
  ahead: string;
  behind: string;
  /** Judged only when `behind` was asked for (veth-tc is not in the default run). */
  onlyWhenAsked?: boolean;
}

/** `scenario` within `marginPct` of the baseline on `metric`: the one-sided parity the claim "reaches host throughput" means. */
export interface ParityClaim {
  statement: string;
  scenario: string;
  metric: string;
  marginPct: number;
}

export const CLAIMS: readonly Claim[] = [
  { statement: 'netkit ahead of veth, which pays backlog passes', ahead: 'netkit', behind: 'veth' },
  { statement: 'BPF host routing recovers part of it for veth', ahead: 'veth-bpf', behind: 'veth' },
  { statement: 'tcx reaches the programs for less than classic tc', ahead: 'veth-bpf', behind: 'veth-tc', onlyWhenAsked: true },
];

export const PARITY_CLAIMS: readonly ParityClaim[] = [
  { statement: 'netkit reaches host throughput (within 5%)', scenario: 'netkit', metric: 'throughputGbps', marginPct: 5 },
];

export interface ClaimResult { statement: string; verdict: ClaimVerdict; detail: string }

const REASON_CHARS = 60;
const short = (s: string) => (s.length > REASON_CHARS ? `${s.slice(0, REASON_CHARS - 1)}…` : s);

/** The group's skips: those at its point, and those of files whose skips carry none. */
const skipsOf = (m: AnswerMatrix, g: AnswerGroup) => m.skipped.filter((s) => !s.point || JSON.stringify(pointFields(s, m.axes)) === JSON.stringify(g.point));

function absent(m: AnswerMatrix, g: AnswerGroup, scenario: string): string | undefined {
  if (g.scenarios.includes(scenario)) return undefined;
  const skip = skipsOf(m, g).find((s) => s.scenario === scenario && !s.workload);
  return skip ? `${scenario} skipped: ${short(skip.reason)}` : `${scenario} did not run`;
}

function invalid(scenario: string, c: AnswerCell | undefined): string {
  if (!c) return `${scenario} not measured`;
  return `${scenario} ${c.state} ${c.attempted - c.n}/${c.attempted}${c.reason ? `: ${short(c.reason)}` : ''}`;
}

type Side = 'ahead' | 'behind' | 'overlap' | 'no interval';

function order(a: AnswerCell, b: AnswerCell): Side {
  if (a.low === null || a.high === null || b.low === null || b.high === null) return 'no interval';
  return a.low > b.high ? 'ahead' : a.high < b.low ? 'behind' : 'overlap';
}

/** One verdict per claim for each group of the matrix (claims whose `behind` was not asked for are left out). */
export function judgeClaims(m: AnswerMatrix): ClaimResult[][] {
  return m.groups.map((g) => [
    ...CLAIMS.filter((c) => !c.onlyWhenAsked || g.scenarios.includes(c.behind) || skipsOf(m, g).some((s) => s.scenario === c.behind)).map((c) => judge(m, g, c)),
    // A parity claim is judged where its metric was measured at all (a tcp_rr-only run has no throughput to judge).
    ...PARITY_CLAIMS.filter((c) => m.columns.some((col) => col.metric === c.metric)).map((c) => judgeParity(m, g, c)),
  ]);
}

function judgeParity(m: AnswerMatrix, g: AnswerGroup, c: ParityClaim): ClaimResult {
  const missing = [m.baseline, c.scenario].flatMap((s) => absent(m, g, s) ?? []);
  if (missing.length) return { statement: c.statement, verdict: 'not run', detail: missing.join('; ') };
  const floor = 1 - c.marginPct / 100;
  const cols = m.columns.filter((col) => col.metric === c.metric);
  const cells = cols.flatMap((col) => { const x = g.cells[c.scenario]?.[columnKey(col)]; return x && isRatio(x.ratio) ? [{ workload: col.workload, x }] : []; });
  if (!cells.length) return { statement: c.statement, verdict: 'no valid figure', detail: cols.map((col) => invalid(c.scenario, g.cells[c.scenario]?.[columnKey(col)])).join('; ') };
  const side = ({ x }: (typeof cells)[number]) => (x.low === null || x.high === null ? 'no interval' : x.low >= floor ? 'at' : x.high < floor ? 'below' : 'across');
  const sides = cells.map(side);
  const verdict: ClaimVerdict = sides.includes('below') ? 'contradicted' : sides.every((s) => s === 'at') ? 'supported' : 'inconclusive';
  const figures = cells.map((v, i) => `${fmtNumber(v.x.ratio)}${v.x.low !== null && v.x.high !== null ? ` [${fmtNumber(v.x.low)}..${fmtNumber(v.x.high)}]` : ''} ${i === 0 ? `of ${m.baseline} ` : ''}${v.workload}`).join(', ');
  const why = verdict === 'supported' ? `interval at or above ${fmtNumber(floor)}` : verdict === 'contradicted' ? `interval below ${fmtNumber(floor)}`
    : sides.includes('across') ? `interval spans ${fmtNumber(floor)}` : 'no interval below 3 valid repetitions';
  return { statement: c.statement, verdict, detail: `${c.scenario} reaches ${figures} ${c.metric} (${why})` };
}

function judge(m: AnswerMatrix, g: AnswerGroup, c: Claim): ClaimResult {
  const missing = [m.baseline, c.ahead, c.behind].flatMap((s) => absent(m, g, s) ?? []);
  if (missing.length) return { statement: c.statement, verdict: 'not run', detail: missing.join('; ') };
  const valid: { workload: string; a: AnswerCell; b: AnswerCell; side: Side }[] = [];
  const bad: string[] = [];
  for (const col of rateColumns(m)) {
    const cell = (s: string) => g.cells[s]?.[columnKey(col)];
    const [a, b] = [cell(c.ahead), cell(c.behind)];
    if (!a && !b) continue;
    if (a && b && isRatio(a.ratio) && isRatio(b.ratio)) {
      valid.push({ workload: col.workload, a, b, side: order(a, b) });
      continue;
    }
    const lacking = [c.ahead, c.behind, m.baseline].filter((s) => !Number.isFinite(cell(s)?.value ?? NaN));
    bad.push(`${col.workload} (${lacking.map((s) => invalid(s, cell(s))).join(', ') || 'no ratio'})`);
  }
  const noValid = bad.length ? `no valid figure on ${bad.join('; ')}` : '';
  if (!valid.length) return { statement: c.statement, verdict: 'no valid figure', detail: noValid || `no workload measured both ${c.ahead} and ${c.behind}` };
  const sides = valid.map((v) => v.side);
  const on = (side: Side) => valid.filter((v) => v.side === side).map((v) => v.workload).join(', ');
  const verdict: ClaimVerdict = sides.includes('behind') ? 'contradicted' : sides.every((s) => s === 'ahead') ? 'supported' : 'inconclusive';
  const why = verdict === 'supported' ? 'intervals apart'
    : verdict === 'contradicted' ? `${c.behind} ahead on ${on('behind')}, intervals apart`
      : sides.includes('overlap') ? `intervals overlap on ${on('overlap')}`
        : 'no interval below 3 valid repetitions';
  const ahead = valid.map((v, i) => `${fmtNumber(v.a.ratio)} ${i === 0 ? `of ${m.baseline} ` : ''}${v.workload}`).join(', ');
  const behind = valid.map((v) => fmtNumber(v.b.ratio)).join(', ');
  const [pa, pb] = [g.passes[c.ahead], g.passes[c.behind]];
  const passes = pa !== undefined && pb !== undefined ? `; backlog passes/packet ${fmtNumber(pa)} vs ${fmtNumber(pb)}` : '';
  return { statement: c.statement, verdict, detail: `${c.ahead} reaches ${ahead}; ${c.behind} ${behind} (${why})${passes}${noValid ? `; ${noValid}` : ''}` };
}

const isRatio = (x: number | null): x is number => x !== null && Number.isFinite(x);

/** Each workload's rate: its first higher-is-better primary metric. */
function rateColumns(m: AnswerMatrix) {
  return m.columns.filter((col, i) => col.better === 'higher' && m.columns.findIndex((x) => x.workload === col.workload && x.better === 'higher') === i);
}

/**
 * The claims a run's text and summary show: none for a shard (bench --shard), which holds part of
 * the matrix, often without host or veth at a point; the merged run judges them. Then `note` says so.
 */
export function runClaims(m: AnswerMatrix, shard: { index: number; count: number } | undefined): { claims: ClaimResult[][]; note?: string } {
  if (!shard) return { claims: judgeClaims(m) };
  return { claims: m.groups.map(() => []), note: `shard ${shard.index}/${shard.count}: part of the matrix; the claims come with the merged run (netkit-bench merge)` };
}
