// writeRunReport(runDir): every chart and document of one run into <runDir>/report/. Called by
// `netkit-bench report` and at the end of `bench` (unless --no-report).
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { COMPARISON_KIND, type ComparisonReport } from '../compare/compare.ts';
import { ofClass } from '../history/class.ts';
import { readHistory } from '../history/store.ts';
import { loadResults } from '../results/load.ts';
import { historyCharts, runCharts } from './charts/index.ts';
import { exportHtml } from './export-html.ts';
import { exportMarkdown } from './export-md.ts';
import { exportPng } from './export-png.ts';
import { exportSvg } from './export-svg.ts';
import { REPORT_FORMATS, type RenderedChart, type ReportFormat } from './rendered.ts';
import { renderSvg } from './render-svg.ts';

export interface ReportOptions {
  formats?: readonly ReportFormat[];
  /** Default <runDir>/report. */
  outDir?: string;
  /** Adds a trend chart per headline metric from this history folder (its runs of the run's clock and place). */
  history?: { dir: string; thresholdPct: number; baselineRuns: number };
}

export interface ReportFiles { outDir: string; files: string[] }

export async function writeRunReport(runDir: string, opts: ReportOptions = {}): Promise<ReportFiles> {
  const formats = opts.formats ?? REPORT_FORMATS;
  const outDir = opts.outDir ?? join(runDir, 'report');
  const results = await loadResults(runDir);
  const charts = runCharts(results);
  // A trend never mixes clocks or places (history/class.ts): only the runs measured as this one was.
  if (opts.history) charts.push(...historyCharts(ofClass(await readHistory(opts.history.dir), results.environment), opts.history));
  const needSvg = formats.some((f) => f !== 'md');
  const rendered: RenderedChart[] = [];
  for (const c of needSvg ? charts : []) rendered.push({ ...c, svg: await renderSvg(c.spec) });
  if (opts.outDir === undefined) await removeOldCharts(outDir);
  const files: string[] = [];
  if (formats.includes('svg')) files.push(...(await exportSvg(rendered, outDir)));
  if (formats.includes('png')) files.push(...(await exportPng(rendered, outDir)));
  if (formats.includes('html')) files.push(await exportHtml(results, rendered, outDir, await savedComparison(runDir)));
  if (formats.includes('md')) files.push(await exportMarkdown(results, outDir));
  return { outDir, files };
}

/** A chart the run no longer has must not linger from an earlier report (only in our own folder). */
async function removeOldCharts(outDir: string): Promise<void> {
  const old = await readdir(outDir).catch(() => [] as string[]);
  for (const f of old.filter((x) => /\.(svg|png)$/.test(x))) await rm(join(outDir, f), { force: true });
}

/** The gate's verdicts saved next to the results (compare --save <runDir>/comparison.json), if any. */
async function savedComparison(runDir: string): Promise<ComparisonReport | undefined> {
  try {
    const value = JSON.parse(await readFile(join(runDir, 'comparison.json'), 'utf8')) as ComparisonReport;
    return value?.kind === COMPARISON_KIND && Array.isArray(value.rows) ? value : undefined;
  } catch {
    return undefined;
  }
}
