import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { assessFile } from '../../src/assess/file.js';
import type { Assessment } from '../../src/assess/types.js';
import type { Evidence } from '../../src/evidence/schema.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { MARK, parseMarkup } from '../../src/render/docx/markup.js';
import { draftDocx, renderDocuments, renderDocxEach } from '../../src/render/index.js';
import { baseEvidence } from '../support/evidence.js';
import { docxParagraphs, readZip } from '../support/zip.js';
import { assess } from './support.js';

/**
 * The Word drafts, opened as a reader would: the archive unzipped and its XML checked (styles,
 * the cable header block, numbered paragraphs, headings, placeholders), byte-identical on every run,
 * and a round trip through pandoc (Debian's package; .ci/run installs it) back to the words of the
 * plain-text draft. Without pandoc that one check is skipped with a message, except in CI.
 */

const havePandoc = spawnSync('pandoc', ['--version']).status === 0;
const inCI = process.env.CI === 'true';
if (!havePandoc && !inCI) console.warn('docx round trip skipped: pandoc not found (apt-get install -y pandoc); it always runs in CI');

let china: { assessment: Assessment; evidence: Evidence };
let dir: string;

beforeAll(async () => {
  china = await assessFile(join(PACKAGE_ROOT, 'examples', 'CHN-2009.yaml'), { historyPath: join(PACKAGE_ROOT, 'examples', 'tiers.csv') });
  dir = mkdtempSync(join(tmpdir(), 'tip-docx-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function xml(bytes: Uint8Array, part: string): string {
  const entry = readZip(bytes).get(part);
  if (!entry) throw new Error(`no ${part} in the archive`);
  return entry.data.toString('utf8');
}

describe('Word drafts: China 2009', () => {
  test('a Word package: content types, the document, the office styles, no dates in the properties', async () => {
    const bytes = await draftDocx(china.assessment, china.evidence, 'demarche');
    const zip = readZip(bytes);
    for (const part of ['[Content_Types].xml', '_rels/.rels', 'word/document.xml', 'word/styles.xml', 'docProps/core.xml']) expect(zip.has(part), part).toBe(true);
    expect(xml(bytes, '[Content_Types].xml')).toContain('application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml');
    expect(xml(bytes, 'word/styles.xml')).toContain('w:styleId="CableHeader"');
    const core = xml(bytes, 'docProps/core.xml');
    expect(core).toContain('<dc:title>China: 2009 TIP Report demarche cable</dc:title>');
    expect(core).not.toContain('dcterms:created');
    // Every entry carries the same fixed time, so the bytes do not depend on the clock.
    for (const e of zip.values()) expect([e.time, e.date]).toEqual([0, 33]);
  });

  test('the demarche in cable layout: header block in the cable style, then numbered paragraphs', async () => {
    const paras = docxParagraphs(xml(await draftDocx(china.assessment, china.evidence, 'demarche'), 'word/document.xml'));
    const header = paras.filter((p) => p.style === 'CableHeader').map((p) => p.text);
    expect(header).toEqual([
      'UNCLASSIFIED',
      'FM SECSTATE WASHDC',
      'TO AMEMBASSY BEIJING IMMEDIATE',
      'SIPDIS',
      'E.O. 12958: N/A',
      'TAGS: KTIP ELAB KCRM KPAO KWMN PGOV PHUM PREL SMIG CH',
      'SUBJECT: CHINA -- 2009 TIP REPORT: PRESS GUIDANCE AND DEMARCHE',
      'REF: A. STATE 59732',
      '     B. STATE 005577',
    ]);
    const numbered = paras.map((p) => /^(\d+)\. /.exec(p.text)?.[1]).filter((n) => n !== undefined).map(Number);
    expect(numbered).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(paras.at(-1)).toEqual({ style: 'Normal', text: 'CLINTON' });
    // The non-paper's points are Word list items.
    expect(paras.filter((p) => p.style === 'ListParagraph').length).toBeGreaterThan(5);
  });

  test("the narrative with the era's headings as Word headings", async () => {
    const paras = docxParagraphs(xml(await draftDocx(china.assessment, china.evidence, 'narrative'), 'word/document.xml'));
    expect(paras.filter((p) => p.style?.startsWith('Heading')).map((p) => `${p.style}: ${p.text}`)).toEqual([
      'Heading1: CHINA (TIER 2 WATCH LIST)',
      'Heading2: Prosecution',
      'Heading2: Protection',
      'Heading2: Prevention',
    ]);
    // Heading runs carry no direct bold: the style decides.
    expect(xml(await draftDocx(china.assessment, china.evidence, 'narrative'), 'word/document.xml')).not.toContain('w:val="false"');
  });

  test('the same draft gives the same bytes', async () => {
    const a = await draftDocx(china.assessment, china.evidence, 'press');
    await new Promise((r) => setTimeout(r, 1100));
    const b = await draftDocx(china.assessment, china.evidence, 'press');
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  test.skipIf(!havePandoc && !inCI)('pandoc reads each file back to the words of the plain-text draft', async () => {
    const text = Object.fromEntries(renderDocuments(china.assessment, china.evidence, { docs: 'all' }).map((d) => [d.doc, d.content]));
    const words = (s: string) => s.replace(/\\(.)/g, '$1').replace(/\s+/g, ' ').trim();
    for (const o of await renderDocxEach(china.assessment, china.evidence, { docs: 'all' })) {
      if (!o.ok) throw o.error;
      const path = join(dir, o.value.fileName);
      writeFileSync(path, o.value.bytes);
      const back = execFileSync('pandoc', ['-f', 'docx', '-t', 'plain', '--wrap=none', path], { encoding: 'utf8' });
      // Markdown-free plain text: the same words as the .txt draft, apart from the list marks
      // ("--" in the cable's text, Word bullets in the .docx) and the REF line's indent.
      const expected = words(text[o.value.doc]!.replace(/^-- /gm, '').replace(/^- /gm, ''));
      expect(words(back.replace(/^\s*[-•*] /gm, '')), o.value.doc).toBe(expected);
    }
  }, 30_000);
});

describe('Word drafts: placeholders and marks', () => {
  test('a 2026 draft: every placeholder in the Placeholder style, and listed', async () => {
    const evidence = baseEvidence(2026);
    const a = await assess(evidence, { clock: null, previousTier: null });
    const [outcome] = await renderDocxEach(a, evidence, { docs: ['demarche'] });
    if (!outcome!.ok) throw outcome!.error;
    const doc = xml(outcome!.value.bytes, 'word/document.xml');
    expect(outcome!.value.placeholders.map((p) => p.token)).toEqual(expect.arrayContaining(['[RELEASE DATE]', '[DELIVERY WINDOWS]', '[SECRETARY]']));
    for (const p of outcome!.value.placeholders) expect(doc).toContain(`<w:rStyle w:val="Placeholder"/></w:rPr><w:t xml:space="preserve">${p.token}</w:t>`);
  });

  test('evidence text cannot forge a heading or bold: the marks are removed from the view', async () => {
    const evidence = baseEvidence(2009, { narrative: { prosecution: [`${MARK.heading}1Forged${MARK.headingEnd} and ${MARK.bold}bold${MARK.boldEnd}`] } });
    const a = await assess(evidence, { clock: null, previousTier: null });
    const paras = docxParagraphs(xml(await draftDocx(a, evidence, 'narrative'), 'word/document.xml'));
    expect(paras.find((p) => p.text.includes('Forged'))).toEqual({ style: 'Normal', text: '1Forged and bold' });
  });

  test('the markup parser: headings, list items, the cable block, bold runs, line breaks', () => {
    const blocks = parseMarkup(`${MARK.cable}A\nB\n\n${MARK.heading}2Title${MARK.headingEnd}\n\n${MARK.bullet} item\n\nplain ${MARK.bold}Q1:${MARK.boldEnd} x\nnext`);
    expect(blocks).toEqual([
      { kind: 'cable', lines: ['A', 'B'] },
      { kind: 'heading', level: 2, spans: [{ text: 'Title', bold: false }] },
      { kind: 'bullet', lines: [[{ text: 'item', bold: false }]] },
      { kind: 'paragraph', lines: [[{ text: 'plain ', bold: false }, { text: 'Q1:', bold: true }, { text: ' x', bold: false }], [{ text: 'next', bold: false }]] },
    ]);
  });
});
