import { renderHtml } from './html.js';
import { renderMarkdown } from './markdown.js';
import type { BatchReport } from './report-model.js';
import { REPORT_FORMATS, type ReportFormat } from './types.js';

/** report.json: the report model with sorted keys' order fixed by the builder, two-space indent. */
export function renderJson(report: BatchReport): string {
  return JSON.stringify(report, null, 2) + '\n';
}

const RENDERERS: Record<ReportFormat, { file: string; render: (r: BatchReport) => string | Promise<Uint8Array> }> = {
  md: { file: 'report.md', render: renderMarkdown },
  json: { file: 'report.json', render: renderJson },
  html: { file: 'report.html', render: renderHtml },
  // docx (the library) is large: loaded only when a Word report is asked for.
  docx: { file: 'report.docx', render: async (r) => (await import('./docx.js')).renderReportDocx(r) },
};

/** The report files to write, as [file name, content], in the fixed order md, json, html, docx. */
export async function renderFormats(report: BatchReport, formats: readonly ReportFormat[]): Promise<[string, string | Uint8Array][]> {
  const out: [string, string | Uint8Array][] = [];
  for (const f of REPORT_FORMATS.filter((x) => formats.includes(x))) out.push([RENDERERS[f].file, await RENDERERS[f].render(report)]);
  return out;
}

/** Parses `md,json,html` (any order, no repeats). Returns the formats or the first bad name. */
export function parseFormats(text: string): { ok: true; formats: ReportFormat[] } | { ok: false; bad: string } {
  const names = text.split(',').map((s) => s.trim());
  const out: ReportFormat[] = [];
  for (const n of names) {
    if (!(REPORT_FORMATS as readonly string[]).includes(n) || out.includes(n as ReportFormat)) return { ok: false, bad: n };
    out.push(n as ReportFormat);
  }
  return { ok: true, formats: out };
}
