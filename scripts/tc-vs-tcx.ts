// Prints classic tc's cost against tcx from an instruction-clock run that measured veth-tc and
// veth-bpf (harness/accounting/hook-cost.ts), e.g.:
//   node bin/netkit-bench.js bench --vm always --clock instructions --scenarios veth-tc,veth-bpf --workloads tcp_rr --repeats 6
//   node --import tsx scripts/tc-vs-tcx.ts results/<run-id>
import { hookCostDifference } from '../harness/accounting/hook-cost.ts';
import { loadResults } from '../harness/results/load.ts';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: tc-vs-tcx.ts <run-dir>');
  process.exit(2);
}
const d = hookCostDifference(await loadResults(dir), 'veth-tc', 'veth-bpf');
if (!d) {
  console.error(`${dir}: no instruction-clock tcp_rr pairs of veth-tc and veth-bpf with receive-path counts`);
  process.exit(1);
}
const f = (x: number) => x.toFixed(0);
console.log(JSON.stringify(d));
console.log(`veth-tc - veth-bpf, ${d.pairs} paired repetitions: ${f(d.differencePerTransaction)} instructions per transaction (range ${f(d.differenceMin)} to ${f(d.differenceMax)}),`
  + ` ${f(d.differencePerPacket)} per packet (${d.packetsPerTransaction.toFixed(2)} packets per transaction), resolution ${f(d.resolutionPerPacket)} per packet;`
  + ` ${d.resolved ? `every pair the same sign (sign test p = ${d.signTestP.toFixed(3)})` : 'pairs differ in sign: not resolved'}`);
