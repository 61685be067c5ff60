// One self-contained HTML file: charts inlined as SVG, styles inline, no script, and a Content
// Security Policy that forbids every fetch, so it opens the same from an artifact zip, an e-mail
// or a laptop with no network.
import { join } from 'node:path';
import type { ComparisonReport } from '../compare/compare.ts';
import type { ResultsFile } from '../model/results.ts';
import { writeFileAtomic } from '../results/write.ts';
import { comparisonHtml } from './html-comparison.ts';
import { escapeHtml as h, prefixSvgIds, swatchClass } from './html-escape.ts';
import { commandHtml, environmentHtml, summaryTableHtml } from './html-sections.ts';
import type { RenderedChart } from './rendered.ts';
import { scenarioColor, scenarioOrder } from './scenario-colors.ts';

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const STYLE = `
body { font: 14px/1.45 system-ui, "DejaVu Sans", sans-serif; color: #111827; margin: 2rem auto; max-width: 1200px; padding: 0 1rem; }
h1 { font-size: 1.5rem; margin-bottom: .2rem; } h2 { font-size: 1.15rem; margin-top: 2rem; border-bottom: 1px solid #e5e7eb; }
.sub, .note, figcaption { color: #4b5563; } figure { margin: 1.5rem 0; overflow-x: auto; } figure svg { max-width: 100%; height: auto; }
table.summary { border-collapse: collapse; font-size: 13px; } th, td { padding: .25rem .6rem; border-bottom: 1px solid #e5e7eb; text-align: left; }
td.n { text-align: right; font-variant-numeric: tabular-nums; } .swatch { display: inline-block; width: .8em; height: .8em; margin-right: .4em; border-radius: 2px; }
.state-invalid, .state-failed, .verdict-regressed { color: #b91c1c; font-weight: 600; } .verdict-improved { color: #15803d; font-weight: 600; }
dl.env { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; } dt { color: #4b5563; } dd { margin: 0; font-family: ui-monospace, monospace; word-break: break-all; }
pre.command { background: #f3f4f6; padding: .6rem .8rem; overflow-x: auto; }`;

export function reportHtml(results: ResultsFile, charts: readonly RenderedChart[], comparison?: ComparisonReport): string {
  const swatches = scenarioOrder(results.summary.map((r) => r.scenario)).map((s) => `.${swatchClass(s)} { background: ${scenarioColor(s)}; }`).join('\n');
  const figures = charts.map((c) => `<figure class="chart" id="chart-${h(c.id)}" data-chart="${h(c.id)}">\n${prefixSvgIds(c.svg, `${c.id}-`)}\n<figcaption>${h(c.caption)}</figcaption>\n</figure>`);
  const state = results.complete ? 'complete' : 'incomplete (interrupted): the measurements shown are valid, some are missing';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>netkit-bench run ${h(results.runId)}</title>
<style>${STYLE}\n${swatches}</style></head>
<body>
<h1>netkit-bench run ${h(results.runId)}</h1>
<p class="sub">${h(results.environment.where)} · IPv${results.options.workloadParams?.ipVersion ?? 4} · kernel ${h(results.environment.kernelRelease)} · ${h(results.environment.cpuModel)} × ${results.environment.cpuCount} · ${h(results.startedAt)} · ${h(state)}</p>
${comparison ? `<h2>Regression gate</h2>\n${comparisonHtml(comparison)}` : ''}
<h2>Charts</h2>
${figures.join('\n') || '<p>No metric to chart.</p>'}
<h2>Summary</h2>
${summaryTableHtml(results)}
<h2>Environment</h2>
${environmentHtml(results)}
<h2>Command</h2>
${commandHtml(results)}
</body></html>
`;
}

export async function exportHtml(results: ResultsFile, charts: readonly RenderedChart[], outDir: string, comparison?: ComparisonReport): Promise<string> {
  const path = join(outDir, 'report.html');
  await writeFileAtomic(path, reportHtml(results, charts, comparison));
  return path;
}
