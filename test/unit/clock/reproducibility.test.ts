// The run-to-run table (scripts/reproducibility-table.ts): rows paired by point and labelled with
// it, each metric against its target, p99 shown without one.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { reproducibilityRows, reproducibilityTable } from '../../../harness/clock/reproducibility.ts';
import type { Measurement } from '../../../harness/model/results.ts';
import { resultsFile } from '../../helpers/synthetic-results.ts';

/** Two repetitions of host tcp_rr at msg 1 and msg 1024; `at1024` sets the second point's rate and p99. */
function sweep(runId: string, at1024: { rate: number; p99: number }) {
  const ms: Measurement[] = [1, 1024].flatMap((msg) => [1, 2].map((repetition): Measurement => ({
    scenario: 'host', workload: 'tcp_rr', point: { topology: 'cross-node', msg }, repetition, state: 'ok', startedAt: '', elapsedS: 1, bpf: [],
    metrics: msg === 1 ? { transactionsPerS: 26_700, p50Us: 37, p99Us: 39 } : { transactionsPerS: at1024.rate, p50Us: 41, p99Us: at1024.p99 },
  })));
  return resultsFile(runId, ms);
}

test('rows are paired by point and the table names it; a rate 2% apart misses its target, p99 is shown without one', () => {
  const rows = reproducibilityRows(sweep('aaaaaa', { rate: 22_800, p99: 77 }), sweep('bbbbbb', { rate: 23_256, p99: 96 }));
  const at = (msg: number, metric: string) => rows.find((r) => r.point.msg === msg && r.metric === metric)!;
  assert.is(rows.length, 6);
  assert.is(at(1, 'transactionsPerS').differencePct, 0);
  assert.ok(Math.abs(at(1024, 'transactionsPerS').differencePct - 2) < 1e-9);
  assert.is(at(1024, 'transactionsPerS').within, false);
  assert.is(at(1024, 'p99Us').targetPct, undefined);
  assert.is(at(1024, 'p99Us').within, true, 'p99 is never held to a target');
  const table = reproducibilityTable(rows);
  assert.match(table, /^\| scenario \| point \| workload \|/);
  assert.match(table, /\| host \| msg 1024 \| tcp_rr \| transactionsPerS \| 22,800 \| 23,256 \| \+2\.000% \| \*\*missed\*\* ±0\.5% \|/);
  assert.match(table, /\| host \| msg 1024 \| tcp_rr \| p99Us \| 77 \| 96 \| \+24\.675% \| none \|/);
});

test('a whole-µs figure one step apart is the tool\'s resolution, within; the same gap in fractions of a µs is not', () => {
  // veth tcp_rr at msg 16384, netperf, two boots 2026-12-06: p50 175 and 175 against 174 and 174 (0.57%).
  const run = (id: string, p50Us: number) => resultsFile(id, [1, 2].map((repetition): Measurement => ({
    scenario: 'veth', workload: 'tcp_rr', point: { topology: 'cross-node', msg: 16384 }, repetition, state: 'ok', startedAt: '', elapsedS: 1, bpf: [],
    metrics: { transactionsPerS: 5_690, p50Us },
  })));
  const p50 = (a: number, b: number) => reproducibilityRows(run('aaaaaa', a), run('bbbbbb', b)).find((r) => r.metric === 'p50Us')!;
  assert.equal([p50(175, 174).resolution, p50(175, 174).within], [1, true]);
  assert.match(reproducibilityTable([p50(175, 174)]), /\| -0\.571% \| ±0\.5% or ±1 µs \|/);
  assert.equal([p50(175, 173).within, p50(175.3, 174.2).resolution, p50(175.3, 174.2).within], [false, 0, false]);
});

test('one point only: no point column', () => {
  const one = (id: string) => resultsFile(id, [1, 2].map((repetition): Measurement => ({
    scenario: 'host', workload: 'tcp_rr', point: { topology: 'cross-node' }, repetition, state: 'ok', startedAt: '', elapsedS: 1, bpf: [], metrics: { transactionsPerS: 26_700 },
  })));
  assert.match(reproducibilityTable(reproducibilityRows(one('aaaaaa'), one('bbbbbb'))), /^\| scenario \| workload \| metric \|/);
});

test.run();
