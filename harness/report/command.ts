// `netkit-bench report <run-dir>`.
import { parseList } from '../core/flags.ts';
import { REPORT_FORMATS } from './rendered.ts';
import { writeRunReport, type ReportOptions } from './write-report.ts';

export interface ReportRequest {
  runDir: string;
  format?: string;
  out?: string;
  historyDir?: string;
  thresholdPct: number;
  baselineRuns: number;
}

export async function runReport(req: ReportRequest, out: (line: string) => void): Promise<number> {
  const opts: ReportOptions = {
    formats: req.format === undefined ? REPORT_FORMATS : parseList('--format', req.format, REPORT_FORMATS),
    outDir: req.out,
    history: req.historyDir === undefined ? undefined : { dir: req.historyDir, thresholdPct: req.thresholdPct, baselineRuns: req.baselineRuns },
  };
  const { outDir, files } = await writeRunReport(req.runDir, opts);
  out(`report: ${files.length} file(s) in ${outDir}`);
  for (const f of files.filter((x) => /\.(html|md)$/.test(x))) out(`  ${f}`);
  return 0;
}
