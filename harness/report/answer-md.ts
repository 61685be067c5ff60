// The answer matrix and the claims in Markdown, first in summary.md (export-md.ts): the same cells
// as the terminal's (answer-text.ts), one table per group, the claims as a list.
import { markdownTable } from '../core/format.ts';
import { columnKey, type AnswerMatrix } from './answer.ts';
import { answerLegend, cellText } from './answer-text.ts';
import { pointLabel } from '../core/point.ts';
import type { ClaimResult } from './claims.ts';

export function answerMarkdown(m: AnswerMatrix, claims: readonly ClaimResult[][]): string[] {
  if (m.columns.length === 0) return [];
  const { legend, commonCoverage } = answerLegend(m);
  const header = ['scenario', ...m.columns.map((c) => `${c.workload} ${c.metric} ${c.better === 'higher' ? '↑' : '↓'}`)];
  const out = ['### Against host', '', `${legend}.`, ''];
  m.groups.forEach((g, i) => {
    const label = pointLabel(g.point);
    if (label) out.push(`**${label}**`, '');
    const body = g.scenarios.map((s) => [s, ...m.columns.map((c) => cellText(g.cells[s]?.[columnKey(c)], s === m.baseline, commonCoverage, '–'))]);
    out.push(markdownTable(header, body, ['l', ...m.columns.map(() => 'r' as const)]), '');
    out.push(...claims[i]!.map((c) => `- **${c.verdict}**: ${c.statement}: ${c.detail}`), '');
  });
  return out;
}
