// The Markdown summary for a CI job summary or a PR comment: first the answer (answer-md.ts), then
// per workload one row per scenario and one column per metric, each cell the median with its ratio
// to host (and its interval with that interval's real coverage when the run recorded one,
// harness/results/interval-label.ts). Charts are not embedded: job summaries and comments cannot show local files.
import { join } from 'node:path';
import { BASELINE } from '../../scenarios/index.ts';
import { metricInfo, metricOrder } from '../core/metrics.ts';
import { clockedUnit, clockNote } from '../clock/labels.ts';
import type { ResultsFile, SummaryRow } from '../model/results.ts';
import { coverageLabel, INTERVAL_NOTE, TOO_FEW_NOTE } from '../results/interval-label.ts';
import { toolsOf } from '../results/tools.ts';
import { writeFileAtomic } from '../results/write.ts';
import { isBpfMetric, workloadOrder } from './chart-data.ts';
import { fmtNumber, markdownTable } from '../core/format.ts';
import { commandLine } from './html-escape.ts';
import { scenarioOrder } from './scenario-colors.ts';
import { answerMatrix } from './answer.ts';
import { answerMarkdown } from './answer-md.ts';
import { runClaims } from './claims.ts';
import { sweepTables } from './sweep-md.ts';

function cell(r: SummaryRow | undefined): string {
  if (r?.tooFewSamples) return 'too few samples';
  if (!r || !Number.isFinite(r.value)) return '-';
  const ci = typeof r.ciLow === 'number' && typeof r.ciHigh === 'number' ? ` [${fmtNumber(r.ciLow)}–${fmtNumber(r.ciHigh)}, ${coverageLabel(r.ciCoverage)}]` : '';
  const ratio = r.ratioToHost !== null && r.scenario !== BASELINE ? ` (×${fmtNumber(r.ratioToHost)})` : '';
  return `${fmtNumber(r.value)}${ci}${ratio}${r.state === 'ok' ? '' : ` ⚠️ ${r.state}`}`;
}

export function reportMarkdown(results: ResultsFile): string {
  const env = results.environment;
  // The headline metrics only (metrics.ts): a PR comment is read, not searched; the HTML has every row.
  const rows = results.summary.filter((r) => metricInfo(r.metric).headline && !isBpfMetric(r.metric));
  const out = [
    `## netkit-bench run \`${results.runId}\``, '',
    `${env.where} · IPv${results.options.workloadParams?.ipVersion ?? 4} · kernel ${env.kernelRelease} · ${env.cpuModel} × ${env.cpuCount}${env.memoryMiB ? ` · ${env.memoryMiB} MiB` : ''} · git ${env.gitRevision}${results.complete ? '' : ' · **incomplete (interrupted)**'}`, '',
    ...(env.kernelCmdline ? [`kernel command line: \`${env.kernelCmdline}\``, ''] : []),
    ...(clockNote(env.clock) ? [`**${clockNote(env.clock)}.**`, ''] : []),
  ];
  const matrix = answerMatrix(results.summary, BASELINE, results.skipped);
  const { claims, note } = runClaims(matrix, results.shard);
  out.push(...answerMarkdown(matrix, claims), ...(note ? [note, ''] : []));
  out.push(...sweepTables(results));
  for (const workload of workloadOrder(results)) {
    const inWorkload = rows.filter((r) => r.workload === workload && r.metric !== '-');
    const metrics = [...new Set(inWorkload.map((r) => r.metric))].sort((a, b) => metricOrder(a) - metricOrder(b));
    if (metrics.length === 0) continue;
    const header = ['scenario', ...metrics.map((m) => `${m}${metricInfo(m).unit && metricInfo(m).unit !== 'count' ? ` (${clockedUnit(metricInfo(m).unit, env.clock)})` : ''} ${metricInfo(m).better === 'higher' ? '↑' : '↓'}`)];
    const body = scenarioOrder(inWorkload.map((r) => r.scenario)).map((s) => [s, ...metrics.map((m) => cell(inWorkload.find((r) => r.scenario === s && r.metric === m)))]);
    const tools = toolsOf(results, workload);
    out.push(`### ${workload}${tools.length ? ` · ${tools.join(' / ')}` : ''}`, '', markdownTable(header, body, ['l', ...metrics.map(() => 'r' as const)]), '');
  }
  out.push(`Headline metrics; the value is the median over repetitions (latency percentiles: all requests pooled); [a–b, c%] its ${INTERVAL_NOTE.replace('interval (coverage): ', '')}; (×r) the ratio to ${BASELINE}; ↑/↓ which way is better.`, '');
  if (rows.some((r) => r.tooFewSamples)) out.push(`${TOO_FEW_NOTE}.`, '');
  for (const s of results.skipped) out.push(`- skipped **${s.scenario}**${s.workload ? ` ${s.workload}` : ''}: ${s.reason}`);
  if (results.skipped.length) out.push('');
  out.push('```', commandLine(results.command), '```', '');
  return out.join('\n');
}

export async function exportMarkdown(results: ResultsFile, outDir: string): Promise<string> {
  const path = join(outDir, 'summary.md');
  await writeFileAtomic(path, reportMarkdown(results));
  return path;
}
