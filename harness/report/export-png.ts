// PNG from the very SVG the other formats use, rasterised by resvg at twice the size for sharp
// text on high-density screens and in slides.
import { Resvg } from '@resvg/resvg-js';
import { join } from 'node:path';
import { writeFileAtomic } from '../results/write.ts';
import type { RenderedChart } from './rendered.ts';

export function svgToPng(svg: string, zoom = 2): Buffer {
  const resvg = new Resvg(svg, { fitTo: { mode: 'zoom', value: zoom }, font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } });
  return resvg.render().asPng();
}

export async function exportPng(charts: readonly RenderedChart[], outDir: string): Promise<string[]> {
  const paths: string[] = [];
  for (const c of charts) {
    const path = join(outDir, `${c.id}.png`);
    await writeFileAtomic(path, svgToPng(c.svg));
    paths.push(path);
  }
  return paths;
}
