import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { resolveBenchOptions } from '../../harness/bench/options.ts';
import { UsageError } from '../../harness/errors.ts';

const base = { out: '/tmp/x', vm: 'never' };

test('defaults and --quick', () => {
  const d = resolveBenchOptions(base);
  assert.equal(d.scenarios, ['host', 'veth', 'veth-bpf', 'netkit', 'netkit-l2']);
  assert.is(d.durationS, 5);
  const q = resolveBenchOptions({ ...base, quick: true });
  assert.is(q.durationS, 2);
  assert.is(q.repeats, 2);
  assert.is(resolveBenchOptions({ ...base, quick: true, duration: '7' }).durationS, 7);
});

test('bad values are usage errors that quote the value', () => {
  const cases: [Record<string, string>, RegExp][] = [
    [{ scenarios: 'host,nope' }, /unknown scenario "nope"/],
    [{ scenarios: ',' }, /names no scenario/],
    [{ workloads: 'udp' }, /unknown workload "udp"/],
    [{ duration: '0' }, /--duration "0" must be a positive integer/],
    [{ duration: '-3' }, /"-3"/],
    [{ duration: '1.5' }, /"1.5"/],
    [{ repeats: 'abc' }, /--repeats "abc"/],
    [{ repeats: '' }, /--repeats ""/],
    [{ vm: 'maybe' }, /--vm "maybe"/],
    [{ runId: 'UPPER!' }, /run id "UPPER!"/],
  ];
  for (const [flags, message] of cases) {
    try {
      resolveBenchOptions({ ...base, ...flags });
      assert.unreachable(JSON.stringify(flags));
    } catch (e) {
      assert.instance(e, UsageError);
      assert.match((e as Error).message, message);
    }
  }
});

test('duplicate names collapse', () => {
  assert.equal(resolveBenchOptions({ ...base, scenarios: 'veth,host,veth' }).scenarios, ['veth', 'host']);
});

test.run();
