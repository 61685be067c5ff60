// Escaping for text placed in HTML, and a command line that can be pasted.
import { shellQuote } from '../core/shell-quote.ts';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function commandLine(argv: readonly string[]): string {
  return ['netkit-bench', ...argv].map(shellQuote).join(' ');
}

/**
 * Several SVGs inline in one page share one id space; Vega numbers its clip paths per process, so
 * give every id in a chart the chart's own prefix to keep charts from borrowing each other's clips.
 */
export function prefixSvgIds(svg: string, prefix: string): string {
  return svg.replace(/\bid="([^"]+)"/g, `id="${prefix}$1"`).replace(/url\(#([^)]+)\)/g, `url(#${prefix}$1)`).replace(/href="#([^"]+)"/g, `href="#${prefix}$1"`);
}

/** A CSS class for a scenario's colour swatch; any character outside [A-Za-z0-9_-] becomes _. */
export function swatchClass(scenario: string): string {
  return `s-${scenario.replace(/[^\w-]/g, '_')}`;
}
