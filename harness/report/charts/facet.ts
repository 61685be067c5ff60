// Small multiples that wrap: as many panels per row as fit a page (about 1100 px), so a run with
// six workloads stays readable in a browser, a PR and a PNG. Panels hold different workloads or
// metrics, so each gets its own y scale, and its own x axis (a wrapped facet otherwise draws one
// under an empty trailing cell).
const PAGE_WIDTH = 1100;

export function wrappedFacet(field: string, panels: readonly string[], panelWidth: number, header?: Record<string, unknown>) {
  const columns = Math.max(1, Math.min(panels.length, Math.floor(PAGE_WIDTH / (panelWidth + 70))));
  return {
    facet: { field, type: 'nominal' as const, title: null, sort: [...panels], ...(header ? { header } : {}) },
    columns,
    resolve: { scale: { y: 'independent' as const }, axis: { x: 'independent' as const } },
  };
}
