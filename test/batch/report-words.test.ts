import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { renderReportDocx, timelineWords } from '../../src/batch/docx.js';
import { renderHtml } from '../../src/batch/html.js';
import { clockWords, readingsLabel } from '../../src/batch/labels.js';
import { renderMarkdown } from '../../src/batch/markdown.js';
import { buildReport, type ReportInputs } from '../../src/batch/report-model.js';
import { runBatch } from '../../src/batch/run.js';
import { buildTimeline } from '../../src/batch/timeline.js';
import type { BatchEntry } from '../../src/batch/types.js';
import { docxParagraphs, readZip } from '../support/zip.js';
import { assessedEntry, evidenceFor, fullHistory, waiverPatch, writeEvidence } from './support.js';
import { LAW } from '../support/law.js';

/**
 * The batch report in words a coordinator reads: no internal code reaches a page, only real
 * decisions are in the waiver table, the drafts the batch wrote are linked, the blanks the drafts
 * carry are listed, and the Word report opens.
 */

const YEAR = 2019;
let entries: BatchEntry[];
let root: string;

function inputs(list: BatchEntry[], extra: Partial<ReportInputs> = {}): ReportInputs {
  return {
    year: YEAR,
    entries: list,
    failures: [],
    skipped: [],
    timelines: list.map((e) => buildTimeline(fullHistory(e.assessment.country.iso3, YEAR, {}), e.assessment, 2001, LAW)),
    history: 'tiers.csv',
    waivers: null,
    files: list.length,
    readings: { ruleF: 'after-waiver-run', specialCaseBreaksRun: true },
    ...extra,
  };
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'tip-report-words-'));
  const twoCounted = { 2017: '2WL', 2018: '2WL' } as const;
  entries = [
    await assessedEntry(YEAR, 'CCC', 'Gammaland', '2WL', fullHistory('CCC', YEAR, twoCounted), waiverPatch(true)),
    await assessedEntry(YEAR, 'DDD', 'Deltaland', '2WL', fullHistory('DDD', YEAR, twoCounted), waiverPatch(false)),
    // The same clock, but assessed on Tier 2: the Watch List is not in question, so no decision.
    await assessedEntry(YEAR, 'GGG', 'Etaland', '2', fullHistory('GGG', YEAR, twoCounted)),
  ];
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('words instead of codes', () => {
  test('the Watch List clock', () => {
    expect(clockWords(0, 0, 'allowed')).toBe('Not on the Watch List last year; the clock allows a Watch List placement.');
    expect(clockWords(2, 2, 'needs-waiver')).toBe('Two years on the Watch List before this report (both counted toward the automatic downgrade); a Watch List placement needs a waiver.');
    expect(clockWords(5, 1, 'allowed')).toBe('Five years on the Watch List before this report (one counted toward the automatic downgrade); the clock allows a Watch List placement.');
    expect(clockWords('unknown', 'unknown', 'unknown')).toMatch(/^Whether a Watch List placement is allowed is unknown/);
    expect(clockWords(null, null, null)).toBe('Not applied: no tier history was given.');
    expect(readingsLabel({ ruleF: 'after-waiver-run', specialCaseBreaksRun: true })).not.toContain('after-waiver-run');
  });
  test('no code reaches the Markdown or the HTML page', () => {
    const r = buildReport(inputs(entries));
    for (const page of [renderMarkdown(r), renderHtml(r).replace(/<script>[\s\S]*<\/script>|<style>[\s\S]*<\/style>|<[^>]+>/g, ' ')]) {
      for (const code of ['needs-waiver', 'not-on-watch-list', 'after-waiver-run', 'waiver-granted', 'automatic-downgrade', 'not-checked', ' counted; ']) expect(page, code).not.toContain(code);
    }
  });
});

describe('the waiver table', () => {
  test('only the decisions taken: the waiver granted and the one refused, not the country assessed on Tier 2', () => {
    const r = buildReport(inputs(entries));
    expect(entries.map((e) => e.assessment.clock?.watchListPlacement)).toEqual(['needs-waiver', 'needs-waiver', 'needs-waiver']);
    expect(r.waiverDecisions.map((w) => [w.iso3, w.outcome])).toEqual([
      ['DDD', 'automatic-downgrade'],
      ['CCC', 'waiver-granted'],
    ]);
    expect(renderMarkdown(r)).toContain('| Gammaland | CCC | 2 | 0 of 1 | waiver granted: stays on Tier 2 Watch List |');
  });
});

describe('links, blanks and the Word report', () => {
  test('a batch writes Word drafts and report.docx, links each draft, and lists the blanks', async () => {
    const dir = join(root, 'evidence');
    mkdirSync(dir);
    writeEvidence(dir, 'AAA-2026.yaml', evidenceFor(2026, 'AAA', 'Alphaland', '2'));
    const out = join(root, 'out');
    const result = await runBatch(dir, { year: 2026, outDir: out, draftFormat: 'docx' });
    expect(readdirSync(join(out, 'drafts')).sort()).toEqual(['AAA-2026-demarche.docx', 'AAA-2026-narrative.docx', 'AAA-2026-nonpaper.docx', 'AAA-2026-press.docx']);
    expect(result.report.countries[0]!.drafts.map((d) => d.file)).toEqual(['drafts/AAA-2026-narrative.docx', 'drafts/AAA-2026-demarche.docx', 'drafts/AAA-2026-nonpaper.docx', 'drafts/AAA-2026-press.docx']);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain('<a href="drafts/AAA-2026-demarche.docx">demarche</a>');
    // 2026 has no settings yet: every blank once, with the number of countries that carry it.
    expect(result.report.draftPlaceholders.map((p) => [p.token, p.countries])).toEqual(expect.arrayContaining([['[RELEASE DATE]', 1], ['[DELIVERY WINDOWS]', 1]]));
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toMatch(/## Blanks in the drafts[\s\S]*\| \\\[RELEASE DATE\\\] \| release\.date \| 1 \|/);
    const paras = docxParagraphs(readZip(readFileSync(join(out, 'report.docx'))).get('word/document.xml')!.data.toString('utf8'));
    expect(paras[0]).toEqual({ style: 'Title', text: 'Trafficking in Persons Report 2026: tier assessments of the year' });
    expect(paras.filter((p) => p.style === 'Heading2').map((p) => p.text)).toEqual(['Countries by tier', 'Tier placements', 'Special Watch List', 'Tier 3', 'Waiver decisions', 'Blanks in the drafts', 'Failed files']);
    expect(paras.some((p) => p.text === 'Alphaland (AAA, EUR)')).toBe(true);

    // --strict: a country whose drafts have blanks fails, and no draft of it is written.
    const strict = await runBatch(dir, { year: 2026, outDir: join(root, 'strict'), strict: true });
    expect(strict.failures.map((f) => [f.file, f.diagnostics[0]?.expected])).toEqual([['AAA-2026.yaml', 'drafts without placeholders (--strict)']]);
    expect(strict.written.filter((f) => f.startsWith('drafts/'))).toEqual([]);
  });

  test('the Word report writes the timelines as runs of years, with the waiver and downgrade years', async () => {
    const r = buildReport(inputs(entries));
    const t = r.timelines.find((x) => x.iso3 === 'CCC')!;
    expect(timelineWords(t)).toBe('Tier 2 2001-2018; Tier 2 Watch List 2019 (waiver 2019)');
    const bytes = await renderReportDocx(r);
    expect(Buffer.from(await renderReportDocx(r)).equals(Buffer.from(bytes))).toBe(true);
  });
});
