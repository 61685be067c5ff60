// The report at the end of a run. Loaded lazily: Vega, resvg and fontkit take seconds to import,
// which a run without --report (and every guest run) should not pay.
import type { BenchIo } from './options.ts';

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
