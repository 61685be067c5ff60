import { join } from 'node:path';
import { writeFileAtomic } from '../results/write.ts';
import type { RenderedChart } from './rendered.ts';

export async function exportSvg(charts: readonly RenderedChart[], outDir: string): Promise<string[]> {
  const paths: string[] = [];
  for (const c of charts) {
    const path = join(outDir, `${c.id}.svg`);
    await writeFileAtomic(path, c.svg);
    paths.push(path);
  }
  return paths;
}
