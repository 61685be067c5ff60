// A point a workload's tool refuses is planned as a skip with the tool's reason (bench/refusals.ts),
// never run: sockperf cannot send a message smaller than its 14-byte header. The dry run, the skip
// records and results.csv all say which workload at which point, and why.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { gridPoints } from '../../../harness/bench/axes.ts';
import { dryRunLines } from '../../../harness/bench/dry-run.ts';
import { refusalKey, refusalLine, refusalSkips, workloadRefusals } from '../../../harness/bench/refusals.ts';
import { resolveBenchOptions } from '../../../harness/cli/bench-options.ts';
import { resultsCsv } from '../../../harness/results/csv.ts';
import { tcpCrr, tcpRr, udpRr } from '../../../harness/workloads/rr.ts';
import { tcpStream } from '../../../harness/workloads/tcp-stream.ts';
import { answerMatrix } from '../../../harness/report/answer.ts';
import { answerLines } from '../../../harness/report/answer-text.ts';
import { metricRun, resultsFile } from '../../helpers/synthetic-results.ts';

const msg = (...values: number[]) => gridPoints(['cross-node'], { msg: values });

test('sockperf needs -m >= 14: udp_rr, and tcp_rr with sockperf, are refused below it; netperf, the probe and iperf3 take any size', () => {
  const refused = workloadRefusals([tcpStream, tcpRr, udpRr, tcpCrr], {}, msg(1, 13, 14, 1024));
  assert.equal(refused.map((r) => refusalKey(r.workload, r.point)), ['tcp_rr/topology=cross-node,msg=1', 'udp_rr/topology=cross-node,msg=1', 'tcp_rr/topology=cross-node,msg=13', 'udp_rr/topology=cross-node,msg=13']);
  assert.is(refused[1]!.reason, 'sockperf needs -m >= 14 (its header), not 1');
  assert.is(refusalLine(refused[1]!, ['msg']), 'udp_rr (msg 1): sockperf needs -m >= 14 (its header), not 1');
  assert.equal(workloadRefusals([tcpRr], { rrTool: 'netperf' }, msg(1)), []);
  assert.equal(workloadRefusals([tcpRr], { rrTool: 'probe' }, msg(1)), []);
  // Without a msg axis the size is --rr-size, which the command line already holds at 14 or more.
  assert.equal(workloadRefusals([tcpRr, udpRr], {}, gridPoints(['cross-node'], {})), []);
});

test('a refusal is a skip of that workload for each scenario measured on its topology, and results.csv names the workload', () => {
  const [r] = workloadRefusals([udpRr], {}, gridPoints(['cross-node', 'same-node'], { msg: [1] }));
  const skips = refusalSkips([r!], [{ name: 'host', topology: 'cross-node' }, { name: 'veth', topology: 'cross-node' }, { name: 'veth', topology: 'same-node' }]);
  assert.equal(skips.map((s) => [s.scenario, s.workload, s.point?.topology]), [['host', 'udp_rr', 'cross-node'], ['veth', 'udp_rr', 'cross-node']]);
  const csv = resultsCsv(resultsFile('r1', [], { skipped: skips }));
  assert.match(csv, /,host,udp_rr,,,0,.*skipped: sockperf needs -m >= 14/);
  // The answer says it once, naming the scenarios, not once per scenario.
  const m = answerMatrix(metricRun('r1', 'throughputGbps', { host: [20, 20, 20], veth: [15, 15, 15] }).summary, 'host', skips);
  assert.is(answerLines(m, [[]]).at(-1), 'skipped: host, veth udp_rr (msg 1: sockperf needs -m >= 14 (its header), not 1)');
});

test('--dry-run --sweep msg=1,1024 --workloads udp_rr says it skips udp_rr at msg 1, and why', () => {
  const opts = resolveBenchOptions({ out: '/tmp/x', vm: 'never', dryRun: true, sweep: ['msg=1,1024'], workloads: 'udp_rr', scenarios: 'host', topology: 'cross-node' });
  const lines = dryRunLines(opts, 'abcdef');
  assert.equal(lines.filter((l) => l.startsWith('# skipping')), ['# skipping udp_rr (msg 1): sockperf needs -m >= 14 (its header), not 1']);
});

test.run();
