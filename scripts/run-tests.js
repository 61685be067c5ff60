#!/usr/bin/env node
// Runs every test file in its own uvu process, in two lanes side by side, and ends with one line
// `N passed, N failed` built from uvu's totals (.ci/run greps it; it is always the last line).
//   serial lane: files that touch machine state (namespaces, links, bpffs, the VM, or a snapshot
//     of them): test/integration and test/vm, one file at a time, their output streamed live;
//   parallel lane: files that do not (test/unit, test/report, and the integration files in
//     NO_MACHINE_STATE), one at a time beside the serial lane, each file's output printed whole
//     once it ends, so the two lanes' lines never interleave.
// Each file's seconds are printed after it, and the slowest files again at the end.
// Arguments: folders or files (default: test/unit test/integration test/report test/vm).
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const uvu = join(root, 'node_modules', 'uvu', 'bin.js');
const requested = process.argv.slice(2);
const targets = requested.length > 0 ? requested : ['test/unit', 'test/integration', 'test/report', 'test/vm'];

/** Folders whose files never touch machine state. */
const PARALLEL_FOLDERS = ['test/unit/', 'test/report/'];
/**
 * Integration files that start real processes but touch no machine state: the CLI on fixture
 * files (report, compare, history), scripts refused before any bench, ip refusing an option
 * before the kernel sees it, nsenter into namespaces that do not exist, owner records in a
 * temporary folder. A file that builds a namespace, boots the VM or snapshots the host stays out.
 */
const NO_MACHINE_STATE = [
  'test/integration/cli-errors.test.ts',
  'test/integration/command-reasons.test.ts',
  'test/integration/fuzz-cli.test.ts',
  'test/integration/gate-cases.test.ts',
  'test/integration/gate-power.test.ts',
  'test/integration/multi-stream-placement.test.ts',
  'test/integration/report-cli.test.ts',
  'test/integration/run-owner.test.ts',
  'test/integration/scripts.test.ts',
  'test/integration/vagrantfile.test.ts',
];
const parallelSafe = (file) => PARALLEL_FOLDERS.some((d) => file.startsWith(d)) || NO_MACHINE_STATE.includes(file);

function testFiles(target) {
  const abs = resolve(root, target);
  if (statSync(abs).isFile()) return [relative(root, abs)];
  return readdirSync(abs, { recursive: true }).map(String).filter((f) => f.endsWith('.test.ts')).sort().map((f) => relative(root, join(abs, f)));
}

const files = [...new Set(targets.flatMap(testFiles))];
/**
 * A whole parallel folder asked for (npm test asks for test/unit) runs as one process: each file's
 * own process costs a tsx start (~1.3 s of CPU, ~120 s over test/unit) taken from the serial lane
 * on two cores. Asked for file by file, each file runs alone.
 */
const wholeFolders = targets.map((t) => `${relative(root, resolve(root, t))}/`).filter((d) => PARALLEL_FOLDERS.includes(d));
const inWholeFolder = (file) => wholeFolders.some((d) => file.startsWith(d));
const strip = (text) => text.replace(/\x1b\[[0-9;]*m/g, '');
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// Output: the serial lane writes as it goes; a parallel file's block waits for a line boundary.
let atLineStart = true;
const pending = [];
function write(text) {
  if (text.length === 0) return;
  process.stdout.write(text);
  atLineStart = text.endsWith('\n');
}
function flushPending() {
  while (atLineStart && pending.length > 0) write(pending.shift());
}

function runFile(file, live) {
  return new Promise((resolvePromise) => {
    const started = Date.now();
    // A whole folder: uvu's own walk of it; a file: its folder and its name.
    const [dir, pattern] = file.endsWith('/') ? [file, '\\.test\\.ts$'] : [dirname(file), `^${escape(basename(file))}$`];
    const args = ['--import', 'tsx', uvu, dir, pattern];
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    const take = (chunk) => {
      const s = chunk.toString();
      text += s;
      if (live) {
        write(s);
        flushPending();
      }
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    if (live) write(`\n== ${file}\n`);
    child.on('close', (code) => {
      const seconds = (Date.now() - started) / 1000;
      const clean = strip(text);
      const total = (label) => {
        const m = new RegExp(`${label}:\\s+(\\d+)`).exec(clean);
        return m ? Number(m[1]) : undefined;
      };
      const [t, p, s] = [total('Total'), total('Passed'), total('Skipped') ?? 0];
      // A file that died before printing its totals (one that failed to import) counts as one failure.
      const failed = t === undefined || p === undefined ? 1 : Math.max(t - p - s, code === 0 ? 0 : 1);
      const result = { file, seconds, passed: p ?? 0, skipped: t === undefined ? 0 : s, failed };
      const line = `-- ${file}: ${seconds.toFixed(1)} s${failed ? `, ${failed} failed` : ''}\n`;
      if (live) write(`${atLineStart ? '' : '\n'}${line}`);
      else pending.push(`\n== ${file}\n${text}${text.endsWith('\n') ? '' : '\n'}${line}`);
      flushPending();
      resolvePromise(result);
    });
  });
}

async function lane(list, live) {
  const results = [];
  for (const file of list) results.push(await runFile(file, live));
  return results;
}

const started = Date.now();
const serial = files.filter((f) => !parallelSafe(f));
const parallel = [...wholeFolders, ...files.filter((f) => parallelSafe(f) && !inWholeFolder(f))];
const laneResults = await Promise.all([lane(serial, true), lane(parallel, false)]);
atLineStart = true;
flushPending();
const results = laneResults.flat();

const slowest = [...results].sort((a, b) => b.seconds - a.seconds).slice(0, 12);
const laneSeconds = laneResults.map((r) => r.reduce((sum, x) => sum + x.seconds, 0).toFixed(0));
write(`\nslowest files (serial lane ${laneSeconds[0]} s, parallel lane ${laneSeconds[1]} s, wall ${((Date.now() - started) / 1000).toFixed(0)} s):\n`);
for (const r of slowest) write(`${r.seconds.toFixed(1).padStart(8)} s  ${r.file}\n`);

const sum = (key) => results.reduce((n, r) => n + r[key], 0);
const [passed, failed, skipped] = [sum('passed'), sum('failed'), sum('skipped')];
write(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
process.exitCode = failed > 0 ? 1 : 0;
