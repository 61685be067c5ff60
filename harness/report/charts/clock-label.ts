// Charts of instruction-clock runs say so in their title and subtitle, so a published chart
// can never be read as hardware speed (harness/clock/labels.ts says what the figures are).
import type { ClockInfo } from '../../model/clock.ts';
import { clockedUnit } from '../../clock/labels.ts';
import type { Chart } from './types.ts';

/** The chart unchanged on the host clock; else title "… (instruction clock)" and a subtitle naming the unit. */
export function labelChartClock(chart: Chart, clock: ClockInfo | undefined): Chart {
  if (!clock || clock.kind === 'host') return chart;
  const title = chart.spec.title;
  const text = typeof title === 'object' && title !== null && !Array.isArray(title) ? String(title.text) : String(title ?? chart.title);
  const subtitle = typeof title === 'object' && title !== null && !Array.isArray(title) && title.subtitle ? String(title.subtitle) : '';
  const note = `instruction clock: rates are ${clockedUnit('1/s', clock)}, not hardware speed`;
  return {
    ...chart,
    title: `${chart.title} (instruction clock)`,
    spec: { ...chart.spec, title: { text: `${text} (instruction clock)`, subtitle: subtitle ? [subtitle, note] : note } },
  };
}
