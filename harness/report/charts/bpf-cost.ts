// What each BPF program costs per run (one run per skb; a GSO skb carries several packets), from
// the kernel's own run statistics: the summary's bpfNsPerPacket:<program> rows.
import type { TopLevelSpec } from 'vega-lite';
import type { ResultsFile } from '../../model/results.ts';
import { barData, bpfProgramOf, isBpfMetric, summaryRows, workloadOrder } from '../chart-data.ts';
import { scenarioEncodings } from '../scenario-colors.ts';
import { wrappedFacet } from './facet.ts';
import type { Chart } from './types.ts';
import { barsWithWhiskers } from './layers.ts';

export function bpfCostChart(results: ResultsFile): Chart | undefined {
  const { data, note } = barData(summaryRows(results, isBpfMetric));
  if (data.length === 0) return undefined;
  const values = data.map((d) => ({ ...d, program: bpfProgramOf(d.metric) }));
  const enc = scenarioEncodings(values.map((d) => d.scenario));
  const x = { field: 'program', type: 'nominal' as const, title: 'program', sort: [...new Set(values.map((v) => v.program))].sort(), axis: { labelAngle: -30 } };
  const width = Math.max(160, 28 * new Set(values.map((v) => `${v.program}/${v.scenario}`)).size);
  const panels = workloadOrder(results).filter((w) => values.some((v) => v.workload === w));
  const spec: TopLevelSpec = {
    title: { text: 'BPF cost per packet (program body only)', subtitle: `run time / run count of each attached program, from an untimed pass with run statistics on; ${note}; lower is better` },
    data: { values },
    ...wrappedFacet('workload', panels, width),
    spec: {
      width,
      height: 200,
      layer: [
        ...barsWithWhiskers({ x, xOffset: enc.xOffset, color: enc.color }, 'value', 'ns per packet'),
      ],
    },
  };
  return { id: 'bpf-ns-per-packet', title: 'BPF cost per packet', caption: 'Nanoseconds each attached BPF program spends per run, by program, scenario and workload: the program body only (the redirect helpers\' route and neighbour work happens after the program returns), measured in a short pass with run statistics on, never inside a timed measurement.', spec };
}
