// The nightly and gate-power scripts: valid bash, and bad arguments refused before any bench runs.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { execa } from 'execa';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../harness/core/paths.ts';

const SCRIPTS = ['scripts/nightly.sh', 'scripts/gate-power.sh', 'scripts/gate-shift.sh'];

test('the scripts parse (bash -n)', async () => {
  for (const s of SCRIPTS) {
    const r = await execa('bash', ['-n', s], { cwd: PROJECT_ROOT, reject: false });
    assert.is(r.exitCode, 0, `${s}: ${r.stderr}`);
  }
});

test('the nightly measures on the instruction clock unless told otherwise, in the script and in the workflow', async () => {
  const script = await readFile(join(PROJECT_ROOT, 'scripts/nightly.sh'), 'utf8');
  assert.match(script, /^CLOCK=\$\{NKB_CLOCK:-instructions\}$/m);
  assert.match(script, /^ {4}clock_args=\(--vm always --clock instructions\)$/m);
  const workflow = await readFile(join(PROJECT_ROOT, '.github/workflows/nightly.yml'), 'utf8');
  assert.match(workflow, /^ {6}NKB_CLOCK: \$\{\{ inputs\.clock \|\| 'instructions' \}\}$/m);
  assert.match(workflow, /^ {6}NKB_BENCH_ARGS: \$\{\{ inputs\.bench_args \|\| '' \}\}$/m);
  const bad = await execa('bash', ['scripts/nightly.sh'], { cwd: PROJECT_ROOT, reject: false, env: { NKB_CLOCK: 'cycles' } });
  assert.is(bad.exitCode, 2);
  assert.is(bad.stderr.trim(), 'nightly: NKB_CLOCK "cycles" must be instructions or host');
});

test('gate-power refuses a bad pair count or cost with exit 2 and one line', async () => {
  for (const [args, message] of [[['-k', 'x'], '-k "x" must be a positive integer'], [['-c', '0'], '-c "0" must be a positive integer']] as const) {
    const r = await execa('bash', ['scripts/gate-power.sh', ...args], { cwd: PROJECT_ROOT, reject: false });
    assert.is(r.exitCode, 2);
    assert.is(r.stderr.trim(), `gate-power: ${message}`);
  }
});

test('gate-shift: on a captured A/A instruction-clock run, a 1% shift is detected and 0.3% is not (threshold 0.5%)', async () => {
  const out = await mkdtemp(join(tmpdir(), 'nkb-gate-shift-'));
  try {
    const r = await execa('bash', ['scripts/gate-shift.sh', '-s', '0.3,1', '-t', '0.5', '-o', out, 'test/fixtures/gate-power-aa'], { cwd: PROJECT_ROOT, reject: false });
    assert.is(r.exitCode, 0, r.stderr);
    assert.equal(r.stdout.trim().split('\n'), ['shift 0.3%: detected 0 of 1; A/A false alarms 0 of 1', 'shift 1%: detected 1 of 1; A/A false alarms 0 of 1']);
    const bad = await execa('bash', ['scripts/gate-shift.sh', '-s', 'x', 'test/fixtures/gate-power-aa'], { cwd: PROJECT_ROOT, reject: false });
    assert.is(bad.exitCode, 2);
    assert.is(bad.stderr.trim(), 'gate-shift: -s "x" must be one or more percentages, comma-separated (e.g. 2,5,10)');
  } finally {
    await rm(out, { recursive: true, force: true });
  }
});

test.run();
