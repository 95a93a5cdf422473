import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { beforeAll, describe, expect, test } from 'vitest';
import { assessEvidence } from '../../src/assess/assess.js';
import { assessFile, historyContext } from '../../src/assess/file.js';
import type { Assessment } from '../../src/assess/types.js';
import type { Evidence } from '../../src/evidence/schema.js';
import { parseLedger, readLedger } from '../../src/ledger/ledger.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { DRAFT_FORMATS, renderDocxEach, renderDocuments, renderEach, type RenderedDocument } from '../../src/render/index.js';
import { addDays } from '../../src/render/words.js';
import { resolveReportYear } from '../../src/report-year/resolve.js';
import { bundledCorpus } from '../../src/rules/corpus.js';
import { lawOf } from '../../src/rules/law.js';
import { parameterAt } from '../../src/rules/parameters.js';
import { whatIf } from '../../src/whatif/index.js';
import type { WhatIf } from '../../src/whatif/types.js';
import { baseEvidence } from '../support/evidence.js';

/**
 * The action plan draft (`--doc action-plan`): China 2009 byte for byte in text and Markdown (the
 * golden files in test/whatif/golden/, read against the what-if), in Word as every draft is; the
 * demarche and the press guidance in the plan's order; the statutory deadline for a country
 * upgraded from Tier 3 to the Watch List from the 2019 report, from the parameter file.
 */
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const GOLDEN = join(PACKAGE_ROOT, 'test', 'whatif', 'golden');
const LEDGER = join(PACKAGE_ROOT, 'examples', 'tiers.csv');

let assessment: Assessment;
let evidence: Evidence;
let plan: WhatIf;
beforeAll(async () => {
  ({ assessment, evidence } = await assessFile(join(PACKAGE_ROOT, 'examples', 'CHN-2009.yaml'), { historyPath: LEDGER }));
  plan = await whatIf({ evidence, ledger: readLedger(LEDGER) });
});

describe('the action plan draft, China 2009', () => {
  for (const format of ['text', 'markdown'] as const) {
    test(`${format}: matches its golden file byte for byte`, () => {
      const [doc] = renderDocuments(assessment, evidence, { docs: ['action-plan'], format, whatIf: plan }) as RenderedDocument[];
      const file = join(GOLDEN, doc!.fileName);
      if (UPDATE) writeFileSync(file, doc!.content);
      expect(existsSync(file), `${file} is missing: UPDATE_GOLDEN=1 npx vitest run test/whatif/action-plan.test.ts`).toBe(true);
      expect(doc!.content).toBe(readFileSync(file, 'utf8'));
    });
  }

  test('the text names the actions in the what-if order, with their provisions, and the clock next year', () => {
    const text = renderDocuments(assessment, evidence, { docs: ['action-plan'], format: 'text', whatIf: plan })[0]!.content;
    const first = text.indexOf('1. Provide evidence of increasing efforts');
    expect(first).toBeGreaterThan(0);
    expect(text.indexOf('2. Provide the Department with data on trafficking investigations')).toBeGreaterThan(first);
    expect(text).toContain('(§108(b)(11)). Toward Tier 2.');
    expect(text).toContain("it describes the country's situation, and is not asked of the government");
    expect(text).toContain('makes the 2011 report the first in which the automatic downgrade applies');
    expect(text).not.toMatch(/Provide[^.]*(number of victims|very significant)/); // the situational ground is never an action
  });

  test('every draft format renders it, Word included', async () => {
    expect(DRAFT_FORMATS).toEqual(['text', 'markdown', 'docx']);
    const [docx] = await renderDocxEach(assessment, evidence, { docs: ['action-plan'], whatIf: plan });
    expect(docx!.ok).toBe(true);
    if (!docx!.ok) return;
    const bytes = docx!.value.bytes;
    expect(Buffer.from(bytes.slice(0, 2)).toString()).toBe('PK');
    const dir = mkdtempSync(join(tmpdir(), 'tip-ap-'));
    const file = join(dir, docx!.value.fileName);
    writeFileSync(file, bytes);
    // Pandoc reads the Word file back to the words of the text draft (CI installs it; skipped without).
    let words: string | undefined;
    try {
      words = execFileSync('pandoc', ['-t', 'plain', '--wrap=none', file], { encoding: 'utf8' });
    } catch {
      words = undefined;
    }
    if (words !== undefined) expect(words).toContain('1. Provide evidence of increasing efforts to combat trafficking compared with the previous year');
  });

  test('"all" drafts it only with a what-if; asked for without one, it fails alone', () => {
    expect(renderDocuments(assessment, evidence, { docs: 'all' }).map((d) => d.doc)).toEqual(['narrative', 'demarche', 'nonpaper', 'press']);
    expect(renderDocuments(assessment, evidence, { docs: 'all', whatIf: plan }).map((d) => d.doc)).toEqual(['narrative', 'demarche', 'nonpaper', 'press', 'action-plan']);
    const outcomes = renderEach(assessment, evidence, { docs: ['press', 'action-plan'] });
    expect(outcomes.map((o) => [o.doc, o.ok])).toEqual([
      ['press', true],
      ['action-plan', false],
    ]);
  });

  test('the press guidance and the demarche follow the plan: the recommendations on its first provisions first', () => {
    const press = renderDocuments(assessment, evidence, { docs: ['press'], format: 'text', whatIf: plan })[0]!.content;
    const answer = press.slice(press.indexOf('could: '));
    expect(answer.startsWith('could: significantly improve efforts to investigate and prosecute')).toBe(true); // covers b1, b7
    const unordered = renderDocuments(assessment, evidence, { docs: ['press'], format: 'text' })[0]!.content;
    expect(unordered.slice(unordered.indexOf('could: ')).startsWith('could: revise anti-trafficking laws')).toBe(true); // the officer's order
    const demarche = renderDocuments(assessment, evidence, { docs: ['demarche'], format: 'text', whatIf: plan })[0]!.content;
    expect(demarche).toContain("In order of priority, the Government of the People's Republic of China should: provide evidence of increasing efforts");
  });
});

describe('the statutory deadline of 22 U.S.C. 7107(b)(4)', () => {
  test('a country upgraded from Tier 3 to the Watch List from the 2019 report: within the days of the parameter file, dated from the release', async () => {
    const year = 2020;
    const corpus = bundledCorpus();
    const ev = baseEvidence(year, { comparison_with_previous_year: { increasing_efforts: false, rationale: 'no increase' } });
    const ledger = parseLedger('iso3,year,tier\nTST,2018,3\nTST,2019,3\n', 'tiers.csv');
    const a = await assessEvidence(ev, historyContext(ledger, 'TST', year, lawOf(corpus)), {}, corpus);
    expect([a.tier, a.previousTier]).toEqual(['2WL', '3']);
    const w = await whatIf({ evidence: ev, ledger, corpus });
    const text = renderDocuments(a, ev, { docs: ['action-plan'], format: 'text', whatIf: w })[0]!.content;
    const days = parameterAt<{ days: number }>('22usc7107.b.4.action-plan', year, corpus).value.days;
    const release = resolveReportYear(year).release.date!;
    const due = new Date(`${addDays(release, days)}T00:00:00Z`).toLocaleDateString('en-US', { month: 'long', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
    expect(text).toContain(`within ${days} days of the Report's release (22 U.S.C. 7107(b)(4)), that is by ${due}.`);
    // Before the 2019 report the statute sets no such deadline.
    const before = baseEvidence(2015, { comparison_with_previous_year: { increasing_efforts: false, rationale: 'no increase' } });
    const l2 = parseLedger('iso3,year,tier\nTST,2013,3\nTST,2014,3\n', 'tiers.csv');
    const b = await assessEvidence(before, historyContext(l2, 'TST', 2015, lawOf(corpus)), {}, corpus);
    const t2 = renderDocuments(b, before, { docs: ['action-plan'], format: 'text', whatIf: await whatIf({ evidence: before, ledger: l2, corpus }) })[0]!.content;
    expect(t2).not.toContain('days of the Report');
  });
});
