// CPU cost from the CPUs the workload used, less the idle baseline, on captured /proc/stat snapshots.
import { readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { idleBaseline } from '../../../harness/cpu/idle.ts';
import { cpuUsage } from '../../../harness/cpu/usage.ts';
import { usedCpuCost } from '../../../harness/cpu/used.ts';
import { parseProcStat, type ProcStat } from '../../../harness/parsers/proc-stat.ts';
import { processCpuNs, processCpuS } from '../../../harness/cpu/process-time.ts';
import { cpuMetrics } from '../../../harness/workloads/cpu-metrics.ts';

const close = (a: number, b: number, eps = 1e-9) => assert.ok(Math.abs(a - b) < eps, `${a} != ${b}`);
function parsed(name: string): ProcStat {
  const r = parseProcStat(readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8'));
  if (!r.ok) throw new Error(r.reason);
  return r.value;
}
/** A /proc/stat with two CPUs from per-CPU [user, system, idle, softirq] ticks. */
function stat(cpus: [number, number, number, number][]): ProcStat {
  const times = ([user, system, idle, softirq]: number[]) => ({ user: user!, nice: 0, system: system!, idle: idle!, iowait: 0, irq: 0, softirq: softirq!, steal: 0 });
  const sum = cpus.reduce<number[]>((a, c) => a.map((x, i) => x + c[i]!), [0, 0, 0, 0]);
  return { all: times(sum), cpus: cpus.map((c, cpu) => ({ cpu, times: times(c) })) };
}

test('per-CPU split during an iperf3 run (captured): client and server CPUs, softirq where it landed', () => {
  const u = cpuUsage(parsed('proc-stat-before.txt'), parsed('proc-stat-after.txt'));
  // cpu0: user +2, system +96, idle +2, softirq +51 (151 ticks).
  assert.equal(u.perCpu[0]!.ticks, { user: 2, nice: 0, system: 96, idle: 2, iowait: 0, irq: 0, softirq: 51, steal: 0 });
  const cost = usedCpuCost(u, { client: [1], server: [0] });
  assert.equal(cost.cpus.map((c) => [c.cpu, c.roles]), [[0, ['server', 'softirq']], [1, ['client', 'softirq']]]);
  // cpu1: user +4, system +72, softirq +15. The per-CPU lines sum to one tick less than the aggregate's 241.
  assert.equal(cost.cpus.map((c) => c.netTicks), [149, 91]);
  assert.is(cost.idle, undefined);
  close(cost.netCpuS, 2.4);
  // A CPU neither side used, with no softirq to speak of, is left out.
  assert.equal(usedCpuCost(cpuUsage(stat([[0, 0, 100, 0], [50, 40, 10, 0]]), stat([[1, 1, 198, 0], [100, 80, 20, 0]])), { client: [1], server: [1] }).cpus.map((c) => c.cpu), [1]);
});

test('the idle baseline is subtracted per CPU for the window\'s length, clamped at zero and marked', () => {
  // Idle: cpu0 busy 10 ticks/s, cpu1 2 ticks/s, over 1 s.
  const idle = idleBaseline(stat([[0, 0, 0, 0], [0, 0, 0, 0]]), stat([[5, 5, 90, 0], [1, 1, 98, 0]]), 'now');
  close(idle.windowS, 1);
  assert.equal(idle.perCpu.map((c) => c.busyPerS), [10, 2]);
  // Under load, 2 s: cpu0 busy 15 of 200 ticks (less than idle's 20), cpu1 busy 160 of 200.
  const u = cpuUsage(stat([[0, 0, 0, 0], [0, 0, 0, 0]]), stat([[10, 5, 185, 0], [60, 60, 40, 40]]));
  const cost = usedCpuCost(u, { client: [0], server: [1] }, { idle });
  assert.equal(cost.cpus.map((c) => [c.idleTicks, c.netTicks, c.clamped]), [[20, 0, true], [4, 156, false]]);
  assert.ok(cost.clamped);
  // cpu0 was 10% busy at idle: not above the share that marks another tenant.
  assert.not.ok(cost.contended);
  const busyIdle = idleBaseline(stat([[0, 0, 0, 0], [0, 0, 0, 0]]), stat([[60, 30, 10, 0], [1, 1, 98, 0]]), 'now');
  assert.ok(usedCpuCost(u, { client: [0], server: [1] }, { idle: busyIdle }).contended);
  // Exactly as busy as at idle (a CPU saturated by another tenant both times): nothing left, marked.
  const flat = idleBaseline(stat([[0, 0, 0, 0], [0, 0, 0, 0]]), stat([[100, 0, 0, 0], [100, 0, 0, 0]]), 'now');
  const full = cpuUsage(stat([[0, 0, 0, 0], [0, 0, 0, 0]]), stat([[100, 0, 0, 0], [100, 0, 0, 0]]));
  assert.equal(usedCpuCost(full, { client: [0], server: [1] }, { idle: flat }).cpus.map((c) => [c.netTicks, c.clamped]), [[0, true], [0, true]]);
  close(cost.netCpuS, 1.56);
  close(cost.busyCores, 0.78);
  assert.is(cost.idle, idle);
});

test('the harness\'s own CPU time comes off only when it shared the measured CPUs', () => {
  const u = { ...cpuUsage(stat([[0, 0, 0, 0], [0, 0, 0, 0]]), stat([[50, 0, 50, 0], [50, 0, 50, 0]])), harnessCpuS: 0.2 };
  close(usedCpuCost(u, { client: [0], server: [1] }, { harnessShares: true }).netCpuS, 0.8);
  assert.is(usedCpuCost(u, { client: [0], server: [1] }, { harnessShares: true }).harnessSubtractedS, 0.2);
  close(usedCpuCost(u, { client: [0], server: [1] }).netCpuS, 1);
});

test('the processes\' own CPU time: schedstat of every thread, grows while this process computes', async () => {
  const before = await processCpuNs(process.pid);
  let x = 0;
  for (let i = 0; i < 2e6; i++) x += Math.sqrt(i);
  const after = await processCpuNs(process.pid);
  assert.ok(x > 0 && before !== undefined && after! > before, `${before} -> ${after}`);
  assert.is(await processCpuNs(2 ** 22 + 1), undefined);
  assert.equal(processCpuS({ client: 1e9, server: 0 }, { client: 1.5e9, server: 2.5e8 }), { clientS: 0.5, serverS: 0.25 });
  assert.is(processCpuS({ client: 1 }, { client: 2, server: 3 }), undefined);
  // 0.75 CPU-s over a 1 s window at 30,000 transactions/s: 25 µs each, with no busy tick needed.
  const u = { ...cpuUsage(stat([[0, 0, 0, 0], [0, 0, 0, 0]]), stat([[0, 0, 100, 0], [0, 0, 100, 0]])), processes: { clientS: 0.5, serverS: 0.25 } };
  assert.equal(cpuMetrics(u, { transactionsPerS: 30_000 }), { processCpuUsPerTransaction: 25 });
});

test.run();
