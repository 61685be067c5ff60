import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { resolveBenchOptions } from '../../../harness/cli/bench-options.ts';
import { PRESETS } from '../../../harness/bench/presets.ts';
import { UsageError } from '../../../harness/core/errors.ts';
import { DEFAULT_WORKLOAD_PARAMS } from '../../../harness/workloads/params.ts';

const base = { out: '/tmp/x', vm: 'never' };

test('defaults, --quick and --full presets; explicit values override them', () => {
  const d = resolveBenchOptions(base);
  // The five: veth-tc (classic tc against tcx) has its own measurement, and comes with --full or by name.
  assert.equal(d.scenarios, ['host', 'veth', 'veth-bpf', 'netkit', 'netkit-l2']);
  assert.equal(d.workloads, ['tcp_stream', 'tcp_rr', 'tcp_crr']);
  assert.is(d.preset, 'default');
  assert.is(d.durationS, PRESETS.default.durationS);
  assert.is(d.repeats, 5);
  const q = resolveBenchOptions({ ...base, quick: true });
  assert.is(q.preset, 'quick');
  assert.is(q.durationS, 1);
  assert.is(q.repeats, 2);
  const f = resolveBenchOptions({ ...base, full: true });
  assert.equal(f.workloads, ['tcp_stream', 'tcp_stream_multi', 'udp_stream', 'tcp_rr', 'udp_rr', 'tcp_crr']);
  assert.is(f.repeats, 10);
  assert.equal(f.scenarios, ['host', 'veth', 'veth-tc', 'veth-bpf', 'netkit', 'netkit-l2']);
  assert.equal(resolveBenchOptions({ ...base, scenarios: 'veth-tc' }).scenarios, ['veth-tc']);
  assert.is(resolveBenchOptions({ ...base, quick: true, duration: '7' }).durationS, 7);
  assert.equal(resolveBenchOptions({ ...base, full: true, workloads: 'udp_rr' }).workloads, ['udp_rr']);
});

test('topologies: default and --full measure cross-node and same-node, --quick cross-node only; --topology overrides any preset', () => {
  assert.equal(resolveBenchOptions(base).topologies, ['cross-node', 'same-node']);
  assert.equal(resolveBenchOptions({ ...base, full: true }).topologies, ['cross-node', 'same-node']);
  assert.equal(resolveBenchOptions({ ...base, quick: true }).topologies, ['cross-node']);
  assert.equal(PRESETS.default.topologies, ['cross-node', 'same-node']);
  assert.equal(PRESETS.quick.topologies, ['cross-node']);
  assert.equal(resolveBenchOptions({ ...base, topology: 'cross-node' }).topologies, ['cross-node']);
  assert.equal(resolveBenchOptions({ ...base, quick: true, topology: 'same-node,cross-node' }).topologies, ['same-node', 'cross-node']);
  assert.equal(resolveBenchOptions({ ...base, full: true, topology: 'pod-to-node' }).topologies, ['pod-to-node']);
});

test('workload knobs: defaults, and what the flags set', () => {
  assert.equal(resolveBenchOptions(base).params, DEFAULT_WORKLOAD_PARAMS);
  const p = resolveBenchOptions({ ...base, streams: '8', rrSize: '1024', crrSize: '100', udpSize: '512', udpRate: '2g', maxLossPct: '0', maxRetransmitPct: '2.5', rrTool: 'netperf', crrTool: 'probe' }).params;
  assert.equal(p, { ipVersion: 4, streams: 8, rrSizeBytes: 1024, crrSizeBytes: 100, udpSizeBytes: 512, udpRate: '2G', rrTool: 'netperf', crrTool: 'probe', maxLossPct: 0, maxRetransmitPct: 2.5 });
  assert.is(resolveBenchOptions({ ...base, udpRate: 'max' }).params.udpRate, 'max');
  assert.is(resolveBenchOptions({ ...base, ip: '6' }).params.ipVersion, 6);
  assert.is(resolveBenchOptions({ ...base, ip: '6' }).params.rrTool, 'netperf');
  assert.throws(() => resolveBenchOptions({ ...base, ip: '6', rrTool: 'sockperf' }), /--rr-tool sockperf cannot measure --ip 6/);
  assert.is(resolveBenchOptions({ ...base, ip: '4' }).params.ipVersion, 4);
  assert.is(resolveBenchOptions({ ...base, udpRate: '1.5M' }).params.udpRate, '1.5M');
});

test('bad values are usage errors that quote the value', () => {
  const cases: [Record<string, string | boolean>, RegExp][] = [
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
    [{ quick: true, full: true }, /--quick and --full cannot be combined/],
    [{ streams: '0' }, /--streams "0" must be an integer from 1 to 128/],
    [{ ip: 'v6' }, /--ip "v6" must be 4 or 6/],
    [{ ip: '46' }, /--ip "46" must be 4 or 6/],
    [{ rrSize: '8' }, /--rr-size "8" must be an integer from 14/],
    [{ crrSize: '1k' }, /--crr-size "1k"/],
    [{ udpSize: '70000' }, /--udp-size "70000"/],
    [{ udpRate: 'fast' }, /--udp-rate "fast" must be a rate/],
    [{ udpRate: '0' }, /--udp-rate "0"/],
    [{ udpRate: '-1M' }, /--udp-rate "-1M"/],
    [{ maxLossPct: '101' }, /--max-loss-pct "101" must be a percentage/],
    [{ maxRetransmitPct: 'x' }, /--max-retransmit-pct "x"/],
    [{ rrTool: 'qperf' }, /--rr-tool "qperf" must be one of sockperf, netperf, probe/],
    [{ crrTool: 'sockperf' }, /--crr-tool "sockperf" must be one of netperf, probe/],
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
