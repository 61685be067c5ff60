// compare --vary: what differs on purpose is accepted and named, everything else is still refused;
// the history seen per kernel build.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { compareSides } from '../../../harness/compare/compare.ts';
import { environmentDifferences, refuseIfIncomparable } from '../../../harness/compare/environment-check.ts';
import { normalizedCmdline } from '../../../harness/results/identity.ts';
import { renderComparisonMarkdown, renderComparisonText, underTestSummaries } from '../../../harness/compare/render.ts';
import { sideOfHistory, sideOfResults } from '../../../harness/compare/sides.ts';
import { DEFAULT_GATE } from '../../../harness/compare/verdict.ts';
import { kernelBuildOf, trendByKernelBuild } from '../../../harness/history/builds.ts';
import { toHistoryRecord } from '../../../harness/history/record.ts';
import type { Environment, ResultsFile } from '../../../harness/model/results.ts';
import { metricRun } from '../../helpers/synthetic-results.ts';

const onKernel = (run: ResultsFile, release: string, configSha256: string, more: Partial<Environment> = {}): ResultsFile => ({
  ...run,
  environment: { ...run.environment, where: 'vm-tcg', kernelRelease: release, kernelCmdline: 'console=ttyS0 nkb.job=.nkb-vm-x quiet',
    vm: { accel: 'tcg', bootMs: 1, note: '', cpus: 2, memoryMiB: 4096, kernel: { origin: 'user', release, image: '/k', configSha256 } }, ...more },
});
const base = onKernel(metricRun('aaaaaa', 'throughputGbps', { host: [10, 10.1, 9.9, 10, 10.05], netkit: [9.5, 9.6, 9.4, 9.5, 9.55] }), '6.13.0-rc1', 'a'.repeat(64));
const cand = onKernel(metricRun('bbbbbb', 'throughputGbps', { host: [10, 10.1, 9.9, 10, 10.05], netkit: [8.5, 8.6, 8.4, 8.5, 8.55] }), '6.13.0-rc2', 'b'.repeat(64));

test('two kernels: refused without --vary, with a hint; with --vary kernel, verdicts naming both builds', () => {
  const plain = compareSides(sideOfResults(base, 'a'), sideOfResults(cand, 'b'), DEFAULT_GATE);
  assert.throws(() => refuseIfIncomparable(plain.differences, false), /kernelRelease differs .* say so with --vary kernel/);
  const varied = compareSides(sideOfResults(base, 'a'), sideOfResults(cand, 'b'), DEFAULT_GATE, 'headline', undefined, ['kernel']);
  refuseIfIncomparable(varied.differences, false);
  assert.equal(varied.underTest, [{ dimension: 'kernel', baseline: '6.13.0-rc1 (config aaaaaaaaaaaa)', candidate: '6.13.0-rc2 (config bbbbbbbbbbbb)' }]);
  assert.is(varied.counts.regressed, 1);
  assert.match(renderComparisonText(varied), /^under test: kernel 6\.13\.0-rc1 \(config aaaaaaaaaaaa\) -> 6\.13\.0-rc2 \(config bbbbbbbbbbbb\)$/m);
  // What the kernel change did, in one line of the gated rows (the nightly's summary of a kernel bump).
  assert.equal(underTestSummaries(varied), ['kernel 6.13.0-rc1 → 6.13.0-rc2: host tcp_stream throughputGbps 0.0%, unchanged; netkit tcp_stream throughputGbps -10.5%, regressed']);
  assert.match(renderComparisonMarkdown(varied), /^- \*\*kernel 6\.13\.0-rc1 → 6\.13\.0-rc2\*\*: host tcp_stream throughputGbps 0\.0%, unchanged; netkit tcp_stream throughputGbps -10\.5%, regressed$/m);
});

test('--vary kernel: anything else that differs is still refused (BPF objects, command line, guest memory, CPU)', () => {
  const diff = (more: Partial<Environment>) => environmentDifferences(base.environment, { ...cand.environment, ...more }, ['host'], ['kernel']).filter((d) => d.blocking).map((d) => d.field);
  assert.equal(diff({}), []);
  assert.equal(diff({ bpfObjectsSha256: '0'.repeat(64) }), ['bpfObjectsSha256']);
  assert.equal(diff({ kernelCmdline: 'console=ttyS0 quiet mitigations=off' }), ['kernel command line']);
  assert.equal(diff({ vm: { ...cand.environment.vm!, memoryMiB: 2048 } }), ['vm.memoryMiB']);
  assert.equal(diff({ cpuModel: 'Other CPU' }), ['cpuModel']);
  // Without --vary, the BPF objects are a note (the usual comparison is about them), the kernel blocks.
  const plain = environmentDifferences(base.environment, { ...base.environment, bpfObjectsSha256: '0'.repeat(64) }, ['host']);
  assert.equal(plain.map((d) => [d.field, d.blocking]), [['bpfObjectsSha256', false]]);
  // The boot-specific words (the VM job, the image path) are not a difference.
  assert.is(normalizedCmdline('BOOT_IMAGE=/boot/vmlinuz-6.1 root=/dev/vda nkb.job=.x nkb.mode=run'), 'root=/dev/vda');
});

test('a kernel gate against the history: earlier builds are the baseline; the trend keeps each run per build', () => {
  const rc1b = { ...onKernel(metricRun('cccccc', 'throughputGbps', { host: [10], netkit: [9.7] }), '6.13.0-rc1', 'a'.repeat(64)), startedAt: '2026-01-02T00:00:00.000Z' };
  const records = [base, rc1b].map(toHistoryRecord);
  assert.throws(() => sideOfHistory(records, cand, 7, false, 'history'), /no run in the history shares/);
  const side = sideOfHistory(records, cand, 7, false, 'history', ['kernel']);
  assert.equal(side.side.runIds, ['aaaaaa', 'cccccc']);
  const trend = trendByKernelBuild([...records, toHistoryRecord(cand)]);
  assert.equal(trend.map((b) => [b.build, b.runIds]), [['6.13.0-rc1 config aaaaaaaaaaaa', ['aaaaaa', 'cccccc']], ['6.13.0-rc2 config bbbbbbbbbbbb', ['bbbbbb']]]);
  const netkit = trend[0]!.figures.find((f) => f.scenario === 'netkit')!;
  assert.equal(netkit.runMedians, [9.5, 9.7]);
  assert.is(netkit.median, 9.6);
  assert.is(kernelBuildOf({ ...base.environment, vm: undefined, kernelVersion: '#1 SMP' }), '6.13.0-rc1 #1 SMP');
});

test.run();
