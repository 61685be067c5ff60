// Vega-Lite spec -> Vega -> SVG, headless in Node (no canvas, no browser). One look for every
// chart: the theme below. Fonts name DejaVu first because it is what Debian installs and what
// resvg finds for the PNGs; browsers fall back to their own sans-serif.
import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { useFontMetrics } from './text-metrics.ts';

export const CHART_FONT = 'DejaVu Sans, Liberation Sans, Helvetica, Arial, sans-serif';

const THEME = {
  font: CHART_FONT,
  background: 'white',
  padding: 12,
  title: { anchor: 'start' as const, fontSize: 15, subtitleFontSize: 11, subtitleColor: '#4b5563', offset: 10 },
  axis: { labelFontSize: 11, titleFontSize: 11, gridColor: '#e5e7eb' },
  header: { labelFontSize: 12, labelFontWeight: 'bold' as const },
  legend: { labelFontSize: 11, titleFontSize: 11 },
  view: { stroke: '#d1d5db' },
};

export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  useFontMetrics();
  const vegaSpec = compile({ ...spec, config: { ...THEME, ...(spec.config ?? {}) } } as TopLevelSpec).spec;
  // Inline data only: a loader that refuses everything keeps a report build from ever touching the network.
  const view = new View(parse(vegaSpec), { renderer: 'none', loader: noNetwork });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

const refuse = async (uri: string) => {
  throw new Error(`charts use inline data only; refused to load ${uri}`);
};
const noNetwork = { load: refuse, sanitize: refuse, http: refuse, file: refuse } as never;
