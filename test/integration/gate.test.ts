// The regression gate on real runs, by mechanism (never a wall-clock threshold): a run carrying the
// injected BPF tax is a different measurement, so compare refuses it unless --force and then names
// the difference; the tax program demonstrably ran on every taxed packet path; a run against itself
// is an exact zero change with p = 1, exit 0.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { cli } from '../helpers/cli.ts';
import { removeTempDirs, tempDir } from '../helpers/temp.ts';

test.after(removeTempDirs);

async function benchRun(extra: string[] = []): Promise<string> {
  const out = await tempDir('gate');
  const r = await cli(['bench', '--vm', 'never', '--scenarios', 'host', '--workloads', 'tcp_stream', '--repeats', '3', '--duration', '1', '--no-report', '--allow-invalid', '--out', out, ...extra]);
  assert.is(r.exitCode, 0, String(r.stderr));
  const [runId] = await readdir(out);
  return join(out, runId!);
}

test('an injected cost is refused as unlike without --force, compared with it; a run against itself is unchanged', async () => {
  const baseline = await benchRun();
  const taxed = await benchRun(['--inject-cost', '500']);
  const results = JSON.parse(await readFile(join(taxed, 'results.json'), 'utf8')) as { measurements: { state: string; bpf: { name: string; runCnt: number }[] }[] };
  const ok = results.measurements.filter((m) => m.state === 'ok');
  assert.ok(ok.length > 0 && ok.every((m) => m.bpf.some((p) => p.name === 'server-wire-tax' && p.runCnt > 0)), 'the tax ran in every ok measurement');

  const refused = await cli(['compare', baseline, taxed]);
  assert.is(refused.exitCode, 2);
  assert.match(String(refused.stderr), /options\.injectCost differs \("0" vs "500"\); use --force/);

  const ab = await cli(['compare', baseline, taxed, '--metric', 'throughputGbps', '--force', '--format', 'json']);
  assert.ok(ab.exitCode === 0 || ab.exitCode === 1, String(ab.stderr));
  const report = JSON.parse(String(ab.stdout)) as { test: { design: string; familySize: number }; differences: { field: string; blocking: boolean }[]; rows: { gated: boolean; test: { low: number; high: number } }[] };
  assert.is(report.test.design, 'independent');
  assert.ok(report.differences.some((d) => d.field === 'options.injectCost' && d.blocking));
  assert.ok(report.rows.length === 1 && report.rows[0]!.gated && report.test.familySize === 1);

  // The same repetitions on both sides: a change of exactly 0 and p = 1, whatever the noise was
  // (unchanged or inconclusive depends on how noisy the machine was, so neither is asserted).
  const aa = await cli(['compare', baseline, baseline, '--metric', 'throughputGbps', '--format', 'json']);
  assert.is(aa.exitCode, 0, `${aa.stdout}\n${aa.stderr}`);
  const same = (JSON.parse(String(aa.stdout)) as { rows: { pValue: number; verdict: string; test: { estimate: number } }[] }).rows[0]!;
  assert.equal([same.test.estimate, same.pValue], [0, 1]);
  assert.is.not(same.verdict, 'regressed');
});

test.run();
