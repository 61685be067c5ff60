import type { Chart } from './charts/types.ts';

/** A chart and its SVG, rendered once and handed to every exporter. */
export interface RenderedChart extends Chart {
  svg: string;
}

export const REPORT_FORMATS = ['svg', 'png', 'html', 'md'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
