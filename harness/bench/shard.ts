// A deterministic Nth of the matrix (bench --shard K/N), for one run cut over several machines and
// merged (bench/merge.ts). A shard is made of whole builds (a scenario at one build-scope point,
// with every workload at each of its workload-scope points), so every measurement runs in the
// same build, after the same measurements, as in the unsharded run: on the instruction clock its
// figure is then the same. Builds go to shards round-robin in the order of their keys.
import { createHash } from 'node:crypto';
import { UsageError, quote } from '../core/errors.ts';
import { pointKey } from '../core/point.ts';
import { canonicalJson, scenarioSha256 } from '../scenario/hash.ts';
import type { ShardRecord } from '../model/results.ts';
import { scopeOf, type BuildUnit } from './axes.ts';

export interface Shard { index: number; count: number }

/** `K/N` with 1 <= K <= N <= 1000; one line naming the value otherwise. */
export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const [index, count] = m ? [Number(m[1]), Number(m[2])] : [NaN, NaN];
  if (!(index >= 1 && index <= count && count <= 1000)) throw new UsageError(`--shard ${quote(text)} must be K/N with 1 <= K <= N <= 1000 (e.g. 2/4)`);
  return { index, count };
}

/** A build's name across machines: "veth topology=cross-node,mtu=9000". */
export const unitKey = (u: BuildUnit): string => `${u.scenario.name} ${pointKey(scopeOf(u.points[0]!, 'build'))}`;

/** The keys of the builds shard `shard` runs, out of every build the whole matrix has. */
export function shardUnits(units: readonly BuildUnit[], shard: Shard): string[] {
  return units.map(unitKey).sort().filter((_, i) => i % shard.count === shard.index - 1);
}

/**
 * sha256 over what the whole matrix measures: every build (its scenario's definition hash and its
 * points), every workload, the repetitions. Shards of one run have the same; merge refuses others.
 */
export function matrixSha256(units: readonly BuildUnit[], workloads: readonly string[], repeats: { repeats: number; minRepeats?: number }): string {
  const builds = units.map((u) => ({ key: unitKey(u), scenario: scenarioSha256(u.scenario), points: u.points.map(pointKey) })).sort((a, b) => (a.key < b.key ? -1 : 1));
  return createHash('sha256').update(canonicalJson({ builds, workloads: [...workloads].sort(), ...repeats })).digest('hex');
}

/** What a shard's results record: which shard, of which matrix, and the builds it ran. */
export function shardRecord(units: readonly BuildUnit[], shard: Shard, workloads: readonly string[], repeats: { repeats: number; minRepeats?: number }): ShardRecord {
  return { ...shard, matrixSha256: matrixSha256(units, workloads, repeats), builds: shardUnits(units, shard) };
}
