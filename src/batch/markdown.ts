import type { Cite } from '../rules/schema.js';
import { escapeMarkdown as md } from './escape.js';
import type { BatchReport } from './report-model.js';
import { reportView, type SectionView, type TableView } from './report-view.js';

/**
 * report.md: the batch report as Markdown, with the words of report-view.ts (the same as the HTML
 * page and the Word file). Every text cell is escaped, so a name holding `|` or `*` stays text.
 */

function table(t: TableView): string[] {
  return [`| ${t.head.map(md).join(' | ')} |`, `| ${t.head.map(() => '---').join(' | ')} |`, ...t.rows.map((r) => `| ${r.map(md).join(' | ')} |`), ''];
}

function cite(c: Cite): string {
  return `[${md(c.title)}](${c.href})`;
}

/** A fenced block that no line of `lines` can close early. */
function fenced(lines: string[]): string[] {
  const longest = Math.max(2, ...lines.map((l) => Math.max(0, ...[...l.matchAll(/`+/g)].map((m) => m[0].length))));
  const fence = '`'.repeat(longest + 1);
  return [fence + 'text', ...lines, fence, ''];
}

function section(s: SectionView): string[] {
  const out = [`## ${md(s.heading)}`, ''];
  if (s.cites.length > 0) out.push(`Under ${s.cites.map(cite).join('; ')}.`, '');
  for (const p of s.paragraphs) out.push(md(p), '');
  if (s.table) out.push(...table(s.table));
  if (s.pre) out.push(...fenced(s.pre.split('\n')));
  return out;
}

export function renderMarkdown(r: BatchReport): string {
  const v = reportView(r);
  const out: string[] = [`# ${md(v.title)}`, '', md(v.summary), md(v.history), md(`Readings applied: ${v.readings}.`), ''];
  out.push('## Countries by tier', '', ...table(v.counts), md(v.changes), '');
  out.push('## Tier placements', '');
  out.push(
    ...table({
      caption: '',
      head: ['Country', 'ISO3', 'Bureau', 'Tier', String(v.previousYear), 'Change', 'Watch List clock', 'Special Watch List'],
      rows: v.countries.map((c) => [c.name, c.iso3, c.bureau, c.tier, c.previous, c.mark ? `${c.change}; ${c.mark}` : c.change, c.clock, c.swl]),
    }),
  );
  for (const s of v.sections) out.push(...section(s));
  return out.join('\n');
}
