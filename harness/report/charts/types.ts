import type { TopLevelSpec } from 'vega-lite';

/** One chart of a report: its file name stem, what it shows, and the Vega-Lite spec that draws it. */
export interface Chart {
  id: string;
  title: string;
  /** One sentence under the chart: what to read from it. */
  caption: string;
  spec: TopLevelSpec;
}
