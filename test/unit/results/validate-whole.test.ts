// Results and history files are validated whole (results/validate.ts, schema-*.ts; history/record.ts):
// a wrong value deep inside a part no reader touched before (a CPU share, a device's MTU, the
// guest's kernel, a placement) is refused with its path, and every old file still loads.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseResultsText } from '../../../harness/results/load.ts';
import { parseHistoryRecord, toHistoryRecord } from '../../../harness/history/record.ts';

const text = readFileSync(fileURLToPath(new URL('../../fixtures/results/v1-host-veth-tcp-stream.json', import.meta.url)), 'utf8');
const fresh = () => JSON.parse(text);

function refused(edit: (r: any) => void, path: RegExp) {
  const r = fresh();
  edit(r);
  assert.throws(() => parseResultsText(JSON.stringify(r), 'r.json'), (e: Error) => e.name === 'UsageError' && path.test(e.message) && !e.message.includes('\n'), path.source);
}

test('a wrong value anywhere in the file is refused with its path', () => {
  refused((r) => (r.measurements[0].cpu.perCpu[0].busyPct = 'high'), /malformed at measurements\[0\]\.cpu\.perCpu\[0\]\.busyPct/);
  refused((r) => (r.measurements[0].commands = 'iperf3 -c'), /measurements\[0\]\.commands/);
  refused((r) => (r.options.workloadParams.streams = '4'), /options\.workloadParams\.streams/);
  refused((r) => (r.options.placement = { client: [1], server: [0], harness: [], allowed: [0, 1], source: 'guess', notes: [] }), /options\.placement\.source/);
  refused((r) => (r.environment.applied = { host: { namespaces: { node0: { sysctls: {}, devices: { lo: { kind: 'loopback', mtu: '65536', features: {} } } } }, mismatches: [] } }),
    /environment\.applied\.host\.namespaces\.node0\.devices\.lo\.mtu/);
  refused((r) => (r.environment.vm = { accel: 'tcg', bootMs: 1, note: '', kernel: { origin: 'debian', release: '6.12', image: '/x' } }), /environment\.vm\.kernel\.origin/);
  refused((r) => (r.summary[0].tool = 7), /summary\[0\]\.tool/);
});

test('what the file does not declare passes through; what older files lack is filled or left absent', () => {
  const r = fresh();
  r.environment.newerField = { a: 1 };
  delete r.options.workloadParams.rrTool;
  const loaded = parseResultsText(JSON.stringify(r), 'r.json');
  assert.equal(Object.entries(loaded.environment).find(([k]) => k === 'newerField')?.[1], { a: 1 });
  assert.is(loaded.options.workloadParams?.rrTool, undefined);
  assert.is(loaded.version, 2, 'read as the current version');
  assert.equal(loaded.measurements[0]!.point, { topology: 'cross-node' });
});

test('a history record is validated whole too: a bad environment field is refused', () => {
  const record = JSON.parse(JSON.stringify(toHistoryRecord(parseResultsText(text, 'r.json'))));
  assert.ok(parseHistoryRecord(record).ok);
  record.environment.cpuCount = 'two';
  const parsed = parseHistoryRecord(record);
  assert.ok(!parsed.ok && parsed.problem.startsWith('environment.cpuCount:'), JSON.stringify(parsed));
});

test.run();
