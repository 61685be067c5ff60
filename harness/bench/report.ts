// The report at the end of a run. Loaded lazily: Vega, resvg and fontkit take seconds to import,
// which a run without --report (and every guest run) should not pay.
import type { BenchIo } from './native.ts';

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
