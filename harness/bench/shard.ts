// A deterministic Nth of the matrix (bench --shard K/N, and bench/vm-shards.ts's VMs at once), for
// one run cut over several machines or guests and merged (bench/merge.ts). A shard is made of
// parts: a build (a scenario at one build-scope point) at one of its workload-scope points (a
// message size, a flow count), or the whole build where nothing varies within builds. Parts are
// dealt by their expected cost (each workload-scope axis's relativeCost, bench/axes.ts): dearest
// first, each to the shard with the least so far (Graham's LPT rule, 1969), so a sweep's shards
// take about equal work although a 64 KiB part costs about 7 times a 1-byte one. Where every part
// costs alike (the default run), they are dealt in a snake over the workload-scope points, then
// the builds (1, 2, .., N, N, .., 2, 1, 1, 2, ..). A shard builds each scenario it has a part of
// and measures that part's points, so a `--shard K/N` run measures the same parts as guest K of a
// run cut into N VMs (in an order of its own: the instruction clock's schedule shuffles builds).
import { createHash } from 'node:crypto';
import { UsageError, quote } from '../core/errors.ts';
import { pointKey } from '../core/point.ts';
import { canonicalJson, scenarioSha256 } from '../scenario/hash.ts';
import type { ShardRecord } from '../model/results.ts';
import type { Point } from '../model/point.ts';
import { pointCost, scopeOf, type BuildUnit } from './axes.ts';

export interface Shard { index: number; count: number }

/** `K/N` with 1 <= K <= N <= 1000; one line naming the value otherwise. */
export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const [index, count] = m ? [Number(m[1]), Number(m[2])] : [NaN, NaN];
  if (!(index >= 1 && index <= count && count <= 1000)) throw new UsageError(`--shard ${quote(text)} must be K/N with 1 <= K <= N <= 1000 (e.g. 2/4)`);
  return { index, count };
}

/**
 * --shard on host time is refused (UsageError): shards measured on the wall clock of other machines,
 * or of one machine at other times, are not one run's figures, and merge could not tell. On the
 * instruction clock the same work gives the same figure on any machine (docs/sweeps.md).
 */
export function refuseShardOnHostTime(shard: { index: number; count: number }, instructionClock: boolean): void {
  if (!instructionClock) throw new UsageError(`--shard ${shard.index}/${shard.count} needs the instruction clock (--clock instructions, the built-in VM under TCG): shards measured on host time are not figures of one run`);
}

/** A build's name across machines: "veth topology=cross-node,mtu=9000". */
export const unitKey = (u: BuildUnit): string => `${u.scenario.name} ${pointKey(scopeOf(u.points[0]!, 'build'))}`;

/** The workload-scope values of a point as text, "msg=1024" ("" when there are none). */
const workloadKey = (p: Point): string => Object.entries(scopeOf(p, 'workload')).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${k}=${v}`).join(',');

/** A part's name across machines: "veth topology=cross-node msg=1024", or the build's key alone. */
export const partKey = (u: BuildUnit, p: Point): string => [unitKey(u), workloadKey(p)].filter(Boolean).join(' ');

/** Every part of the matrix with its cost, in deal order: workload-scope point, then build. */
function dealOrder(units: readonly BuildUnit[]): { key: string; cost: number }[] {
  const parts = units.flatMap((u) => u.points.map((p) => ({ key: partKey(u, p), cost: pointCost(p), order: `${workloadKey(p)}\0${unitKey(u)}` })));
  return [...new Map(parts.map((x) => [x.key, x])).values()].sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
}

/** The shard (0-based) the i-th dealt part goes to: a snake, 0..N-1 then N-1..0. */
const snake = (i: number, n: number): number => (Math.floor(i / n) % 2 === 0 ? i % n : n - 1 - (i % n));

/**
 * The shard (0-based) of each part, in deal order: the snake where all cost alike; else dearest
 * first (ties in deal order), each to the shard with the least cost so far (ties: the lowest).
 */
function dealShards(costs: readonly number[], n: number): number[] {
  if (new Set(costs).size <= 1) return costs.map((_, i) => snake(i, n));
  const loads = new Array<number>(n).fill(0);
  const shardOf = new Array<number>(costs.length);
  const dearestFirst = costs.map((cost, i) => ({ cost, i })).sort((a, b) => b.cost - a.cost || a.i - b.i);
  for (const { cost, i } of dearestFirst) {
    const least = loads.indexOf(Math.min(...loads));
    shardOf[i] = least;
    loads[least]! += cost;
  }
  return shardOf;
}

/** The keys of the parts shard `shard` runs (partKey), sorted, out of every part the whole matrix has. */
export function shardParts(units: readonly BuildUnit[], shard: Shard): string[] {
  const parts = dealOrder(units);
  const shardOf = dealShards(parts.map((p) => p.cost), shard.count);
  return parts.filter((_, i) => shardOf[i] === shard.index - 1).map((p) => p.key).sort();
}

/** How many parts the matrix has: more shards than this would leave some empty. */
export const partCount = (units: readonly BuildUnit[]): number => dealOrder(units).length;

/** The builds `units` keep with only the points of `parts` (partKey); builds left with none are dropped. */
export function unitsOfParts(units: readonly BuildUnit[], parts: ReadonlySet<string>): BuildUnit[] {
  return units.map((u) => ({ ...u, points: u.points.filter((p) => parts.has(partKey(u, p))) })).filter((u) => u.points.length > 0);
}

/**
 * sha256 over what the whole matrix measures and how it is cut: every build (its scenario's
 * definition hash and its points), every workload, the repetitions, the dealing. Shards of one run
 * have the same; merge refuses others.
 */
export function matrixSha256(units: readonly BuildUnit[], workloads: readonly string[], repeats: { repeats: number; minRepeats?: number }): string {
  const builds = units.map((u) => ({ key: unitKey(u), scenario: scenarioSha256(u.scenario), points: u.points.map(pointKey) })).sort((a, b) => (a.key < b.key ? -1 : 1));
  // `cut` names how shards are dealt: shards of the same matrix cut another way (whole builds,
  // round-robin, until 2026-12-06; a snake where parts cost unlike, until late 2026-12-06) hold other
  // parts, and merging them would double some and lose others.
  const cut = new Set(dealOrder(units).map((p) => p.cost)).size <= 1 ? 'parts-snake' : 'parts-cost';
  return createHash('sha256').update(canonicalJson({ cut, builds, workloads: [...workloads].sort(), ...repeats })).digest('hex');
}

/** What a shard's results record: which shard, of which matrix, and the parts it ran. */
export function shardRecord(units: readonly BuildUnit[], shard: Shard, workloads: readonly string[], repeats: { repeats: number; minRepeats?: number }): ShardRecord {
  return { ...shard, matrixSha256: matrixSha256(units, workloads, repeats), builds: shardParts(units, shard) };
}
