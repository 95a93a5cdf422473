import { Paragraph, Table, TableCell, TableRow, TextRun, WidthType, type FileChild } from 'docx';
import { tierName } from '../model/tier.js';
import { packDocx, STYLE } from '../render/docx/build.js';
import { reportView, type TableView } from './report-view.js';
import type { BatchReport } from './report-model.js';
import type { Timeline } from './timeline.js';

/**
 * report.docx: the batch report in Word, with the words of the HTML page (html-view.ts) and the
 * office's styles (templates/docx/styles.xml). The timelines are written as runs of years
 * ("Tier 2 2001-2004; Tier 2 Watch List 2005-2009 (waiver 2011)") instead of pictures.
 */

function para(text: string, style: string = STYLE.normal): Paragraph {
  return new Paragraph({ style, children: [new TextRun(text)] });
}

function cell(text: string, header: boolean): TableCell {
  return new TableCell({ children: [new Paragraph({ style: STYLE.normal, children: [new TextRun({ text, ...(header ? { bold: true } : {}) })] })] });
}

function table(t: TableView): FileChild[] {
  return [
    para(t.caption, STYLE.heading(3)),
    new Table({
      style: 'TableGrid',
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [new TableRow({ tableHeader: true, children: t.head.map((h) => cell(h, true)) }), ...t.rows.map((r) => new TableRow({ children: r.map((c, i) => cell(c, i === 0)) }))],
    }),
  ];
}

/** A timeline in words: runs of the same tier, with the years marked by a waiver or an automatic downgrade. */
export function timelineWords(t: Timeline): string {
  const runs: { label: string; from: number; to: number }[] = [];
  for (const y of t.years) {
    const label = y.tier ? tierName(y.tier) : 'no ledger row';
    const last = runs[runs.length - 1];
    if (last && last.label === label && last.to === y.year - 1) last.to = y.year;
    else runs.push({ label, from: y.year, to: y.year });
  }
  const marks = t.years.flatMap((y) => [
    ...(y.waiver === 'recorded' ? [`waiver ${y.year}`] : y.waiver === 'inferred' ? [`waiver ${y.year} (inferred)`] : []),
    ...(y.automaticDowngrade ? [`automatic downgrade ${y.year}`] : []),
  ]);
  const text = runs.map((r) => `${r.label} ${r.from === r.to ? r.from : `${r.from}-${r.to}`}`).join('; ');
  return marks.length > 0 ? `${text} (${marks.join(', ')})` : text;
}

export async function renderReportDocx(r: BatchReport): Promise<Uint8Array> {
  const v = reportView(r);
  const timelines = new Map(r.timelines.map((t) => [t.iso3, t]));
  const children: FileChild[] = [para(v.title, 'Title'), para(v.summary), para(v.history), para(`Readings applied: ${v.readings}.`)];
  children.push(para('Countries by tier', STYLE.heading(2)), ...table(v.counts), para(v.changes));
  children.push(
    para('Tier placements', STYLE.heading(2)),
    ...table({
      caption: "Each country's tier, last year's tier, the change, the Watch List clock and the tier history",
      head: ['Country', 'Tier', String(v.previousYear), 'Change', 'Watch List clock', 'Special Watch List', 'History'],
      rows: v.countries.map((c) => {
        const t = timelines.get(c.iso3);
        return [`${c.name} (${c.iso3}, ${c.bureau})`, c.tier, c.previous, c.mark ? `${c.change}; ${c.mark}` : c.change, c.clock, c.swl, t ? timelineWords(t) : ''];
      }),
    }),
  );
  for (const s of v.sections) {
    children.push(para(s.heading, STYLE.heading(2)));
    for (const c of s.cites) children.push(para(`${c.title} (${c.href})`));
    for (const p of s.paragraphs) children.push(para(p));
    if (s.table) children.push(...table(s.table));
    if (s.pre) for (const line of s.pre.split('\n')) children.push(para(line, STYLE.cable));
  }
  return packDocx(children, { title: v.title, subject: 'Trafficking in Persons Report: batch assessment' });
}
