// Vega lays a chart out by measuring its text. Headless in Node it has no canvas and guesses
// 0.8 em per character, which leaves wide blank margins after every title. This measures with the
// font the charts actually name (DejaVu Sans), via fontkit; when the font
// cannot be found Vega's guess stays in place.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as fontkit from 'fontkit';
import * as vega from 'vega';

type Item = { text?: unknown; fontSize?: number; fontWeight?: string | number };
type TextMetrics = { width: (item: Item, text?: unknown) => number; estimateWidth: (item: Item, text?: unknown) => number };

const fonts = new Map<string, fontkit.Font | null>();

// Debian's fonts-dejavu-core (pulled in by fontconfig, which Chromium and resvg users have) puts
// them here; elsewhere ask fontconfig.
const DEBIAN_PATHS = { regular: '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', bold: '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf' };

function fontFile(weight: 'regular' | 'bold'): fontkit.Font | null {
  if (!fonts.has(weight)) {
    try {
      const path = existsSync(DEBIAN_PATHS[weight])
        ? DEBIAN_PATHS[weight]
        : execFileSync('fc-match', ['-f', '%{file}', `DejaVu Sans:${weight}`], { encoding: 'utf8', timeout: 5_000 });
      const font = fontkit.openSync(path);
      fonts.set(weight, 'layout' in font && /DejaVu/i.test(font.familyName) ? font : null);
    } catch {
      fonts.set(weight, null);
    }
  }
  return fonts.get(weight)!;
}

const cache = new Map<string, number>();

function measure(text: string, size: number, bold: boolean): number | undefined {
  const font = fontFile(bold ? 'bold' : 'regular');
  if (!font) return undefined;
  const key = `${bold}/${text}`;
  let em = cache.get(key);
  if (em === undefined) {
    em = font.layout(text).advanceWidth / font.unitsPerEm;
    cache.set(key, em);
  }
  return em * size;
}

let installed = false;

/** Idempotent: swaps Vega's width estimate for real glyph advances, once per process. */
export function useFontMetrics(): void {
  if (installed) return;
  installed = true;
  const metrics = (vega as unknown as { textMetrics: TextMetrics }).textMetrics;
  const estimate = metrics.estimateWidth;
  metrics.width = (item, text) => {
    const value = text ?? item.text;
    const s = Array.isArray(value) ? value.join(' ') : value == null ? '' : String(value);
    const weight = item.fontWeight;
    const bold = weight === 'bold' || (typeof weight === 'number' && weight >= 600) || weight === '600' || weight === '700';
    return measure(s, item.fontSize ?? 11, bold) ?? estimate(item, text);
  };
}
