// The layer pair every bar chart here uses: bars of a value, and black whiskers of its interval
// where the row has one (`lo`/`hi`, labelled with its real coverage in `whisker`, shown on hover),
// so every chart draws uncertainty the same way.
import type { LayerSpec, UnitSpec } from 'vega-lite/build/src/spec/index.js';

type Channel = Record<string, unknown>;

export function barsWithWhiskers(enc: { x: Channel; xOffset?: Channel; color: Channel }, yField: string, yTitle: string | null): (LayerSpec<string> | UnitSpec<string>)[] {
  const position = enc.xOffset ? { x: enc.x, xOffset: enc.xOffset } : { x: enc.x };
  return [
    { mark: 'bar', encoding: { ...position, y: { field: yField, type: 'quantitative', title: yTitle }, color: enc.color } },
    {
      transform: [{ filter: 'isValid(datum.lo) && isValid(datum.hi)' }],
      mark: { type: 'errorbar', ticks: true, color: '#111827' },
      encoding: {
        ...position, y: { field: 'lo', type: 'quantitative', title: yTitle }, y2: { field: 'hi' },
        tooltip: [{ field: 'lo', title: 'low' }, { field: 'hi', title: 'high' }, { field: 'whisker', title: 'coverage' }],
      },
    },
  ] as (LayerSpec<string> | UnitSpec<string>)[];
}
