import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { resolveBenchOptions } from '../../../harness/cli/bench-options.ts';
import { emulatedSizing } from '../../../harness/bench/vm.ts';
import { measurementOrder } from '../../../harness/bench/schedule.ts';
import { WORKLOADS } from '../../../harness/workloads/index.ts';
import { UsageError } from '../../../harness/core/errors.ts';
import { DEFAULT_FIXED_WORK, netperfCount, parseFixedWork, passWork, warmupTransactions } from '../../../harness/workloads/fixed-work.ts';

test('--work: default, a subset with sizes, and bad parts named', () => {
  assert.equal(parseFixedWork('default'), DEFAULT_FIXED_WORK);
  assert.equal(parseFixedWork('rr=2000,stream=32M'), { ...DEFAULT_FIXED_WORK, rrTransactions: 2000, streamBytes: 32 * 2 ** 20 });
  assert.equal(parseFixedWork('crr=10').crrConnections, 10);
  for (const bad of ['rr=0', 'rr=1k', 'rr', 'udp=5', 'stream=2T', 'rr=-3', '']) {
    assert.throws(() => parseFixedWork(bad), (e: unknown) => e instanceof UsageError && /--work/.test((e as Error).message), bad);
  }
  assert.is(netperfCount(5000), '-5000');
  assert.is(warmupTransactions(5000), 500);
  assert.is(warmupTransactions(50), 100);
});

test('--work makes netperf the tcp_rr tool; tools that cannot count transactions are refused', () => {
  const opts = resolveBenchOptions({ out: '/tmp/x', vm: 'auto', clock: 'auto', work: 'default' });
  assert.equal(opts.params.fixedWork, DEFAULT_FIXED_WORK);
  assert.is(opts.params.rrTool, 'netperf');
  assert.is(resolveBenchOptions({ out: '/tmp/x', vm: 'auto', clock: 'auto' }).params.fixedWork, undefined);
  assert.throws(() => resolveBenchOptions({ out: '/tmp/x', vm: 'auto', clock: 'auto', work: 'default', rrTool: 'sockperf' }), /--rr-tool sockperf cannot run a fixed number/);
  assert.throws(() => resolveBenchOptions({ out: '/tmp/x', vm: 'auto', clock: 'auto', work: 'default', crrTool: 'probe' }), /--crr-tool probe cannot run a fixed number/);
});

test('instruction clock: default and quick presets measure fixed work, and repetitions by their spread, unless the user chose otherwise', () => {
  // `given`: the options the user gave, as cli/given.ts reads them from commander.
  const sized = (flags: Record<string, string | boolean>, given: string[], clock = true) => emulatedSizing(resolveBenchOptions({ out: '/tmp/x', vm: 'auto', clock: 'auto', ...flags }, given), 'tcg', clock);
  assert.equal(sized({}, []), { repeats: 5, minRepeats: 3, durationS: 1, work: 'default' });
  assert.is(sized({ repeats: '5' }, ['--repeats']).minRepeats, undefined, 'repetitions the user chose all run');
  assert.is(sized({ minRepeats: '4' }, ['--min-repeats']).minRepeats, undefined, 'the user\'s own --min-repeats passes through');
  assert.equal(sized({ quick: true }, ['--quick']), { work: 'default', repeats: 3, minRepeats: 2 }, 'quick: 2 repetitions, a third when they disagree');
  assert.equal(sized({ quick: true, repeats: '2' }, ['--quick', '--repeats']), { work: 'default' });
  assert.is(sized({ duration: '2' }, ['--duration']).work, undefined);
  assert.is(sized({ rrTool: 'sockperf' }, ['--rr-tool']).work, undefined);
  assert.is(sized({ work: 'rr=100' }, ['--work']).work, undefined);
  assert.equal(sized({ full: true }, ['--full']), {});
  assert.equal(sized({}, [], false), { repeats: 3 });
});

test('measurement order: natively repetition by repetition; on the instruction clock workload by workload, tcp_crr last', () => {
  const workloads = ['tcp_crr', 'tcp_rr'].map((n) => WORKLOADS.find((w) => w.name === n)!);
  const names = (instructionClock: boolean) => measurementOrder({ instructionClock, workloads }, [1, 2]).map(([r, w]) => `${w.name}#${r}`);
  assert.equal(names(false), ['tcp_crr#1', 'tcp_rr#1', 'tcp_crr#2', 'tcp_rr#2']);
  assert.equal(names(true), ['tcp_rr#1', 'tcp_rr#2', 'tcp_crr#1', 'tcp_crr#2']);
});

test('an untimed pass does a fifth of a measurement\'s work, never none', () => {
  assert.equal(passWork(DEFAULT_FIXED_WORK), { rrTransactions: 1000, crrConnections: 200, streamBytes: Math.round((64 * 2 ** 20) / 5) });
  assert.equal(passWork({ rrTransactions: 2, crrConnections: 1, streamBytes: 3 }), { rrTransactions: 1, crrConnections: 1, streamBytes: 1 });
});

test.run();
