// Points as data: the grid, the builds it makes, the flags that ask for it, and rows that keep
// their point through the summary (ratio to host at the same point) and compare (pairing by it).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { buildUnits, gridPoints, paramsAt } from '../../../harness/bench/axes.ts';
import { parseSweep, parseTopologies } from '../../../harness/cli/axis-options.ts';
import { comparePoints, pointKey, pointLabel, varyingAxes } from '../../../harness/core/point.ts';
import { compareSides } from '../../../harness/compare/compare.ts';
import { DEFAULT_GATE } from '../../../harness/compare/verdict.ts';
import { sideOfResults } from '../../../harness/compare/sides.ts';
import type { Measurement } from '../../../harness/model/results.ts';
import type { Point } from '../../../harness/model/point.ts';
import { summarize } from '../../../harness/results/summary.ts';
import { SCENARIOS } from '../../../scenarios/index.ts';
import { resultsFile } from '../../helpers/synthetic-results.ts';

test('pointKey is one text for equal points whatever their key order; labels show only the axes that vary', () => {
  assert.is(pointKey({ topology: 'same-node', msg: 1024, flows: 2 }), 'topology=same-node,flows=2,msg=1024');
  assert.is(pointKey({ msg: 1024, topology: 'same-node', flows: 2 } as Point), pointKey({ topology: 'same-node', flows: 2, msg: 1024 }));
  const points: Point[] = [{ topology: 'cross-node', msg: 1 }, { topology: 'cross-node', msg: 1024 }];
  assert.equal(varyingAxes(points), ['msg']);
  assert.is(pointLabel(points[1]!, varyingAxes(points)), 'msg 1024');
  assert.equal(varyingAxes([{ topology: 'cross-node' }]), []);
  // A reader's order, whatever order the shuffled builds measured them in: topologies as registered, then values ascending.
  const shuffled: Point[] = [{ topology: 'same-node', msg: 1024 }, { topology: 'cross-node', msg: 1024 }, { topology: 'same-node', msg: 64 }, { topology: 'cross-node', msg: 64 }];
  assert.equal(shuffled.sort(comparePoints(['cross-node', 'same-node'])).map(pointKey), ['topology=cross-node,msg=64', 'topology=cross-node,msg=1024', 'topology=same-node,msg=64', 'topology=same-node,msg=1024']);
});

test('the grid crosses topologies with each swept axis, topology outermost, in the order given', () => {
  assert.equal(gridPoints(['cross-node'], {}), [{ topology: 'cross-node' }]);
  assert.equal(gridPoints(['cross-node'], { a: [1, 2], b: ['x'] }).map(pointKey), ['topology=cross-node,a=1,b=x', 'topology=cross-node,a=2,b=x']);
});

test('one build per scenario and topology: a scenario is built only on its own topology', () => {
  const units = buildUnits(SCENARIOS.slice(0, 2), [{ topology: 'cross-node' }, { topology: 'elsewhere' }]);
  assert.equal(units.map((u) => [u.scenario.name, u.points.map(pointKey)]), [['host', ['topology=cross-node']], ['veth', ['topology=cross-node']]]);
  assert.equal(paramsAt({ rrSizeBytes: 1 }, { topology: 'cross-node' }), { rrSizeBytes: 1 });
});

test('--topology and --sweep: known names only, one line each', () => {
  assert.equal(parseTopologies(undefined), ['cross-node']);
  assert.equal(parseTopologies('cross-node'), ['cross-node']);
  assert.throws(() => parseTopologies('moon'), /--topology: unknown topology "moon"/);
  assert.equal(parseSweep([]), {});
  assert.throws(() => parseSweep(['colour=1,2']), /--sweep: unknown axis "colour"/);
  assert.throws(() => parseSweep(['topology=cross-node']), /use --topology/);
});

const m = (scenario: string, point: Point, repetition: number, v: number): Measurement => ({
  scenario, workload: 'tcp_rr', point, repetition, state: 'ok', startedAt: '', elapsedS: 1, metrics: { transactionsPerS: v }, bpf: [],
});
const same: Point = { topology: 'same-node' };
const cross: Point = { topology: 'cross-node' };
const rows = (k: number) => [1, 2, 3].flatMap((r) => [m('host', cross, r, 100 + r * k), m('veth', cross, r, 80 + r * k), m('host', same, r, 200 + r * k), m('veth', same, r, 100 + r * k)]);

test('the summary keeps each point apart and takes the ratio to host at the same point', () => {
  const summary = summarize(rows(0.01), 'host');
  const veth = (p: Point) => summary.find((r) => r.scenario === 'veth' && pointKey(r.point) === pointKey(p))!;
  assert.is(Number(veth(cross).ratioToHost!.toFixed(3)), 0.8);
  assert.is(Number(veth(same).ratioToHost!.toFixed(3)), 0.5);
});

test('compare pairs rows by point: an A/A pair of two-topology runs has no change and no unmatched row', () => {
  const a = sideOfResults(resultsFile('a', rows(0.01)), 'a');
  const b = sideOfResults(resultsFile('b', rows(0.012)), 'b');
  const report = compareSides(a, b, DEFAULT_GATE, ['transactionsPerS']);
  assert.is(report.rows.length, 4);
  assert.equal(report.unmatched, { baselineOnly: 0, candidateOnly: 0 });
  assert.ok(report.rows.every((r) => Math.abs(r.changePct) < 0.1 && r.verdict !== 'regressed'), JSON.stringify(report.rows.map((r) => [r.scenario, r.point, r.changePct])));
});

test.run();
