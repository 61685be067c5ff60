#!/usr/bin/env node
// Runs the uvu suites (unit, then integration on the real kernel, then the kernel VM) each in its
// own process, streams their output, and ends with one line `N passed, N failed` built from uvu's
// totals, which uvu itself does not print in that form.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const uvu = join(root, 'node_modules', 'uvu', 'bin.js');
const requested = process.argv.slice(2);
const suites = requested.length > 0 ? requested : ['test/unit', 'test/integration', 'test/report', 'test/vm'];

function runSuite(dir) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', uvu, dir, '\\.test\\.ts$'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let text = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      text += chunk.toString();
    });
    child.on('close', (code) => resolve({ code: code ?? 1, text: text.replace(/\x1b\[[0-9;]*m/g, '') }));
  });
}

function total(text, label) {
  const m = new RegExp(`${label}:\\s+(\\d+)`).exec(text);
  return m ? Number(m[1]) : undefined;
}

let passed = 0;
let failed = 0;
let skipped = 0;
for (const dir of suites) {
  process.stdout.write(`\n== ${dir}\n`);
  const { code, text } = await runSuite(dir);
  const t = total(text, 'Total');
  const p = total(text, 'Passed');
  const s = total(text, 'Skipped') ?? 0;
  if (t === undefined || p === undefined) {
    // uvu died before printing totals (a file that failed to import): count the suite as failed.
    failed += 1;
    continue;
  }
  passed += p;
  skipped += s;
  failed += Math.max(t - p - s, code === 0 ? 0 : 1);
}
process.stdout.write(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
process.exitCode = failed > 0 ? 1 : 0;
