// The instruction clock: qemu arguments, what results record, how every output labels it, and
// that compare refuses to mix clocks or shifts.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { resolveBenchOptions } from '../../../harness/cli/bench-options.ts';
import { renderTable } from '../../../harness/report/table.ts';
import { clockIdentity, resolveClock } from '../../../harness/clock/clock.ts';
import { clockFromEnv, clockToEnv, instructionClock } from '../../../harness/core/clock-env.ts';
import { clockedUnit } from '../../../harness/clock/labels.ts';
import { runDifferences, refuseIfIncomparable } from '../../../harness/compare/environment-check.ts';
import { UsageError } from '../../../harness/core/errors.ts';
import { reportMarkdown } from '../../../harness/report/export-md.ts';
import { runCharts } from '../../../harness/report/charts/index.ts';
import { resultsCsv } from '../../../harness/results/csv.ts';
import { RESULTS_SCHEMA, RESULTS_VERSION, type Environment, type Measurement, type ResultsFile } from '../../../harness/model/results.ts';
import { summarize } from '../../../harness/results/summary.ts';
import { buildQemuArgs } from '../../../harness/vm/boot/qemu-args.ts';

const env = (clock?: Environment['clock']): Environment => ({
  where: 'vm-tcg', kernelRelease: '6.12', cpuModel: 'QEMU', cpuCount: 2, nodeVersion: 'v20', tools: {}, gitRevision: 'x', bpfObjectsSha256: 'x', ...(clock ? { clock } : {}),
});

function results(clock?: Environment['clock']): ResultsFile {
  const ms: Measurement[] = [1, 2, 3].flatMap((repetition) => ['host', 'veth'].map((scenario) => ({
    scenario, workload: 'tcp_rr', point: { topology: 'cross-node' }, repetition, state: 'ok' as const, startedAt: '', elapsedS: 1, metrics: { transactionsPerS: scenario === 'host' ? 30000 + repetition : 22000 + repetition }, bpf: [],
  })));
  return {
    schema: RESULTS_SCHEMA, version: RESULTS_VERSION, runId: 'abc123', command: [], startedAt: '', finishedAt: '', complete: true,
    options: { scenarios: ['host', 'veth'], workloads: ['tcp_rr'], durationS: 1, repeats: 3, clientCpu: 0, serverCpu: 1 },
    environment: env(clock), skipped: [], measurements: ms, summary: summarize(ms, 'host'),
  };
}

test('auto: instructions under TCG, host time under KVM and natively; the env round-trips', () => {
  assert.equal(resolveClock('auto', 'tcg'), { kind: 'instructions', icountShift: 0, instructionsPerGuestS: 1e9 });
  assert.equal(resolveClock('auto', 'kvm'), { kind: 'host' });
  assert.equal(resolveClock('auto', 'native'), { kind: 'host' });
  assert.equal(resolveClock('host', 'tcg'), { kind: 'host' });
  assert.equal(clockFromEnv(clockToEnv(instructionClock(2))), instructionClock(2));
  assert.equal(clockFromEnv(undefined), { kind: 'host' });
});

test('qemu: single-threaded TCG with icount and sleep off for the instruction clock, multi-threaded otherwise', () => {
  const base = { name: 'x', accel: 'tcg' as const, cpus: 2, memoryMiB: 512, kernelPath: '/k', initrdPath: '/i', guestParams: [], shareDir: '/s', console: { file: '/c' } };
  const icount = buildQemuArgs({ ...base, clock: instructionClock(0) }).join(' ');
  assert.match(icount, '-accel tcg,thread=single -icount shift=0,sleep=off');
  assert.not.match(buildQemuArgs(base).join(' '), '-icount');
  assert.match(buildQemuArgs(base).join(' '), 'tcg,thread=multi');
  assert.not.match(buildQemuArgs({ ...base, accel: 'kvm', clock: instructionClock(0) }).join(' '), '-icount');
});

test('--clock: checked, and instructions cannot run natively', () => {
  assert.is(resolveBenchOptions({ out: 'r', vm: 'auto', clock: 'instructions' }).clock, 'instructions');
  assert.is(resolveBenchOptions({ out: 'r', vm: 'auto' }).clock, 'auto');
  assert.throws(() => resolveBenchOptions({ out: 'r', vm: 'auto', clock: 'cycles' }), (e: Error) => e instanceof UsageError && /--clock "cycles"/.test(e.message));
  assert.throws(() => resolveBenchOptions({ out: 'r', vm: 'never', clock: 'instructions' }), (e: Error) => e instanceof UsageError && /--vm never/.test(e.message));
});

test('units: rates per 1e9 guest instructions, times on the instruction clock, host clock unchanged', () => {
  const c = instructionClock(0);
  assert.is(clockedUnit('Gbit/s', c), 'Gbit per 1e9 guest instructions');
  assert.is(clockedUnit('1/s', c), 'per 1e9 guest instructions');
  assert.is(clockedUnit('µs', c), 'µs (instruction clock)');
  assert.is(clockedUnit('%', c), '%');
  assert.is(clockedUnit('Gbit/s', { kind: 'host' }), 'Gbit/s');
  assert.is(clockedUnit('1/s', instructionClock(1)), 'per 5.000e+8 guest instructions');
});

test('every output of an instruction-clock run says so: table, CSV, Markdown, charts', () => {
  const r = results(instructionClock(0));
  assert.match(renderTable(r), /per 1e9 guest instructions/);
  assert.match(renderTable(r), /not hardware speed/);
  const csv = resultsCsv(r);
  assert.match(csv, /,per 1e9 guest instructions,/);
  assert.match(csv, /,instructions \(icount shift=0\),4,[^,\n]*,[^,\n]*,[^,\n]*,[^,\n]*,cross-node\n/); // clock, ip_version, tool, then coverages, note and topology
  assert.match(reportMarkdown(r), /not hardware speed/);
  const charts = runCharts(r);
  assert.ok(charts.length > 0);
  for (const c of charts) assert.match(JSON.stringify(c.spec.title), /instruction clock/, c.id);
  // The host clock keeps its plain units.
  assert.not.match(renderTable(results()), /instruction/);
  assert.match(resultsCsv(results()), /,host time,4,[^,\n]*,[^,\n]*,[^,\n]*,[^,\n]*,cross-node\n/);
});

test('compare refuses to mix clocks or shifts, naming the field', () => {
  const refuse = (a: Environment, b: Environment) => () => refuseIfIncomparable(runDifferences({ options: {}, environment: a }, { options: {}, environment: b }, []), false);
  assert.throws(refuse(env(instructionClock(0)), env()), /clock differs \("instructions \(icount shift=0\)" vs "host time"\)/);
  assert.throws(refuse(env(instructionClock(0)), env(instructionClock(1))), /clock differs/);
  assert.not.throws(refuse(env(instructionClock(0)), env(instructionClock(0))));
  assert.is(clockIdentity({ kind: 'host' }), clockIdentity(undefined));
});

test.run();
