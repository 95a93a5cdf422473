import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Assessment } from '../../src/assess/types.js';
import { computeClock } from '../../src/history/clock.js';
import { countryHistory } from '../../src/ledger/history.js';
import { readLedger } from '../../src/ledger/ledger.js';
import type { Evidence } from '../../src/evidence/schema.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { renderDocuments, type RenderedDocument } from '../../src/render/index.js';
import { CHINA_2009_CLOCK } from '../render/support.js';
import { assessFile } from '../../src/assess/file.js';
import { LAW } from '../support/law.js';

/**
 * Golden files: the four China 2009 drafts, byte for byte. They were generated once
 * (UPDATE_GOLDEN=1 npx vitest run test/golden) and then read against the 2009 cable, seed 003
 * (structure, register, figures; see README.md in this folder). Any change to a template, a view
 * model or the example shows up here as a diff to read again.
 *
 * The assessment uses the clock the real ledger gives China for 2009 (Watch List 2005-2008 after
 * Tier 2 in 2004): 4 consecutive Watch List years before 2009, none counted, earliest downgrade
 * in the 2011 report, two waiver years allowed. The cable says "sixth consecutive year"; the
 * ledger gives the fifth, and the drafts say what the ledger gives.
 */

const GOLDEN_DIR = join(PACKAGE_ROOT, 'test', 'golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

let assessment: Assessment;
let evidence: Evidence;

beforeAll(async () => {
  // The path a desk officer takes: `tip render examples/CHN-2009.yaml --history examples/tiers.csv`.
  const assessed = await assessFile(join(PACKAGE_ROOT, 'examples', 'CHN-2009.yaml'), { historyPath: join(PACKAGE_ROOT, 'examples', 'tiers.csv') });
  evidence = assessed.evidence;
  assessment = assessed.assessment;
});

function render(format: 'text' | 'markdown'): RenderedDocument[] {
  // No settings passed: the 2009 release facts come from the bundled data/report-years.yaml.
  return renderDocuments(assessment, evidence, { docs: 'all', format });
}

describe('China 2009 drafts', () => {
  test('the clock used is the one the bundled ledger gives China for 2009', () => {
    for (const ledgerPath of [join(PACKAGE_ROOT, 'examples', 'tiers.csv'), join(PACKAGE_ROOT, '..', 'shared', 'data', 'tip-tiers.csv')]) {
      const c = computeClock(countryHistory(readLedger(ledgerPath), 'CHN'), 2009, LAW);
      expect({
        consecutiveWatchListYears: c.consecutiveWatchListYears,
        countedWatchListYears: c.countedWatchListYears,
        earliestDowngradeYear: c.earliestDowngradeYear,
        waiverYearsAllowed: c.waiverYearsAllowed,
        watchListPlacement: c.watchListPlacement,
      }).toEqual({
        consecutiveWatchListYears: CHINA_2009_CLOCK.consecutiveWatchListYears,
        countedWatchListYears: CHINA_2009_CLOCK.countedWatchListYears,
        earliestDowngradeYear: CHINA_2009_CLOCK.earliestDowngradeYear,
        waiverYearsAllowed: CHINA_2009_CLOCK.waiverYearsAllowed,
        watchListPlacement: CHINA_2009_CLOCK.watchListPlacement,
      });
    }
  });

  test('the assessment is the published one: Tier 2 Watch List, again', () => {
    expect(assessment.tier).toBe('2WL');
    expect(assessment.tierChange).toBe('same');
    expect(assessment.clockEffect).toBe('none');
  });

  for (const format of ['text', 'markdown'] as const) {
    test(`${format}: each document matches its golden file byte for byte`, () => {
      const docs = render(format);
      expect(docs.map((d) => d.fileName)).toEqual(
        ['narrative', 'demarche', 'nonpaper', 'press'].map((d) => `CHN-2009-${d}.${format === 'text' ? 'txt' : 'md'}`),
      );
      for (const d of docs) {
        const golden = join(GOLDEN_DIR, d.fileName);
        if (UPDATE) writeFileSync(golden, d.content);
        expect(existsSync(golden), `${golden} is missing: run UPDATE_GOLDEN=1 npx vitest run test/golden`).toBe(true);
        expect(d.content).toBe(readFileSync(golden, 'utf8'));
      }
    });
  }

  test('the drafts contain what the cable requires, from data', () => {
    const byDoc = Object.fromEntries(render('text').map((d) => [d.doc, d.content]));
    const all = Object.values(byDoc).join('\n');
    expect(byDoc.narrative).toMatch(/^CHINA \(TIER 2 WATCH LIST\)\n/);
    expect(byDoc.narrative).toContain('Recommendations for China: Revise anti-trafficking laws');
    expect(byDoc.press).toContain('Q1: Why was China again given a ranking of Tier 2 Watch List?');
    // The ledger's count (the cable says "sixth"): 4 years before 2009, so 2009 is the fifth.
    expect(byDoc.press).toContain('therefore, China is placed on Tier 2 Watch List for a fifth consecutive year.');
    expect(all).not.toContain('sixth');
    expect(byDoc.nonpaper).toContain('in the 2011 TIP Report (i.e., a country would have to be ranked Tier 2 Watch List in the 2009 and 2010 Reports');
    expect(byDoc.nonpaper).toContain('the downgrade to Tier 3 could apply, at the earliest, in the 2011 Report.');
    expect(byDoc.nonpaper).toContain('On June 16, 2009, the Secretary of State will release the ninth annual TIP Report');
    expect(byDoc.demarche).toContain('no earlier than 12 noon local time Monday June 15 for WHA, AF, EUR, and NEA posts and OOB local time Tuesday June 16 for SCA and EAP posts');
    expect(byDoc.demarche).toContain('1. This is an action cable; see paras 5 through 7 and 10.');
    expect(byDoc.demarche).toContain('Ambassador-at-Large Luis CdeBaca');
    expect(byDoc.demarche).toMatch(/\nCLINTON\n$/);
    // The demarche carries the narrative, the non-paper and the press guidance in place.
    expect(byDoc.demarche).toContain(`8. Begin final text of China's country narrative in the 2009 TIP Report:\n\n${byDoc.narrative}\nEnd final text`);
    expect(byDoc.demarche).toContain('(begin non-paper)');
    expect(byDoc.demarche).toContain('11. The following is press guidance provided for Post to use with local media.\n\nQ1: Why was China again');
    // China's tier did not go down: no lowered-tier paragraph; it is not Tier 3: no reassessment paragraph.
    expect(byDoc.demarche).not.toContain('has lowered');
    expect(byDoc.demarche).not.toContain('As a Tier 3 country');
  });

  test('rendering is byte-identical across runs', () => {
    expect(render('text')).toEqual(render('text'));
  });
});
