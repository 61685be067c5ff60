// --sweep flows on request/response: N sockperf clients (tcp_rr's default, percentiles pooled) or
// N netperf instances (--rr-tool netperf, and tcp_crr); the probe measures one connection: one line.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { resolveBenchOptions as resolve } from '../../../harness/cli/bench-options.ts';

const resolveBenchOptions = (flags: Record<string, unknown>) => resolve({ out: '/tmp/x', vm: 'never', ...flags } as Parameters<typeof resolve>[0]);

test('--sweep flows with tcp_rr: sockperf by default, netperf if asked; the probe refused in one line', () => {
  const flows = { workloads: 'tcp_rr,tcp_crr', sweep: ['flows=1,2'] };
  assert.is(resolveBenchOptions(flows).params.rrTool, 'sockperf');
  assert.is(resolveBenchOptions({ ...flows, rrTool: 'netperf' }).params.rrTool, 'netperf');
  assert.is(resolveBenchOptions({ ...flows, work: 'default' }).params.rrTool, 'netperf', 'fixed work: netperf counts transactions');
  assert.is(resolveBenchOptions({ workloads: 'tcp_rr' }).params.rrTool, 'sockperf', 'no flows: the default stays');
  for (const [flag, tool] of [['rrTool', 'probe'], ['crrTool', 'probe']] as const) {
    assert.throws(() => resolveBenchOptions({ ...flows, [flag]: tool }), (e: Error) => e.message.includes(`${tool} measures one connection`) && !e.message.includes('\n'));
  }
  assert.equal(resolveBenchOptions(flows).sweep, { flows: [1, 2] });
});

test.run();
