import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { enoughRepetitions } from '../../../harness/bench/repetitions.ts';
import { resolveBenchOptions } from '../../../harness/cli/bench-options.ts';
import { UsageError } from '../../../harness/core/errors.ts';

const rule = { min: 3, max: 5 };
const rates = (values: number[]) => values.map((transactionsPerS) => ({ transactionsPerS }));
const gbps = (values: number[]) => values.map((throughputGbps) => ({ throughputGbps }));

test('three repetitions that agree within the target end a workload; fewer never do', () => {
  // tcp_rr repetitions of one build on the instruction clock (README figures: 24,623 / 24,616 / 24,624).
  assert.ok(enoughRepetitions('tcp_rr', rates([24623, 24616, 24624]), 3, rule));
  assert.not.ok(enoughRepetitions('tcp_rr', rates([24623, 24616]), 2, rule));
  // Streams have the looser 2% target.
  assert.ok(enoughRepetitions('tcp_stream', gbps([10, 10.1, 10.15]), 3, rule));
  assert.not.ok(enoughRepetitions('tcp_rr', rates([10, 10.1, 10.15]), 3, rule));
});

test('an outlier, a failed repetition or an unknown workload runs on to the most', () => {
  // One host repetition 8.6% low, as in the README's ordering run: the median of five absorbs it.
  assert.not.ok(enoughRepetitions('tcp_rr', rates([24582, 22463, 24590]), 3, rule));
  assert.not.ok(enoughRepetitions('tcp_rr', rates([24582, 24590]), 3, rule), 'the third repetition failed');
  assert.not.ok(enoughRepetitions('no_such_workload', rates([1, 1, 1]), 3, rule));
  assert.ok(enoughRepetitions('tcp_rr', rates([24582, 22463, 24590, 1, 2]), 5, rule), 'at the most it always ends');
  assert.ok(enoughRepetitions('tcp_rr', rates([]), 5, rule));
});

test('--quick on the instruction clock (2, a third when they disagree): a stalled repetition gets a third, whose median absorbs it', () => {
  const quick = { min: 2, max: 3 };
  // veth tcp_rr at msg 1, 2026-12-06: the second repetition had a 4.2 ms stall and came out 4% low.
  assert.not.ok(enoughRepetitions('tcp_rr', rates([19475.3, 18688.1]), 2, quick));
  assert.ok(enoughRepetitions('tcp_rr', rates([19498.1, 19497.6]), 2, quick));
  assert.ok(enoughRepetitions('tcp_rr', rates([19475.3, 18688.1, 19480.2]), 3, quick));
});

test('tcp_rr\'s p99 decides too: a repetition with a burst of slow transactions gets a third; a p99 no repetition reported is not judged', () => {
  const quick = { min: 2, max: 3 };
  // netkit tcp_rr at msg 1024, 2026-12-06: the rates agreed within 0.05%, p99 116 against 82 µs (p90 47 in both).
  const burst = [{ transactionsPerS: 20523.345, p99Us: 116 }, { transactionsPerS: 20515.008, p99Us: 82 }];
  assert.not.ok(enoughRepetitions('tcp_rr', burst, 2, quick));
  assert.ok(enoughRepetitions('tcp_rr', [...burst, { transactionsPerS: 20521.7, p99Us: 83 }], 3, quick), 'at the most it always ends');
  // Whole µs, 1-3 apart inside a build (veth at msg 16384: 219 and 222).
  assert.ok(enoughRepetitions('tcp_rr', [{ transactionsPerS: 5689.933, p99Us: 219 }, { transactionsPerS: 5685.313, p99Us: 222 }], 2, quick));
  // netperf flows report no percentiles; the rate alone decides. One repetition without p99 among others with it disagrees.
  assert.ok(enoughRepetitions('tcp_rr', rates([30110, 30112]), 2, quick));
  assert.not.ok(enoughRepetitions('tcp_rr', [{ transactionsPerS: 30110 }, { transactionsPerS: 30112, p99Us: 80 }], 2, quick));
  // The rate must be in every repetition.
  assert.not.ok(enoughRepetitions('tcp_rr', [{ p99Us: 80 }, { p99Us: 80 }], 2, quick));
});

test('--min-repeats: at most --repeats; alone it raises the preset\'s repetitions to itself', () => {
  const opts = (flags: Record<string, string>) => resolveBenchOptions({ out: '/tmp/x', vm: 'auto', ...flags });
  assert.equal([opts({ minRepeats: '3' }).minRepeats, opts({ minRepeats: '3' }).repeats], [3, 5]);
  assert.is(opts({ minRepeats: '7' }).repeats, 7);
  assert.throws(() => opts({ minRepeats: '4', repeats: '3' }), (e: Error) => e instanceof UsageError && /--min-repeats 4 is more than --repeats 3/.test(e.message));
  assert.throws(() => opts({ minRepeats: '0' }), /--min-repeats "0" must be a positive integer/);
});

test.run();
