// The shared cases with known right answers (test/fixtures/cases/README.md), through the real CLI.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { cli } from '../helpers/cli.ts';
import { removeTempDirs, tempDir } from '../helpers/temp.ts';

test.after(removeTempDirs);

const CASES = fileURLToPath(new URL('../fixtures/cases/', import.meta.url));

test('gate-aa-many-rows: at most 1 of 20 A/A pairs (50 headline rows each, CV 10%) exits 1', async () => {
  const pairs = Array.from({ length: 20 }, (_, i) => join(CASES, 'gate-aa-many-rows/pairs', String(i + 1).padStart(2, '0')));
  const codes: number[] = [];
  for (let i = 0; i < pairs.length; i += 4) {
    const batch = await Promise.all(pairs.slice(i, i + 4).map((p) => cli(['compare', join(p, 'a'), join(p, 'b'), '--format', 'json'])));
    for (const r of batch) {
      assert.ok(r.exitCode === 0 || r.exitCode === 1, r.stderr);
      const report = JSON.parse(r.stdout) as { rows: unknown[]; test: { familySize: number } };
      // The headline metrics these version-1 files carry: throughput, transactions/s, connections/s,
      // p50, p99 and CPU per transaction (45 rows). Their whole-machine cpuCoreSecondsPerGB is no
      // longer a headline: the headline CPU figure is now per CPU used (cpuUsPerKB), which they lack.
      assert.is(report.rows.length, 45);
      assert.is(report.test.familySize, 20, 'primary metrics: 5 scenarios x (throughput, transactions/s + p99, connections/s)');
      codes.push(r.exitCode!);
    }
  }
  assert.ok(codes.filter((c) => c === 1).length <= 1, `pairs failing the gate: ${codes.join(' ')}`);
});

test('gate-history-run-is-the-unit: a night inside the spread of five nightly medians is no regression (exit 0)', async () => {
  const dir = await tempDir('stats-history');
  for (const n of [1, 2, 3, 4, 5]) {
    const add = await cli(['history', 'add', join(CASES, `gate-history-run-is-the-unit/runs/hist0${n}`), '--dir', dir]);
    assert.is(add.exitCode, 0, add.stderr);
  }
  const r = await cli(['compare', join(CASES, 'gate-history-run-is-the-unit/runs/cand01'), '--against-history', '5', '--history-dir', dir, '--metric', 'transactionsPerS']);
  assert.is(r.exitCode, 0, `${r.stdout}\n${r.stderr}`);
  assert.match(r.stdout, 'unit: the run');
  assert.match(r.stdout, /transactionsPerS \*.*\(n=5 runs\).*inconclusive/);
});

test('gate-zero-baseline: retransmits 0 -> 1-3 in 5 GB is no infinite change and no regression (exit 0)', async () => {
  const runs = join(CASES, 'gate-zero-baseline/runs');
  const r = await cli(['compare', join(runs, 'base01'), join(runs, 'cand01'), '--metric', 'all', '--format', 'json']);
  assert.is(r.exitCode, 0, `${r.stdout}\n${r.stderr}`);
  const rows = (JSON.parse(r.stdout) as { rows: { metric: string; changePct: number | null; verdict: string; gated: boolean }[] }).rows;
  const by = Object.fromEntries(rows.map((x) => [x.metric, x]));
  assert.is(by.throughputGbps!.verdict, 'unchanged');
  assert.is(by.retransmitsPerGB!.changePct, null, 'no relative change from a zero baseline');
  assert.is(by.retransmitsPerGB!.gated, false);
  assert.ok(rows.every((x) => x.verdict !== 'regressed'), JSON.stringify(rows));
});

test.run();
