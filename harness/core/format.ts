// Numbers as people read them in tables: three significant figures, a sign on changes, '-' for
// what is missing; and as files and reasons record them (plainNumber).

/** `digits` significant figures as JavaScript prints a number, no grouping ("16400", "1e-7"): results.csv, validity reasons, p-values. */
export function plainNumber(x: number, digits: number): string {
  return String(Number(x.toPrecision(digits)));
}

/** `digits` significant figures with thousands grouped ("16,400", "0.0000768"); '-' when missing. */
export function fmtNumber(x: number | null | undefined, digits = 3): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '-';
  return Number(x.toPrecision(digits)).toLocaleString('en-US', { maximumFractionDigits: 12 });
}

export function fmtChangePct(x: number): string {
  if (Number.isNaN(x)) return '-';
  if (!Number.isFinite(x)) return x > 0 ? '+inf%' : '-inf%';
  return `${x > 0 ? '+' : ''}${x.toFixed(1)}%`;
}

export function fmtPValue(p: number): string {
  if (!Number.isFinite(p)) return '-';
  return p < 0.001 ? '<0.001' : p.toFixed(3);
}

export function fmtWithUnit(x: number | null | undefined, unit: string): string {
  const n = fmtNumber(x);
  return n === '-' || !unit || unit === 'count' ? n : `${n} ${unit}`;
}

/** A fixed-width text table; the last column is not padded. */
export function textTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}

/** A GitHub-flavoured Markdown table; pipes inside cells are escaped. */
export function markdownTable(header: string[], rows: string[][], align?: ('l' | 'r')[]): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const rule = header.map((_, i) => (align?.[i] === 'r' ? '---:' : '---'));
  return [header, rule, ...rows].map((r, i) => `| ${(i === 1 ? r : r.map(cell)).join(' | ')} |`).join('\n');
}
