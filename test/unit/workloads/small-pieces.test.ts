import { readFileSync } from 'node:fs';
import { timeoutScale } from '../../../harness/core/exec.ts';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { bpfCostMetrics } from '../../../harness/accounting/bpf-cost.ts';
import { formatSeconds, progressLine } from '../../../harness/bench/progress.ts';
import { METRICS, metricInfo } from '../../../harness/core/metrics.ts';
import { pickConfig } from '../../../harness/host/kernel-config.ts';
import { cpuMetrics } from '../../../harness/workloads/cpu-metrics.ts';
import { durationGate, judge, limitGate } from '../../../harness/workloads/validity.ts';
import type { Workload } from '../../../harness/workloads/types.ts';
import { DEFAULT_WORKLOADS, WORKLOADS } from '../../../harness/workloads/index.ts';
import { DEFAULT_WORKLOAD_PARAMS } from '../../../harness/workloads/params.ts';

test('every metric says its unit and direction; BPF programs get theirs from the prefix', () => {
  for (const [name, info] of Object.entries(METRICS)) assert.ok(info.unit && info.description && (info.better === 'higher' || info.better === 'lower'), name);
  assert.equal([metricInfo('bpfNsPerPacket:node0-pod-egress').unit, metricInfo('bpfNsPerPacket:x').better], ['ns', 'lower']);
  assert.equal(metricInfo('p999Us').pooled, { samples: 'latencyUs', quantile: 0.999 });
});

test('validity gates: missing, zero, over the threshold, in that order', () => {
  assert.equal(judge({ a: 1 }, [{ metric: 'a', positive: true }]), { state: 'ok' });
  assert.equal(judge({}, [{ metric: 'a' }]), { state: 'invalid', reason: 'no a figure' });
  assert.equal(judge({ a: NaN }, [{ metric: 'a' }]), { state: 'invalid', reason: 'no a figure' });
  assert.equal(judge({ a: 0 }, [{ metric: 'a', positive: true }]), { state: 'invalid', reason: 'a is 0: no data moved' });
  assert.equal(judge({ lossPct: 2.345 }, [{ metric: 'lossPct', max: 1, option: '--max-loss-pct' }]), { state: 'invalid', reason: 'lossPct 2.35 is above --max-loss-pct 1' });
  // Datapath behaviour gates nothing unless the user sets a limit; a short measured phase does.
  assert.equal(limitGate('retransmitPct', undefined, '--max-retransmit-pct'), []);
  assert.equal(judge({ retransmitPct: 40 }, limitGate('retransmitPct', undefined, '--max-retransmit-pct')), { state: 'ok' });
  assert.equal(judge({ retransmitPct: 2 }, limitGate('retransmitPct', 1, '--max-retransmit-pct')), { state: 'invalid', reason: 'retransmitPct 2 is above --max-retransmit-pct 1' });
  assert.equal(judge({ measuredS: 1.2 }, [durationGate(2)]), { state: 'invalid', reason: 'measuredS 1.2 is below 90% of the requested 2 s' });
  assert.equal(judge({ measuredS: 1.99 }, [durationGate(2)]), { state: 'ok' });
});

test('service demand per KB and per transaction from the used CPUs\' busy cores and the work rate', () => {
  const used = { cpus: [], windowS: 1, netCpuS: 1.5, busyCores: 1.5, harnessSubtractedS: 0, clamped: false, contended: false };
  const cpu = { windowS: 1, cpuCount: 2, busyPct: 90, softirqPct: 10, stealPct: 0, busyCores: 1.8, perCpu: [], used };
  assert.equal(cpuMetrics(cpu, { bytesPerS: 3e9 }), { cpuBusyPct: 90, softirqPct: 10, cpuUsedCores: 1.5, cpuUsPerKB: (1.5e6 * 1024) / 3e9, cpuCoreSecondsPerGB: 0.5 });
  assert.equal(cpuMetrics(cpu, { transactionsPerS: 30_000 }), { cpuBusyPct: 90, softirqPct: 10, cpuUsedCores: 1.5, cpuUsPerTransaction: 50 });
  assert.equal(cpuMetrics(undefined, { bytesPerS: 1 }), {});
  // Tick-sampled accounting saw no busy tick: below resolution, no figure rather than a zero.
  assert.equal(cpuMetrics({ ...cpu, busyPct: 0, busyCores: 0 }, { bytesPerS: 1 }), {});
  // No busier than at idle (clamped to zero): the whole-machine figures only.
  assert.equal(cpuMetrics({ ...cpu, used: { ...used, netCpuS: 0, busyCores: 0, clamped: true } }, { bytesPerS: 1 }), { cpuBusyPct: 90, softirqPct: 10 });
});

test('kernel config: recorded options, "n" for unset ones, nothing else', () => {
  const text = '# comment\nCONFIG_HZ=250\n# CONFIG_IRQ_TIME_ACCOUNTING is not set\nCONFIG_TICK_CPU_ACCOUNTING=y\nCONFIG_FOO=y\n';
  assert.equal(pickConfig(text), { CONFIG_HZ: '250', CONFIG_IRQ_TIME_ACCOUNTING: 'n', CONFIG_TICK_CPU_ACCOUNTING: 'y' });
});

test('BPF ns per packet per program; none for a program that did not run', () => {
  const p = (name: string, runCnt: number, runTimeNs: number) => ({ name, hook: 'tcx_ingress', node: 'node0', counters: {}, runCnt, runTimeNs });
  assert.equal(bpfCostMetrics([p('a', 1000, 50_000), p('b', 0, 0)]), { 'bpfNsPerPacket:a': 50 });
});

test('progress: position, repetition and time left, one line per measurement off a terminal', () => {
  assert.equal([formatSeconds(5.4), formatSeconds(75), formatSeconds(-1)], ['5s', '1m15s', '0s']);
  const w = (name: string): Workload => ({ name, description: '', primary: [], agreementPct: {}, tools: [], expectedS: (d) => d + 1, run: async () => ({ state: 'ok', metrics: {} }) });
  const out: string[] = [];
  const p = progressLine((t) => out.push(t), false, { pointCosts: [1, 1], workloads: [w('a'), w('b')], repeats: 3, durationS: 2 });
  p.begin('host', w('a'), 1);
  // 2 scenarios x 3 repetitions x (1 s topology + 2 x 3 s) = 42 s before anything ran
  assert.equal(out, ['[1/12] host a repetition 1/3, about 42s left\n']);
  // Repetitions the stopping rule leaves out (bench/repetitions.ts) leave the total and the estimate.
  p.skip(w('b'), 2);
  p.begin('host', w('b'), 1);
  assert.match(out[1]!, /^\[2\/10\] host b repetition 1\/3, about \d+s left/);
  // A swept point weighs by its cost (axes.ts pointCost): msg 1 and msg 65536 (1 + 65536 / 10240 = 7.4).
  const sweep: string[] = [];
  const q = progressLine((t) => sweep.push(t), false, { pointCosts: [1, 7.4], workloads: [w('a')], repeats: 1, durationS: 2 });
  q.begin('host (msg 1)', w('a'), 1, 1);
  // (1 s topology + 3 s) x (1 + 7.4) = 33.6 s
  assert.equal(sweep, ['[1/2] host (msg 1) a repetition 1/1, about 34s left\n']);
});

test('the default workloads need compiled tools that setup installs; the probe only when chosen', () => {
  const tools = WORKLOADS.filter((w) => DEFAULT_WORKLOADS.includes(w.name)).flatMap((w) => w.tools);
  assert.equal([...new Set(tools)], ['iperf3', 'sockperf', 'netperf', 'netserver']);
  const setup = readFileSync(new URL('../../../scripts/setup.sh', import.meta.url), 'utf8');
  for (const pkg of ['iperf3', 'sockperf', 'netperf']) assert.match(setup, new RegExp(`APT_PLAIN=\\(.*\\b${pkg}\\b`), pkg);
  assert.equal(WORKLOADS.find((w) => w.name === 'udp_rr')!.tools, ['sockperf']);
  const rr = WORKLOADS.find((w) => w.name === 'tcp_rr')!;
  const crr = WORKLOADS.find((w) => w.name === 'tcp_crr')!;
  assert.equal(rr.toolsFor!({ ...DEFAULT_WORKLOAD_PARAMS, rrTool: 'probe' }), []);
  assert.equal(rr.toolsFor!({ ...DEFAULT_WORKLOAD_PARAMS, rrTool: 'netperf' }), ['netperf', 'netserver']);
  assert.equal(crr.toolsFor!({ ...DEFAULT_WORKLOAD_PARAMS, crrTool: 'probe' }), []);
});

test('commands get 20 times their timeout on the instruction clock, where a waiting guest\'s clock jumps ahead', () => {
  assert.is(timeoutScale({ NKB_GUEST_CLOCK: 'instructions:0' }), 20);
  assert.is(timeoutScale({ NKB_GUEST_CLOCK: 'host' }), 1);
  assert.is(timeoutScale({}), 1);
});

test.run();
