import { readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { cpuUsage } from '../../../harness/cpu/usage.ts';
import { parseProcStat } from '../../../harness/parsers/proc-stat.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8');
const close = (a: number, b: number, eps = 1e-9) => assert.ok(Math.abs(a - b) < eps, `${a} != ${b}`);

function parsed(name: string) {
  const r = parseProcStat(fixture(name));
  if (!r.ok) throw new Error(r.reason);
  return r.value;
}

test('the aggregate line and one line per CPU, in USER_HZ ticks', () => {
  const s = parsed('proc-stat-before.txt');
  assert.equal(s.all, { user: 49525, nice: 0, system: 25145, idle: 194338, iowait: 873, irq: 0, softirq: 11962, steal: 163 });
  assert.equal(s.cpus.map((c) => c.cpu), [0, 1]);
  assert.is(s.cpus[1]!.times.softirq, 5271);
});

test('usage over the window during an iperf3 run, by hand from the two captures', () => {
  const u = cpuUsage(parsed('proc-stat-before.txt'), parsed('proc-stat-after.txt'));
  // all: user +7, system +169, idle +36, softirq +65, steal +1 -> busy 241 of 278 ticks
  assert.is(u.cpuCount, 2);
  close(u.windowS, 278 / 2 / 100);
  close(u.busyPct, (241 / 278) * 100);
  close(u.softirqPct, (65 / 278) * 100);
  close(u.stealPct, (1 / 278) * 100);
  close(u.busyCores, (241 / 278) * 2);
  // cpu0: user +2, system +96, idle +2, softirq +51 -> 149 of 151 busy
  close(u.perCpu[0]!.busyPct, (149 / 151) * 100);
  close(u.perCpu[0]!.softirqPct, (51 / 151) * 100);
});

test('not /proc/stat', () => {
  assert.equal(parseProcStat('intr 1 2 3\n'), { ok: false, reason: '/proc/stat has no aggregate "cpu" line' });
  assert.not.ok(parseProcStat('cpu 1 2\n').ok);
});

test.run();
