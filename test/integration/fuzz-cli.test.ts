// Fuzz-style: random bad values for every bench option, and truncated or random results files fed
// to report, compare and history: always one line, exit 2, nothing created.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { seededRandom } from '../helpers/random.ts';
import { cli } from '../helpers/cli.ts';
import { leftovers } from '../helpers/host-state.ts';
import { newRunId } from '../../harness/core/naming.ts';
import { removeTempDirs, tempDir } from '../helpers/temp.ts';

const rnd = seededRandom(7);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
const garbage = () => pick(['', '-1', '0', 'NaN', '1e999', '2.5', 'abc', 'host,,nope', '%s%s', '../../etc', '"; rm -rf /', '\u00ff\u00fe']);
const OPTIONS = ['--scenarios', '--workloads', '--duration', '--repeats', '--vm', '--streams', '--rr-size', '--crr-size', '--udp-size', '--udp-rate', '--max-loss-pct', '--run-id', '--inject-cost'];

// A bench carries a run id of its own ahead of the fuzzed option (which, when it is --run-id,
// replaces it), and only that run's names (nkb-<id>...) are looked for: other runs live on the
// machine meanwhile never fail it. report, compare and history build nothing to name.
async function expectExit2(args: string[], out: string) {
  const runId = newRunId();
  const r = await cli(args[0] === 'bench' ? ['bench', '--run-id', runId, ...args.slice(1)] : args);
  assert.is(r.exitCode, 2, `${JSON.stringify(args)} -> ${r.exitCode}: ${r.stderr}`);
  assert.is(String(r.stderr).trim().split('\n').length, 1, `one line for ${JSON.stringify(args)}:\n${r.stderr}`);
  assert.not.match(String(r.stderr), /\n\s+at /, 'no stack trace');
  assert.equal(await readdir(out), [], 'nothing written');
  assert.equal(await leftovers(runId), []);
}

test.after(removeTempDirs);

test('bench: a random bad value for a random option', async () => {
  for (let i = 0; i < 12; i++) {
    const out = await tempDir('fuzz');
    const option = pick(OPTIONS);
    let value = garbage();
    // A few garbage strings happen to be valid for a few options; skip those combinations.
    if ((option === '--udp-rate' && /^\d/.test(value)) || (['--max-loss-pct'].includes(option) && value === '0')) value = 'abc';
    await expectExit2(['bench', option, value, '--out', out], out);
  }
});

test('report, compare, history add: truncated and random results files', async () => {
  const real = await readFile(new URL('../fixtures/results/v1-host-veth-tcp-stream.json', import.meta.url), 'utf8');
  for (let i = 0; i < 6; i++) {
    const dir = await tempDir('fuzz');
    const runDir = join(dir, 'run');
    const { mkdir } = await import('node:fs/promises');
    await mkdir(runDir);
    const text = i % 2 === 0 ? real.slice(0, Math.floor(rnd() * real.length)) : Buffer.from(Array.from({ length: 64 }, () => Math.floor(rnd() * 256))).toString('latin1');
    await writeFile(join(runDir, 'results.json'), text);
    const empty = await tempDir('fuzz-out');
    const command = pick([
      ['report', runDir, '--out', join(empty, 'r')],
      ['compare', runDir, runDir],
      ['history', 'add', runDir, '--dir', join(empty, 'h')],
    ]);
    await expectExit2(command, empty);
  }
});

test.run();
