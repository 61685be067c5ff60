// The report, compare and history commands through the real CLI: exit codes (0, 1 regressed,
// 2 bad input with one line naming it), and files written only when the input is good.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toHistoryRecord } from '../../harness/history/record.ts';
import { addToHistory } from '../../harness/history/store.ts';
import { writeResults } from '../../harness/results/write.ts';
import { cli } from '../helpers/cli.ts';
import { metricRun } from '../helpers/synthetic-results.ts';
import { removeTempDirs, tempDir } from '../helpers/temp.ts';

const INTERLEAVED = fileURLToPath(new URL('../fixtures/results/vm-interleaved-tax-outlier.json', import.meta.url));
const CURRENT = fileURLToPath(new URL('../fixtures/results/v1-host-veth-tcp-stream.json', import.meta.url));

async function runs() {
  const dir = await tempDir('report-cli');
  const put = async (name: string, veth: number[], kernel?: string) => {
    const r = metricRun(name, 'throughputGbps', { host: [20, 20.2, 19.9, 20.1, 20], veth });
    if (kernel) r.environment.kernelRelease = kernel;
    await writeResults(join(dir, name), r);
    return join(dir, name);
  };
  return {
    dir,
    base: await put('base00', [15, 15.1, 14.9, 15.2, 15]),
    same: await put('same00', [15.1, 15, 14.8, 15.2, 15.1]),
    slow: await put('slow00', [12, 12.1, 11.9, 12.2, 12]),
    other: await put('othr00', [15, 15.1, 14.9, 15.2, 15], '6.12.0-elsewhere'),
  };
}

function oneLine(r: { exitCode?: number; stderr: string }, pattern: RegExp) {
  assert.is(r.exitCode, 2, r.stderr);
  const lines = r.stderr.trim().split('\n');
  assert.is(lines.length, 1, r.stderr);
  assert.match(lines[0]!, pattern);
}

test.after(removeTempDirs);

test('compare --interleaved: a 1% cost is found though one repetition of five came out 3% low (captured instruction-clock run)', async () => {
  // A gate-power A/B run (bench --ab-inject-cost 5 --clock instructions --vm always --repeats 5):
  // host's third repetition is 3% low, host+tax is 1% below the other four.
  const dir = await tempDir('interleaved');
  await writeFile(join(dir, 'results.json'), await readFile(INTERLEAVED, 'utf8'));
  const r = await cli(['compare', dir, '--interleaved', 'host:host+tax', '--threshold', '0.5', '--metric', 'transactionsPerS']);
  assert.is(r.exitCode, 1, r.stdout + r.stderr);
  assert.match(r.stdout, 'trimmed (20%) paired t-test on log ratios');
  assert.match(r.stdout, /host\+tax\s+tcp_rr\s+transactionsPerS \*.*-1\.0% \[.*regressed/);
});

test('compare: 0 when unchanged, 1 when a scenario regressed; names the test it used', async () => {
  const { base, same, slow } = await runs();
  const ok = await cli(['compare', base, same]);
  assert.is(ok.exitCode, 0, ok.stderr);
  assert.match(ok.stdout, "Yuen's trimmed t-test (20%) on log values (repetitions of two runs)");
  assert.match(ok.stdout, 'adjusted by Holm (family-wise error) at alpha 0.05');
  const bad = await cli(['compare', base, slow, '--format', 'md']);
  assert.is(bad.exitCode, 1, bad.stderr);
  assert.match(bad.stdout, /\| veth \| tcp_stream \| throughputGbps \* \| higher \|.*\| -(19|20)\.\d% \[.*❌ regressed/);
});

test('compare: bad input is one line and exit 2', async () => {
  const { base, same, other, dir } = await runs();
  oneLine(await cli(['compare', base]), /takes a baseline and a candidate run, got 1/);
  oneLine(await cli(['compare', base, same, '--threshold', 'five']), /--threshold "five" must be a percentage/);
  oneLine(await cli(['compare', base, same, '--format', 'xml']), /--format: unknown value "xml"/);
  oneLine(await cli(['compare', base, same, '--metric', 'goodput']), /unknown metric "goodput"/);
  oneLine(await cli(['compare', base, other]), /refusing to compare runs from different environments: kernelRelease differs \("6.8.0-test" vs "6.12.0-elsewhere"\); if that is what is under test, say so with --vary kernel; use --force/);
  assert.is((await cli(['compare', base, other, '--force'])).exitCode, 0);
  const truncated = join(dir, 'truncated.json');
  await writeFile(truncated, (await readFile(CURRENT, 'utf8')).slice(0, 5000));
  oneLine(await cli(['compare', base, truncated]), /truncated.json" is not valid JSON/);
});

test('history add, then compare --against-history: the candidate is never its own baseline', async () => {
  const { base, same, slow, dir } = await runs();
  const history = join(dir, 'history');
  for (const run of [base, same, slow]) assert.is((await cli(['history', 'add', run, '--dir', history])).exitCode, 0);
  assert.is((await readdir(history)).length, 3);
  const list = await cli(['history', 'list', '--dir', history]);
  assert.is(list.stdout.trim().split('\n').length, 3);
  const byKernel = await cli(['history', 'list', '--by', 'kernel', '--dir', history]);
  assert.is(byKernel.exitCode, 0, byKernel.stderr);
  assert.match(byKernel.stdout, /^  veth tcp_stream throughputGbps 15 Gbit\/s {2}runs: 15, 15\.1, 12$/m);
  const r = await cli(['compare', slow, '--against-history', '2', '--history-dir', history, '--save', join(dir, 'c.json')]);
  assert.is(r.exitCode, 1, r.stdout + r.stderr);
  const saved = JSON.parse(await readFile(join(dir, 'c.json'), 'utf8'));
  assert.equal(saved.baseline.runIds, ['base00', 'same00']);
  oneLine(await cli(['compare', slow, '--against-history', '0', '--history-dir', history]), /--against-history "0" must be a positive integer/);
  // A mistyped history folder would otherwise pass the gate with every row inconclusive.
  oneLine(await cli(['compare', slow, '--against-history', '2', '--history-dir', join(dir, 'histroy')]), /no history folder ".*histroy" \(history add RUN --history-dir DIR creates one\)/);
});

test('history add refuses a run of another clock or place than the history (exit 2, one line); list and the trend never mix them', async () => {
  const { base, same, dir } = await runs();
  const history = join(dir, 'history');
  // A history written by an instruction-clock VM nightly.
  const vm = metricRun('vmtcg0', 'throughputGbps', { host: [2.3, 2.31, 2.3], veth: [2.2, 2.21, 2.2] });
  Object.assign(vm.environment, { where: 'vm-tcg', clock: { kind: 'instructions', icountShift: 0, instructionsPerGuestS: 1e9 } });
  vm.startedAt = '2026-01-05T00:00:00.000Z';
  await writeResults(join(dir, 'vmtcg0'), vm);
  assert.is((await cli(['history', 'add', join(dir, 'vmtcg0'), '--dir', history])).exitCode, 0);
  oneLine(await cli(['history', 'add', base, '--dir', history]), /history ".*history" holds runs on instructions \(icount shift=0\), vm-tcg \(latest vmtcg0\); run base00 is on host time, native: keep one history per clock and place/);
  const shifted = { ...structuredClone(vm), runId: 'shift3' };
  shifted.environment.clock = { kind: 'instructions', icountShift: 3, instructionsPerGuestS: 1.25e8 };
  await writeResults(join(dir, 'shift3'), shifted);
  oneLine(await cli(['history', 'add', join(dir, 'shift3'), '--dir', history]), /run shift3 is on instructions \(icount shift=3\), vm-tcg/);
  assert.is((await readdir(history)).length, 1);
  // A history from before the check, holding both: listed class by class; a report's trend takes its own class only.
  for (const run of [base, same]) await addToHistory(history, toHistoryRecord(JSON.parse(await readFile(join(run, 'results.json'), 'utf8'))));
  const list = await cli(['history', 'list', '--dir', history]);
  assert.is(list.exitCode, 0, list.stderr);
  assert.match(list.stdout, /^runs on host time, native \(2\):\n.*base00.*\n.*same00.*\nruns on instructions \(icount shift=0\), vm-tcg \(1\):\n.*vmtcg0.*$/m);
  const report = await cli(['report', same, '--history', history, '--format', 'svg']);
  assert.is(report.exitCode, 0, report.stderr);
  // With the newer instruction-clock run among its points, the trend's axis would read in guest instructions.
  assert.not.match(await readFile(join(same, 'report', 'trend-throughputGbps.svg'), 'utf8'), /guest instructions/);
});

test('report: every format from a real results file; a bad format creates nothing', async () => {
  const dir = await tempDir('report-cli');
  await writeFile(join(dir, 'results.json'), await readFile(CURRENT));
  oneLine(await cli(['report', dir, '--format', 'svg,pdf']), /--format: unknown value "pdf"/);
  assert.equal(await readdir(dir), ['results.json']);
  const r = await cli(['report', dir]);
  assert.is(r.exitCode, 0, r.stderr);
  const files = await readdir(join(dir, 'report'));
  for (const f of ['throughput.svg', 'throughput.png', 'ratio-to-host.svg', 'report.html', 'summary.md']) assert.ok(files.includes(f), `${f} in ${files}`);
  const png = await readFile(join(dir, 'report', 'throughput.png'));
  assert.equal([...png.subarray(1, 4)], [...Buffer.from('PNG')]);
});

test.run();
