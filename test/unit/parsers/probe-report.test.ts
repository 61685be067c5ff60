import { readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseProbeReport } from '../../../harness/parsers/probe-report.ts';
import { parseProcStat } from '../../../harness/parsers/proc-stat.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8');

test('a crr report from a real run: counts, samples, /proc/stat at both edges', () => {
  const r = parseProbeReport(fixture('probe-crr.json'));
  assert.ok(r.ok);
  if (!r.ok) return;
  assert.is(r.value.mode, 'crr');
  assert.is(r.value.transactions, 3925);
  assert.is(r.value.samplesUs.length, 3925);
  assert.ok(Math.abs(r.value.elapsedS - 2.01720183) < 1e-9);
  assert.ok(parseProcStat(r.value.procStat.before).ok && parseProcStat(r.value.procStat.after).ok);
});

test('an rr report', () => {
  const r = parseProbeReport(fixture('probe-rr.json'));
  assert.ok(r.ok);
  if (r.ok) assert.equal([r.value.mode, r.value.transactions], ['rr', 5392]);
});

test('the probe failing, or printing nothing useful', () => {
  assert.equal(parseProbeReport(fixture('probe-refused.json')), { ok: false, reason: 'probe: connect ECONNREFUSED 198.18.0.2:7009' });
  assert.match((parseProbeReport('') as { reason: string }).reason, /not JSON/);
  assert.match((parseProbeReport('{"ok":true}') as { reason: string }).reason, /unexpected shape/);
  const empty = JSON.stringify({ ok: true, mode: 'rr', transactions: 0, elapsedS: 1, samplesUs: [], procStat: { before: '', after: '' } });
  assert.equal(parseProbeReport(empty), { ok: false, reason: 'probe completed no transaction' });
});

test.run();
