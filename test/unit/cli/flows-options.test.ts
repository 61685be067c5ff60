// --sweep flows on request/response: N netperf instances, so tcp_rr's tool defaults to netperf
// (decided and recorded, as with --ip 6), and a tool that measures one connection is one line.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { resolveBenchOptions as resolve } from '../../../harness/cli/bench-options.ts';

const resolveBenchOptions = (flags: Record<string, unknown>) => resolve({ out: '/tmp/x', vm: 'never', ...flags } as Parameters<typeof resolve>[0]);

test('--sweep flows with tcp_rr: netperf by default; sockperf or probe refused in one line', () => {
  const flows = { workloads: 'tcp_rr,tcp_crr', sweep: ['flows=1,2'] };
  assert.is(resolveBenchOptions(flows).params.rrTool, 'netperf');
  assert.is(resolveBenchOptions({ workloads: 'tcp_rr' }).params.rrTool, 'sockperf', 'no flows: the default stays');
  assert.is(resolveBenchOptions({ workloads: 'tcp_stream', sweep: ['flows=2'] }).params.rrTool, 'sockperf', 'tcp_rr not swept on');
  for (const [flag, tool] of [['rrTool', 'sockperf'], ['rrTool', 'probe'], ['crrTool', 'probe']] as const) {
    assert.throws(() => resolveBenchOptions({ ...flows, [flag]: tool }), (e: Error) => e.message.includes(`${tool} measures one connection`) && !e.message.includes('\n'));
  }
  assert.equal(resolveBenchOptions(flows).sweep, { flows: [1, 2] });
});

test.run();
