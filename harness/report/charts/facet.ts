// Small multiples that wrap: as many panels per row as fit a page (about 1100 px), so a run with
// six workloads stays readable in a browser, a PR and a PNG. Panels hold different workloads or
// metrics, so each gets its own y scale, and its own x axis (a wrapped facet otherwise draws one
// under an empty trailing cell).
import { pointLabel, varyingAxes } from '../../core/point.ts';
import type { Point } from '../../model/point.ts';

const PAGE_WIDTH = 1100;

/**
 * A panel's name with the point's values on the axes that vary among `points` ("tcp_rr · topology
 * same-node"), so rows of different topologies or swept values get panels side by side instead of
 * overlaid bars; just `name` when nothing varies.
 */
export function pointPanels<T extends { point: Point }>(rows: readonly T[], name: (row: T) => string): (T & { panel: string })[] {
  const axes = varyingAxes(rows.map((r) => r.point));
  return rows.map((r) => ({ ...r, panel: axes.length > 0 ? `${name(r)} · ${pointLabel(r.point, axes)}` : name(r) }));
}

export function wrappedFacet(field: string, panels: readonly string[], panelWidth: number, header?: Record<string, unknown>) {
  const columns = Math.max(1, Math.min(panels.length, Math.floor(PAGE_WIDTH / (panelWidth + 70))));
  return {
    facet: { field, type: 'nominal' as const, title: null, sort: [...panels], ...(header ? { header } : {}) },
    columns,
    resolve: { scale: { y: 'independent' as const }, axis: { x: 'independent' as const } },
  };
}
