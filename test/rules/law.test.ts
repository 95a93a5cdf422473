import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { erasOf } from '../../src/assess/era.js';
import { CLOCK_IDS, clockLaw } from '../../src/history/clock/law.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { lawOfYear } from '../../src/render/law.js';
import { bundledCorpus } from '../../src/rules/corpus.js';
import { firstYearOf, watchListGroundsInForce } from '../../src/rules/law.js';
import { textProblems } from '../support/corpus-health.js';
import { LAW } from '../support/law.js';

/**
 * Corpus-wide health of the law in rules/: every id the code names exists, the years the code
 * uses are the rule files' own, the files are verified and carry the statute's words, and the
 * clock's rules point at the module that computes them.
 */

const corpus = bundledCorpus();
const all = [...corpus.rules, ...corpus.parameters];
const ids = new Set(all.map((r) => r.id));

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}
const SRC = walk(join(PACKAGE_ROOT, 'src')).sort();

/** The code of a file without its comments (years in comments are documentation). */
function code(file: string): string {
  return readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' '))
    .replace(/(^|[^:'"`\\])\/\/.*$/gm, (m, p: string) => p + ' '.repeat(m.length - p.length));
}

describe('the code names only what the corpus has', () => {
  test('every rule or parameter id written in src/ resolves to a file of the corpus', () => {
    const missing: string[] = [];
    for (const f of SRC) {
      for (const m of code(f).matchAll(/['"`]((?:22usc|19usc)\d+(?:\.[A-Za-z0-9-]+)+|(?:rubric|practice)\.[a-z0-9.-]+)['"`]/g)) {
        if (!ids.has(m[1]!)) missing.push(`${relative(PACKAGE_ROOT, f)}: ${m[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });

  test("the clock's rules name the module that computes what they read, and it exists", () => {
    const clockRules = all.filter((r) => r.computed_by !== undefined);
    expect(clockRules.map((r) => r.id).sort()).toEqual(expect.arrayContaining([CLOCK_IDS.downgrade, CLOCK_IDS.waiver, CLOCK_IDS.ruleF]));
    for (const r of clockRules) expect(existsSync(join(PACKAGE_ROOT, r.computed_by!)), `${r.file}: ${r.computed_by}`).toBe(true);
  });
});

describe('the years the code uses are the rule files\' own', () => {
  test("the clock's first reports are the effective years of the Watch List, downgrade and rule (F) files", () => {
    const cl = clockLaw(LAW);
    expect(cl.watchListFrom).toBe(firstYearOf(LAW, CLOCK_IDS.watchList));
    expect(cl.countingFrom).toBe(firstYearOf(LAW, CLOCK_IDS.downgrade));
    expect(cl.ruleFFrom).toBe(firstYearOf(LAW, CLOCK_IDS.ruleF));
    // The clock's rule files and its parameter files start together.
    expect(firstYearOf(LAW, CLOCK_IDS.consecutiveYears)).toBe(cl.countingFrom);
    expect(firstYearOf(LAW, CLOCK_IDS.waiverYears)).toBe(cl.countingFrom);
  });

  test('each era starts in a year a statute file starts, or when the downgrade first applies', () => {
    const starts = new Set(all.filter((r) => r.layer === 'statute').map((r) => r.effective.from));
    const cl = clockLaw(LAW);
    const downgrade = cl.countingFrom + cl.at(cl.countingFrom).freeYears;
    const eras = erasOf(LAW);
    for (const e of eras) expect(starts.has(e.from) || e.from === downgrade, `era ${e.id} from ${e.from}`).toBe(true);
    for (let i = 1; i < eras.length; i++) expect(eras[i]!.from).toBe(eras[i - 1]!.to! + 1);
  });

  test('the Watch List grounds in force, as the drafts list them, are the ground rule files in force', () => {
    for (let y = 2001; y <= 2030; y++) {
      const fromCorpus = watchListGroundsInForce(LAW, y);
      expect(lawOfYear(y, corpus).watchListGrounds.map((g) => [g.ground, g.text])).toEqual(fromCorpus.map((g) => [g.ground, g.text]));
    }
  });

  test('the drafts explain the counting the clock applies', () => {
    const cl = clockLaw(LAW);
    for (let y = cl.countingFrom; y <= cl.countingFrom + 15; y++) {
      const law = lawOfYear(y, corpus);
      expect(law.firstCountedYear).toBe(cl.countingFrom);
      expect(law.freeYears).toBe(cl.at(y).freeYears);
      expect(law.ruleF).toBe(cl.at(y).ruleF);
    }
  });
});

describe('rule files are verified and literate', () => {
  /** A file whose sources have not been checked for this many years is listed. */
  const MAX_AGE_YEARS = 2;
  test(`every file was verified against its sources in the last ${MAX_AGE_YEARS} years`, () => {
    const today = new Date();
    const limit = new Date(Date.UTC(today.getUTCFullYear() - MAX_AGE_YEARS, today.getUTCMonth(), today.getUTCDate()));
    const stale = all.filter((r) => new Date(`${r.verified_on}T00:00:00Z`) < limit).map((r) => `${r.file}: verified ${r.verified_on}`);
    expect(stale).toEqual([]);
  });

  test("every statute file carries the statute's words, verbatim or saying why not, for every year it covers", () => {
    expect(textProblems(corpus)).toEqual([]);
  });

  test('no rule file points outside the project (working notes, ../shared)', () => {
    const problems: string[] = [];
    for (const r of all) {
      const text = readFileSync(join(PACKAGE_ROOT, r.file), 'utf8');
      for (const bad of ['tvpa-rules.md', 'product.md', '../shared', 'FINDINGS.md']) if (text.includes(bad)) problems.push(`${r.file}: ${bad}`);
    }
    expect(problems).toEqual([]);
  });

  test('numbered_as citations read as the TVPA section numbers them ("§110(b)(3)(D)(i)")', () => {
    for (const r of all) for (const n of r.numbered_as ?? []) expect(n.citation, r.file).toMatch(/^§1\d\d\(/);
  });
});

describe('year literals in src/', () => {
  /**
   * Every report year written in the code (comments aside), with why it may stay. `law` entries are
   * statutory years that other engineers' files still hold and that should come from the corpus
   * (their owners are named): the test lists them so that none is added silently.
   */
  const ALLOWED: Record<string, { years: number[]; why: string }> = {
    'src/model/tier.ts': { years: [2001], why: 'bound: the first report (TVPA of 2000), the floor of every year the tool reads' },
    'src/rules/schema.ts': { years: [2001, 2100, 2009], why: 'bound of a rule file year; an example in a message' },
    'src/history/tier3-consequences.ts': { years: [2003], why: 'statute quote: "reports submitted on or after January 1, 2003" (114 Stat. 1483)' },
    'src/cli/commands/history.ts': { years: [2020], why: 'example in the help' },
    'src/cli/args.ts': { years: [2009], why: 'example in a message' },
    'src/cli/assess-options.ts': { years: [2004, 2005, 2006], why: 'help text (the transitional clause; an --effective example)' },
    'src/cli/commands/batch.ts': { years: [2025], why: 'example in a message' },
    'src/cli/commands/demo.ts': { years: [2009], why: 'help: the bundled example is the 2009 report' },
    'src/cli/commands/render.ts': { years: [2009], why: 'help: the 2009 cable; the settings format' },
    'src/evidence/schema.ts': { years: [2100], why: 'bound of a year field (next year is checked beside it)' },
    'src/evidence/sections.ts': { years: [1990, 2100], why: 'bounds of a year field' },
    'src/rules/stages.ts': { years: [2019], why: 'law (evidence): a fact description names the 2019 wording of the data presumption' },
    'src/report-year/schema.ts': { years: [2100, 2009], why: 'bound of a year key; an example in a message' },
    'src/evidence/skeleton.ts': { years: [2008], why: 'law (evidence): a comment in the skeleton names the last report of the significant-number scope' },
    'src/serve/api-evidence.ts': { years: [2000], why: 'a placeholder year for a file name (the extension of each format)' },
    'src/evidence/descriptions.ts': { years: [2000, 2004, 2008, 2019], why: 'help texts of the evidence fields (evidence): the Palermo Protocol of 2000, and the report years a field applies to, which could come from the rule files' },
    'src/render/docx/build.ts': { years: [2001, 2006], why: 'not report years: XML namespace URLs of the Word format' },
    'src/render/figures.ts': { years: [2000], why: 'not a report year: the 2000 UN TIP Protocol' },
    'src/render/layout.ts': { years: [2001], why: 'bound: the first report, where the layouts start' },
    'src/render/view-cable.ts': { years: [2001], why: 'bound: the first report' },
    'src/report-year/zone.ts': { years: [2007], why: 'not the TVPA: the U.S. daylight-saving rule changed in 2007 (Energy Policy Act of 2005)' },
    'src/serve/workspace.ts': { years: [2000], why: 'not a year: the most files a workspace lists' },
  };
  test('each is listed with its reason, and no listed one is gone unnoticed', () => {
    const found: Record<string, number[]> = {};
    for (const f of SRC) {
      const years = [...code(f).matchAll(/(?<![\d.\w-])(19[9]\d|20\d\d|2100)(?!\d)/g)].map((m) => Number(m[1]));
      if (years.length) found[relative(PACKAGE_ROOT, f)] = [...new Set(years)].sort();
    }
    const unlisted = Object.entries(found).filter(([f, ys]) => ys.some((y) => !ALLOWED[f]?.years.includes(y)));
    expect(unlisted, 'a year literal in code that no entry explains').toEqual([]);
    const stale = Object.keys(ALLOWED).filter((f) => !found[f]);
    expect(stale, 'listed files with no year literal left (remove them from the list)').toEqual([]);
  });
});
