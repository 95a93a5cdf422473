import { AlignmentType, Document, LevelFormat, Packer, Paragraph, TextRun, type FileChild, type ParagraphChild } from 'docx';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TEMPLATES_DIR } from '../../paths.js';
import { blockText, type Block, type Span } from './markup.js';
import { fixZipTimes } from './zip.js';

/**
 * Word files, built with the `docx` library from the paragraphs of a draft (docx/markup.ts) or from
 * the batch report's tables. Styles are not in this code: they are templates/docx/styles.xml, a
 * WordprocessingML styles part the office can replace with one saved from Word (the style ids the
 * builder uses are listed in STYLE). Same input, same bytes: the package's creation dates are left
 * out and the archive's entry times fixed.
 */

/** The paragraph styles of templates/docx/styles.xml the builder uses. */
export const STYLE = {
  normal: 'Normal',
  heading: (level: number) => `Heading${Math.max(1, Math.min(6, level))}`,
  cable: 'CableHeader',
  list: 'ListParagraph',
  placeholder: 'Placeholder',
} as const;

export const BULLETS = 'tip-bullets';

let stylesXml: string | undefined;

/** templates/docx/styles.xml, read once. */
export function docxStyles(dir: string = TEMPLATES_DIR): string {
  if (dir !== TEMPLATES_DIR) return readFileSync(join(dir, 'docx', 'styles.xml'), 'utf8');
  stylesXml ??= readFileSync(join(TEMPLATES_DIR, 'docx', 'styles.xml'), 'utf8');
  return stylesXml;
}

const TOKEN = /\[[A-Z0-9][A-Z0-9 ,:;+\-'./()]*\]/g;

/** A span as runs, the placeholders among `tokens` in the Placeholder character style (highlighted). */
export function runs(span: Span, tokens: ReadonlySet<string>): TextRun[] {
  const out: TextRun[] = [];
  let last = 0;
  const push = (text: string, placeholder: boolean) => {
    if (text === '') return;
    out.push(new TextRun({ text, ...(span.bold ? { bold: true } : {}), ...(placeholder ? { style: STYLE.placeholder } : {}) }));
  };
  for (const m of span.text.matchAll(TOKEN)) {
    if (!tokens.has(m[0])) continue;
    push(span.text.slice(last, m.index), false);
    push(m[0], true);
    last = m.index + m[0].length;
  }
  push(span.text.slice(last), false);
  return out;
}

/** Lines of spans as one paragraph's runs, a line break between lines. */
function lineRuns(lines: Span[][], tokens: ReadonlySet<string>): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  lines.forEach((line, i) => {
    if (i > 0) out.push(new TextRun({ text: '', break: 1 }));
    for (const s of line) out.push(...runs(s, tokens));
  });
  return out;
}

function paragraphs(b: Block, tokens: ReadonlySet<string>): Paragraph[] {
  switch (b.kind) {
    case 'heading':
      return [new Paragraph({ style: STYLE.heading(b.level), children: b.spans.flatMap((s) => runs(s, tokens)) })];
    case 'cable':
      return b.lines.map((line) => new Paragraph({ style: STYLE.cable, children: runs({ text: line, bold: false }, tokens) }));
    case 'bullet':
      return [new Paragraph({ style: STYLE.list, numbering: { reference: BULLETS, level: 0 }, children: lineRuns(b.lines, tokens) })];
    case 'paragraph':
      return [new Paragraph({ style: STYLE.normal, children: lineRuns(b.lines, tokens) })];
  }
}

export interface DocxMeta {
  title: string;
  subject?: string;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** docProps/core.xml without the creation and modification dates (they would change the bytes on every run). */
function coreXml(meta: DocxMeta): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(meta.title)}</dc:title>` +
    (meta.subject ? `<dc:subject>${escapeXml(meta.subject)}</dc:subject>` : '') +
    '<dc:creator>tip-tier-engine</dc:creator></cp:coreProperties>'
  );
}

/** Packs body elements into .docx bytes with the office's styles. */
export async function packDocx(children: FileChild[], meta: DocxMeta, styles: string = docxStyles()): Promise<Uint8Array> {
  const doc = new Document({
    title: meta.title,
    externalStyles: styles,
    numbering: { config: [{ reference: BULLETS, levels: [{ level: 0, format: LevelFormat.BULLET, text: '\u2022', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 360, hanging: 360 } } } }] }] },
    sections: [{ children }],
  });
  const buffer = await Packer.toBuffer(doc, false, [{ path: 'docProps/core.xml', data: coreXml(meta) }]);
  return fixZipTimes(new Uint8Array(buffer));
}

/** A draft's paragraphs as .docx bytes; `tokens` are the placeholders to highlight. */
export async function blocksToDocx(blocks: readonly Block[], meta: DocxMeta, tokens: readonly string[], styles?: string): Promise<Uint8Array> {
  const set = new Set(tokens);
  return packDocx(blocks.flatMap((b) => paragraphs(b, set)), meta, styles);
}

export { blockText };
