// The nightly and gate-power scripts: valid bash, and bad arguments refused before any bench runs.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { execa } from 'execa';
import { PROJECT_ROOT } from '../../harness/paths.ts';

const SCRIPTS = ['scripts/nightly.sh', 'scripts/gate-power.sh'];

test('both scripts parse (bash -n)', async () => {
  for (const s of SCRIPTS) {
    const r = await execa('bash', ['-n', s], { cwd: PROJECT_ROOT, reject: false });
    assert.is(r.exitCode, 0, `${s}: ${r.stderr}`);
  }
});

test('gate-power refuses a bad pair count or cost with exit 2 and one line', async () => {
  for (const [args, message] of [[['-k', 'x'], '-k "x" must be a positive integer'], [['-c', '0'], '-c "0" must be a positive integer']] as const) {
    const r = await execa('bash', ['scripts/gate-power.sh', ...args], { cwd: PROJECT_ROOT, reject: false });
    assert.is(r.exitCode, 2);
    assert.is(r.stderr.trim(), `gate-power: ${message}`);
  }
});

test.run();
