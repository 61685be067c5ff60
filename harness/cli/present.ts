// The end of a run, as the user sees it: the answer (report/run-text.ts), where the files are,
// and the report. The runners (harness/bench/) call it through BenchIo.present, so they stand below
// report/ and never import it. The report is loaded lazily: Vega, resvg and fontkit take seconds
// to import, which a run without --report (and every guest run) should not pay.
import { join } from 'node:path';
import type { BenchIo, FinishedRun } from '../bench/options.ts';
import { renderRun } from '../report/run-text.ts';

export async function reportRun(runDir: string, io: Pick<BenchIo, 'out' | 'err'>): Promise<void> {
  try {
    const { writeRunReport } = await import('../report/write-report.ts');
    const { outDir } = await writeRunReport(runDir);
    io.out(`report: ${outDir}/report.html`);
  } catch (err) {
    // The measurements are safe on disk; a chart that fails to render must not fail the run.
    io.err(`report not written: ${(err as Error).message} (retry with: netkit-bench report ${runDir})`);
  }
}

/** A stopped run (a signal, or the process that started it gone) ends without the seconds a report
 * takes; it says how to write one. */
export async function reportUnlessStopped(runDir: string, io: Pick<BenchIo, 'out' | 'err' | 'signal'>): Promise<void> {
  if (io.signal.aborted) io.err(`report not written for a stopped run (write it with: netkit-bench report ${runDir})`);
  else await reportRun(runDir, io);
}

/** The answer, the files (with the runner's note on its timing), then the report unless --no-report. */
export async function presentRun(run: FinishedRun, io: Pick<BenchIo, 'out' | 'err' | 'signal'>): Promise<void> {
  io.out(renderRun(run.results, { verbose: run.verbose }));
  io.out(`results: ${join(run.runDir, 'results.csv')} ${join(run.runDir, 'results.json')}${run.note ? ` (${run.note})` : ''}`);
  if (run.report) await reportUnlessStopped(run.runDir, io);
}
