// The parts of the HTML report other than the charts: summary table, environment and command.
import { clockIdentity } from '../clock/clock.ts';
import { clockedUnit, clockNote } from '../clock/labels.ts';
import type { ResultsFile, SummaryRow } from '../model/results.ts';
import { INTERVAL_NOTE, intervalText, TOO_FEW_NOTE } from '../results/interval-label.ts';
import { toolsOf } from '../results/tools.ts';
import { workloadOrder } from './chart-data.ts';
import { fmtNumber } from '../core/format.ts';
import { commandLine, escapeHtml as h, swatchClass } from './html-escape.ts';
import { scenarioOrder } from './scenario-colors.ts';

const num = (x: number | null | undefined) => h(fmtNumber(x));
const covered = (lo: number | null, hi: number | null, c: number | null | undefined) => h(intervalText(lo, hi, c, (x) => fmtNumber(x), ' – '));
const range = (lo: number | null | undefined, hi: number | null | undefined) => (lo == null || hi == null ? '-' : `${num(lo)} – ${num(hi)}`);

/** Grouped by workload and metric, scenarios in registry order inside: the rows to compare sit together. */
export function orderedSummary(results: ResultsFile): SummaryRow[] {
  const scenarios = scenarioOrder(results.summary.map((r) => r.scenario));
  const workloads = workloadOrder(results);
  const metrics = [...new Set(results.summary.map((r) => r.metric))];
  const rank = (r: SummaryRow) => (workloads.indexOf(r.workload) * 1000 + metrics.indexOf(r.metric)) * 100 + scenarios.indexOf(r.scenario);
  return [...results.summary].sort((a, b) => rank(a) - rank(b));
}

export function summaryTableHtml(results: ResultsFile): string {
  const head = ['scenario', 'workload', 'metric', 'n', 'value', 'interval (coverage)', 'min – max', 'cv %', 'ratio to host', 'ratio interval (coverage)', 'tool', 'state'];
  const body = orderedSummary(results).map((r) => [
    `<td><span class="swatch ${swatchClass(r.scenario)}"></span>${h(r.scenario)}</td>`, `<td>${h(r.workload)}</td>`, `<td>${h(r.metric)}</td>`,
    `<td class="n">${r.n}/${r.attempted}</td>`,
    r.tooFewSamples ? `<td class="n" title="${h(r.tooFewSamples)}">too few samples</td>` : `<td class="n">${num(r.value)} ${h(r.unit === 'count' ? '' : clockedUnit(r.unit, results.environment.clock))}${r.estimator === 'pooled' ? '*' : ''}</td>`,
    `<td class="n" title="${h(r.noInterval ?? '')}">${covered(r.ciLow, r.ciHigh, r.ciCoverage)}</td>`, `<td class="n">${range(r.min, r.max)}</td>`, `<td class="n">${num(r.cvPct)}</td>`,
    `<td class="n">${num(r.ratioToHost)}</td>`, `<td class="n">${covered(r.ratioCiLow, r.ratioCiHigh, r.ratioCiCoverage)}</td>`, `<td>${h(r.tool ?? (toolsOf(results, r.workload, r.scenario).join(' + ') || '-'))}</td>`,
    `<td class="state-${h(r.state)}" title="${h(r.reasons.join('; '))}">${h(r.state)}</td>`,
  ].join(''));
  const skipped = results.skipped.map((s) => `<tr><td>${h(s.scenario)}</td><td>${h(s.workload ?? '')}</td><td colspan="${head.length - 3}">skipped: ${h(s.reason)}</td><td>skipped</td></tr>`);
  return [
    `<table class="summary"><thead><tr>${head.map((x) => `<th>${h(x)}</th>`).join('')}</tr></thead>`,
    `<tbody>${[...body.map((b) => `<tr>${b}</tr>`), ...skipped].join('')}</tbody></table>`,
    '<p class="note">value: median over the valid repetitions; * the percentile of every request of the valid repetitions pooled. n: valid/attempted repetitions.</p>',
    `<p class="note">${h(INTERVAL_NOTE)}.${results.summary.some((r) => r.tooFewSamples) ? ` ${h(TOO_FEW_NOTE)}.` : ''}</p>`,
  ].join('\n');
}

/** What the host set up for a VM run (harness/vm/boot/guest-settings.ts); nothing for native runs and older files. */
function guestFacts(env: ResultsFile['environment']): [string, string][] {
  const vm = env.vm;
  if (!vm?.kernel) return [];
  return [
    ['guest kernel', `${vm.kernel.origin === 'user' ? 'built by the user' : vm.kernel.package ?? 'package'}: ${vm.kernel.image}${vm.kernel.configSha256 ? `, config sha256 ${vm.kernel.configSha256}` : ''}`],
    ['guest machine', `${vm.cpus} vCPUs, ${vm.memoryMiB} MiB, mitigations ${vm.mitigations}${vm.userCmdline?.length ? `, user's parameters: ${vm.userCmdline.join(' ')}` : ''}`],
    ['vCPU placement', vm.vcpuPinning?.map((p) => `vCPU ${p.vcpu} -> CPU ${p.hostCpu}`).join(', ') || (vm.pinningNote ?? 'not recorded')],
  ];
}

export function environmentHtml(results: ResultsFile): string {
  const env = results.environment;
  const facts: [string, string][] = [
    ['where it ran', env.where + (env.vm ? ` (${env.vm.accel}; ${env.vm.note})` : '')],
    ['clock', clockNote(env.clock) ?? clockIdentity(env.clock)],
    ['kernel', `${env.kernelRelease}${env.kernelVersion ? ` ${env.kernelVersion}` : ''}`],
    ['CPU', `${env.cpuModel} × ${env.cpuCount}${env.cpuGovernor ? `, governor ${env.cpuGovernor}` : ''}`],
    ...(env.memoryMiB === undefined ? [] : [['memory', `${env.memoryMiB} MiB`] as [string, string]]),
    ...(env.kernelCmdline === undefined ? [] : [['kernel command line', env.kernelCmdline] as [string, string]]),
    ...guestFacts(env),
    ['Node.js', env.nodeVersion],
    ['git revision', `${env.gitRevision}${env.gitDirty ? ' (with uncommitted changes)' : ''}`],
    ['BPF objects sha256', env.bpfObjectsSha256],
    ...Object.entries(env.tools).map(([tool, version]): [string, string] => [tool, version]),
    ...Object.entries(env.sysctls ?? {}).map(([k, v]): [string, string] => [k, v]),
    ['started', results.startedAt],
    ['finished', results.finishedAt ?? 'not finished (interrupted)'],
    ['options', Object.entries(results.options).map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : String(v)}`).join('  ')],
  ];
  return `<dl class="env">${facts.map(([k, v]) => `<dt>${h(k)}</dt><dd>${h(v)}</dd>`).join('')}</dl>`;
}

export function commandHtml(results: ResultsFile): string {
  return `<pre class="command"><code>${h(commandLine(results.command))}</code></pre>`;
}
