import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import type { CountryHistory } from '../../src/ledger/history.js';
import type { Tier } from '../../src/model/tier.js';
import { renderJson } from '../../src/batch/formats.js';
import { renderHtml } from '../../src/batch/html.js';
import { renderMarkdown } from '../../src/batch/markdown.js';
import { buildReport, type ReportInputs } from '../../src/batch/report-model.js';
import { buildTimeline } from '../../src/batch/timeline.js';
import type { BatchEntry } from '../../src/batch/types.js';
import { peekReportYear } from '../../src/batch/files.js';
import Handlebars from 'handlebars';
import { escapeMarkdown } from '../../src/batch/escape.js';
import { assessedEntry, fullHistory, waiverPatch } from './support.js';
import { LAW } from '../support/law.js';

const YEAR = 2019;
const history = (iso3: string, last: Record<number, Tier>, gap?: number) => fullHistory(iso3, YEAR, last, gap);

/** Real assessments: the rules decide the tier, the history module the clock, the Special Watch List and Tier 3. */
let pool: BatchEntry[];

beforeAll(async () => {
  const make = (iso3: string, name: string, tier: '1' | '2' | '2WL' | '3', h: CountryHistory, patch: unknown = {}) => assessedEntry(YEAR, iso3, name, tier, h, patch);
  pool = [
    await make('AAA', 'Alphaland', '1', history('AAA', {})),
    await make('BBB', 'Betaland', '2', history('BBB', {})),
    // Two counted Watch List years (2017, 2018): a third needs a waiver (one allowed from 2019).
    await make('CCC', 'Gammaland', '2WL', history('CCC', { 2017: '2WL', 2018: '2WL' }), waiverPatch(true)),
    await make('DDD', 'Deltaland', '2WL', history('DDD', { 2017: '2WL', 2018: '2WL' }), waiverPatch(false)),
    // Last year missing: whether Tier 1 is an upgrade (a Special Watch List ground) is unknown.
    await make('EEE', 'Epsilonland', '1', history('EEE', {}, 2018)),
  ];
});

function inputs(entries: BatchEntry[]): ReportInputs {
  return {
    year: YEAR,
    entries,
    failures: [{ file: 'ZZZ-2019.yaml', diagnostics: [{ file: 'ZZZ-2019.yaml', line: 3, col: 5, path: ['country', 'iso3'], code: 'x', expected: 'an ISO code', found: '"<b>"' }] }],
    skipped: [],
    timelines: entries.map((e) => buildTimeline(null, e.assessment, YEAR, LAW)),
    history: 'tiers.csv',
    waivers: null,
    files: entries.length + 1,
    readings: { ruleF: 'after-waiver-run', specialCaseBreaksRun: true },
  };
}

describe('the report model', () => {
  test('lists the Special Watch List, Tier 3 and waiver decisions from what the assessments say', () => {
    const r = buildReport(inputs(pool));
    expect(pool.map((e) => e.assessment.tier)).toEqual(['1', '2', '2WL', '3', '1']);
    expect(r.specialWatchList.map((s) => [s.iso3, s.member])).toEqual([
      ['AAA', true],
      ['EEE', 'unknown'],
      ['CCC', true],
    ]);
    // 45 and 90 days after June 20, 2019 (22 U.S.C. 7107(c)); restrictions for FY2020 (7107(d)).
    expect(r.tier3).toEqual([{ iso3: 'DDD', name: 'Deltaland', previousTier: '2WL', clockEffect: 'automatic-downgrade', determinationWindow: { minDays: 45, maxDays: 90, from: '2019-08-04', to: '2019-09-18' }, fiscalYear: 2020 }]);
    expect(r.waiverDecisions.map((w) => [w.iso3, w.outcome])).toEqual([
      ['DDD', 'automatic-downgrade'],
      ['CCC', 'waiver-granted'],
    ]);
    expect(r.changes).toMatchObject({ upgrade: 1, downgrade: 1, same: 2, unknown: 1, automaticDowngrade: 1, waiver: 1 });
    expect(r.interimAssessment?.due).toBe('2020-02-01');
    expect(r.failures).toEqual([{ file: 'ZZZ-2019.yaml', errors: ['ZZZ-2019.yaml:3:5: country.iso3: expected an ISO code, found "<b>"'] }]);
  });

  test('the Markdown and HTML mark the automatic downgrade and the waiver, and give the window and fiscal year', () => {
    const r = buildReport(inputs(pool));
    const md = renderMarkdown(r);
    expect(md).toMatch(/\| Deltaland \| DDD \| .* \| downgrade; automatic downgrade \(§110\(b\)\(2\)\(D\)\(i\)\) \|/);
    expect(md).toMatch(/\| Gammaland \| CCC \| .* \| no change; waiver \(§110\(b\)\(2\)\(D\)\(ii\)\) \|/);
    expect(md).toContain('| Deltaland | DDD | Tier 2 Watch List | automatic downgrade (§110(b)(2)(D)(i)) | 2019-08-04 to 2019-09-18 (45-90 days after release) | FY2020 |');
    const html = renderHtml(r);
    expect(html).toContain('<span class="mark">automatic downgrade (§110(b)(2)(D)(i))</span>');
    expect(html).toContain('found &quot;&lt;b&gt;&quot;');
    expect(html).not.toContain('"<b>"');
  });

  test('before the 2004 report there is no Special Watch List and no interim assessment', () => {
    const r = buildReport({ ...inputs([]), year: 2003 });
    expect(r.interimAssessment).toBeNull();
    expect(renderMarkdown(r)).toContain('There is no Special Watch List in the 2003 report');
  });
});

describe('properties', () => {
  test('the report does not depend on the order of the files', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray([0, 1, 2, 3, 4], { minLength: 0, maxLength: 5 }), (order) => {
        const entries = order.map((i) => pool[i]!);
        const sorted = [...order].sort().map((i) => pool[i]!);
        const a = buildReport(inputs(entries));
        const b = buildReport(inputs(sorted));
        expect(renderJson(a)).toBe(renderJson(b));
        expect(renderMarkdown(a)).toBe(renderMarkdown(b));
        expect(renderHtml(a)).toBe(renderHtml(b));
      }),
      { numRuns: 60 },
    );
  });

  test('every text from the evidence is escaped: no name can add markup to the page or a cell to a table', () => {
    const nasty = fc.string({ unit: fc.constantFrom('<', '>', '&', '"', "'", '|', '*', '_', '`', '\\', '[', ']', '\n', 'a', ' ', 's', 'c', 'r', 'i', 'p', 't', '/'), minLength: 1, maxLength: 20 });
    const named = (name: string) => {
      const e = pool[3]!;
      return buildReport(inputs([{ ...e, assessment: { ...e.assessment, country: { ...e.assessment.country, name } } }]));
    };
    // Our tags, with attribute values blanked (a name may be an attribute's value, escaped).
    const tags = (html: string) => (html.match(/<[^>]*>/g) ?? []).map((t) => t.replace(/="[^"]*"/g, '=""'));
    // A pipe that splits a Markdown table cell: one not escaped by a backslash.
    const cells = (md: string) => md.split('\n').map((l) => l.replace(/\\\\/g, '').split(/(?<!\\)\|/).length);
    const plain = named('Plainland');
    const plainTags = tags(renderHtml(plain));
    const plainCells = cells(renderMarkdown(plain));
    fc.assert(
      fc.property(nasty, (name) => {
        const r = named(name);
        const html = renderHtml(r);
        // Exactly our tags, in our order: the name added none and broke none.
        expect(tags(html)).toEqual(plainTags);
        expect(html).toContain(Handlebars.escapeExpression(name));
        const md = renderMarkdown(r);
        expect(cells(md)).toEqual(plainCells);
        expect(md).toContain(escapeMarkdown(name));
      }),
      { numRuns: 200 },
    );
  });
});

describe('peekReportYear', () => {
  test('reads a top-level report_year line, and only an unambiguous one', () => {
    expect(peekReportYear('country:\n  name: X\nreport_year: 2009\n')).toBe(2009);
    expect(peekReportYear('report_year: 2010 # the June report\n')).toBe(2010);
    expect(peekReportYear('nested:\n  report_year: 2009\n')).toBeNull();
    expect(peekReportYear('report_year: "2009"\n')).toBeNull();
    expect(peekReportYear('report_year: 2009\nreport_year: 2010\n')).toBeNull();
    expect(peekReportYear('text: |\n  report_year: 2009\n')).toBeNull();
  });
});
