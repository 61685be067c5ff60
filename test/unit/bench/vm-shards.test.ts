// bench --vm-shards: how many VMs a run takes, what the guests are not told, and what a merged run
// of several VMs adds up. Pure functions and synthetic results: no VM boots (test/vm/ordering.test.ts
// runs a sharded matrix for real).
import { UsageError } from '../../../harness/core/errors.ts';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { DEFAULT_VM_SHARDS, matrixPartCount, vmShardCount } from '../../../harness/bench/vm-shards.ts';
import { withoutGuestFlags } from '../../../harness/bench/guest-argv.ts';
import { resolveBenchOptions } from '../../../harness/cli/bench-options.ts';
import { mergeShards } from '../../../harness/bench/merge.ts';
import { resultsFile } from '../../helpers/synthetic-results.ts';

const opts = (flags: Record<string, unknown> = {}) => resolveBenchOptions({ out: '/tmp/x', vm: 'auto', clock: 'auto', ...flags });

test('the default run: 10 parts (builds), cut into DEFAULT_VM_SHARDS VMs on the instruction clock, one VM on host time', () => {
  assert.is(matrixPartCount(opts()), 10, '5 scenarios x 2 topologies');
  assert.is(vmShardCount(opts(), true, 10), DEFAULT_VM_SHARDS);
  assert.is(vmShardCount(opts(), false, 10), 1);
});

test('--vm-shards: as asked, at most one VM per part; one VM for a shard of the user\'s own', () => {
  assert.is(vmShardCount(opts({ vmShards: '4' }), true, 10), 4);
  assert.is(vmShardCount(opts({ vmShards: '1' }), true, 10), 1);
  const one = opts({ scenarios: 'host', topology: 'cross-node' });
  assert.is(matrixPartCount(one), 1);
  assert.is(vmShardCount(one, true, matrixPartCount(one)), 1, 'no empty shard');
  assert.is(matrixPartCount(opts({ sweep: ['mtu=1500,9000', 'msg=1,64'] })), 40, '5 scenarios x 2 MTUs x 2 sizes on one topology');
  assert.is(vmShardCount(opts({ shard: '1/2' }), true, 10), 1);
  assert.is(vmShardCount(opts({ abInjectCost: '5' }), true, 20), 1, 'an interleaved run keeps both sides in one guest');
});

test('--vm-shards refusals are one line each: host time, an interleaved run, --vm never, with --shard, 0 or too many', () => {
  assert.throws(() => vmShardCount(opts({ vmShards: '2' }), false, 10), /--vm-shards 2 needs the instruction clock/);
  assert.throws(() => vmShardCount(opts({ vmShards: '2', abInjectCost: '5' }), true, 20), /interleaved run/);
  // A shard of the user's own on host time: not a figure of one run (a TCG VM on the wall clock read 0.798 [0.797..1.73]).
  assert.throws(() => vmShardCount(opts({ shard: '1/2' }), false, 10), (e: Error) => e instanceof UsageError && /^--shard 1\/2 needs the instruction clock/.test(e.message));
  assert.throws(() => opts({ vmShards: '2', vm: 'never' }), /cannot be combined with --vm never/);
  assert.throws(() => opts({ vmShards: '2', shard: '1/2' }), /give one of them/);
  assert.is(opts({ vmShards: '1', shard: '1/2' }).vmShards, 1, 'one VM is what a shard runs in anyway (a nightly pins it)');
  assert.throws(() => opts({ vmShards: '0' }), /--vm-shards/);
  assert.throws(() => opts({ vmShards: '65' }), /at most 64/);
});

test('the guests are not told --vm-shards: each runs its own --shard K/N', () => {
  assert.equal(withoutGuestFlags(['bench', '--vm-shards', '3', '--quick', '--vm-shards=2']), ['bench', '--quick']);
});

test('a merged run\'s busy guest CPU seconds are every shard\'s together, unknown when a shard has none', () => {
  const shard = (index: number, matrixCpuS?: number) => {
    const r = resultsFile(`shard${index}`, [], { shard: { index, count: 2, matrixSha256: 'a'.repeat(64), builds: [] } });
    if (matrixCpuS === undefined) delete r.environment.matrixCpuS;
    else r.environment.matrixCpuS = matrixCpuS;
    return { dir: `d${index}`, results: r };
  };
  assert.is(mergeShards([shard(1, 10.5), shard(2, 4.25)], 'mrgd01', ['merge']).environment.matrixCpuS, 14.75);
  assert.is(mergeShards([shard(1, 10.5), shard(2)], 'mrgd01', ['merge']).environment.matrixCpuS, undefined);
});

test.run();
