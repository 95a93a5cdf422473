import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import * as z from 'zod';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { lawOfYear } from '../../src/render/law.js';
import { bundledCorpus, inForce } from '../../src/rules/corpus.js';
import { baseEvidence } from '../support/evidence.js';
import { assess, clock, renderAll } from './support.js';

/**
 * Issue 13: "the drafts' non-paper paraphrases can then be checked against that text". Every
 * sentence the non-paper prints, in every report year, is either a claim tied to the rule whose
 * statute words it paraphrases (checked here against those words, numbers included) or listed as
 * not a statement of a provision, with the reason (test/render/nonpaper-statute.yaml says how).
 */

const Spec = z.strictObject({
  claims: z.array(
    z.strictObject({
      says: z.string(),
      rule: z.string(),
      version: z.enum(['in-force', 'previous-year', 'in-force-or-first']).optional(),
      statute: z.array(z.string()),
      partly_read: z.array(z.strictObject({ phrase: z.string(), why: z.string() })).optional(),
    }),
  ),
  not_statute: z.array(z.strictObject({ says: z.string(), why: z.string(), whole_bullet: z.boolean().optional() })),
  ground_departures: z.array(z.strictObject({ ground: z.enum(['I', 'II', 'III']), statute: z.string(), why: z.string() })),
  departures: z.array(z.strictObject({ quote: z.string(), statute: z.string().optional(), why: z.string() })),
});

const spec = Spec.parse(parse(readFileSync(join(PACKAGE_ROOT, 'test', 'render', 'nonpaper-statute.yaml'), 'utf8')));
const corpus = bundledCorpus();
const COUNTRY = 'Testland';
const WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const NUMBER = `(\\d+|${WORDS.join('|')})`;

const numberOf = (s: string) => (/^\d+$/.test(s) ? Number(s) : WORDS.indexOf(s.toLowerCase()));
/** Case, line breaks and typographic quotes aside. */
const norm = (s: string) => s.replace(/[’‘]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim().toLowerCase();
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A `says` or `statute` pattern as a regular expression; {N} is the only capturing group.
 * {a|b} is one of the alternatives written (an empty one allowed: {new |}).
 */
function pattern(text: string): string {
  return text
    .split(/(\{[^{}]*\})/)
    .map((part) => {
      if (part === '{N}') return NUMBER;
      if (part === '{Y}') return '\\d{4}';
      if (part === '{...}' || part === '{grounds}') return '(?:.*?)';
      if (part === '{country}') return escape(COUNTRY);
      if (part.startsWith('{') && part.endsWith('}') && part.includes('|')) return `(?:${part.slice(1, -1).split('|').map(escape).join('|')})`;
      return escape(part);
    })
    .join('');
}

/** The statute words of a rule as in force in `year`: the version in force, then its latest text entry on or before the year. */
function wordsOf(id: string, year: number): { words: string; verbatim: boolean } | undefined {
  const version = [...corpus.rules, ...corpus.parameters].find((r) => r.id === id && inForce(r, year));
  const entries = (version?.text ?? []).filter((t) => t.from <= year).sort((a, b) => a.from - b.from);
  const last = entries[entries.length - 1];
  return last ? { words: last.words, verbatim: last.verbatim !== false } : undefined;
}

/** Every statute text in force in `year`, for quotations. */
function allWords(year: number): string {
  return norm([...corpus.rules, ...corpus.parameters].filter((r) => inForce(r, year)).flatMap((r) => wordsOf(r.id, year)?.words ?? []).join('\n'));
}

/** The year whose words a claim printed in `year` is checked against (its `version`). */
function checkedYear(claim: (typeof spec.claims)[number], year: number): number {
  if (claim.version === 'previous-year') return year - 1;
  if (claim.version === 'in-force-or-first' && wordsOf(claim.rule, year) === undefined) {
    return Math.min(...[...corpus.rules, ...corpus.parameters].filter((r) => r.id === claim.rule).map((r) => r.effective.from));
  }
  return year;
}

interface Found {
  year: number;
  claim: (typeof spec.claims)[number];
  text: string;
  number: number | undefined;
}

const nonpapers = new Map<number, string>();
const scenarioTexts = new Map<string, string>();
const found: Found[] = [];
const leftovers: { year: number; text: string }[] = [];

/** Findings that put a country on the Watch List (ground (II)); a granted waiver. */
const noIncreasingEfforts = { comparison_with_previous_year: { increasing_efforts: false, rationale: 'The government did not increase its efforts.' } };
const waiverGranted = { ...noIncreasingEfforts, waiver: { written_plan: true, plan_would_constitute_significant_efforts: true, sufficient_resources: true, granted: true } };

/**
 * Besides a Tier 2 country in every year, each branch of the country's own clock point: a Watch
 * List year before and after the count began and after 2019, an automatic downgrade and a waiver
 * under both waiver laws, and rule (F). Hand-made clocks as in test/render/branches.test.ts.
 */
const SCENARIOS: { label: string; year: number; patch: unknown; clock: Parameters<typeof clock>[1]; previousTier: '2' | '2WL' | '3' }[] = [
  { label: 'Watch List, 2006', year: 2006, patch: noIncreasingEfforts, clock: { consecutiveWatchListYears: 2, earliestDowngradeYear: null }, previousTier: '2WL' },
  { label: 'Watch List, first counted year', year: 2009, patch: noIncreasingEfforts, clock: { consecutiveWatchListYears: 3, countedWatchListYears: 1, earliestDowngradeYear: 2011 }, previousTier: '2WL' },
  { label: 'Watch List, 2021', year: 2021, patch: noIncreasingEfforts, clock: { consecutiveWatchListYears: 1, countedWatchListYears: 1, earliestDowngradeYear: 2022 }, previousTier: '2' },
  { label: 'automatic downgrade, 2011', year: 2011, patch: noIncreasingEfforts, clock: { consecutiveWatchListYears: 4, countedWatchListYears: 2, waiverYearsUsed: 0, watchListPlacement: 'needs-waiver', earliestDowngradeYear: 2011 }, previousTier: '2WL' },
  { label: 'automatic downgrade, 2020', year: 2020, patch: noIncreasingEfforts, clock: { consecutiveWatchListYears: 3, countedWatchListYears: 3, waiverYearsUsed: 1, waiverYearsAllowed: 1, watchListPlacement: 'barred', earliestDowngradeYear: 2020 }, previousTier: '2WL' },
  { label: 'waiver, 2012 (two waiver years)', year: 2012, patch: waiverGranted, clock: { consecutiveWatchListYears: 2, countedWatchListYears: 2, waiverYearsUsed: 0, watchListPlacement: 'needs-waiver', earliestDowngradeYear: 2012 }, previousTier: '2WL' },
  { label: 'waiver, 2019 (one waiver year)', year: 2019, patch: waiverGranted, clock: { consecutiveWatchListYears: 2, countedWatchListYears: 2, waiverYearsUsed: 0, waiverYearsAllowed: 1, watchListPlacement: 'needs-waiver', earliestDowngradeYear: 2019 }, previousTier: '2WL' },
  { label: 'rule (F), 2024', year: 2024, patch: noIncreasingEfforts, clock: { consecutiveWatchListYears: 1, countedWatchListYears: 1, ruleF: { applies: true, reading: 'after-waiver-run', explanation: 'test' }, watchListPlacement: 'barred', earliestDowngradeYear: 2025 }, previousTier: '2WL' },
];

/** Each sentence of a non-paper taken by the entry that matches it; what no entry matches is left over. */
function take(year: number, text: string): void {
  const bullets = text.split('\n').filter((l) => l.startsWith('-- ')).map((l) => l.slice(3));
  for (let bullet of bullets) {
    const whole = spec.not_statute.filter((n) => n.whole_bullet).some((n) => new RegExp(`^${pattern(n.says)}$`).test(bullet));
    if (whole) continue;
    for (const claim of spec.claims) {
      const re = new RegExp(pattern(claim.says), 'g');
      bullet = bullet.replace(re, (match: string, n?: string) => {
        found.push({ year, claim, text: match, number: n !== undefined ? numberOf(n) : undefined });
        return ' ';
      });
    }
    for (const n of spec.not_statute.filter((x) => !x.whole_bullet)) bullet = bullet.replace(new RegExp(pattern(n.says), 'g'), ' ');
    if (bullet.trim() !== '') leftovers.push({ year, text: bullet.trim() });
  }
}

beforeAll(async () => {
  for (let year = 2001; year <= 2025; year++) {
    const evidence = baseEvidence(year);
    const assessment = await assess(evidence, { clock: clock(year, year >= 2004 ? { countedWatchListYears: 0 } : { earliestDowngradeYear: null }), previousTier: '2' });
    const text = renderAll(assessment, evidence).nonpaper;
    nonpapers.set(year, text);
    take(year, text);
  }
  for (const sc of SCENARIOS) {
    const evidence = baseEvidence(sc.year, sc.patch);
    const assessment = await assess(evidence, { clock: clock(sc.year, sc.clock), previousTier: sc.previousTier });
    const text = renderAll(assessment, evidence).nonpaper;
    scenarioTexts.set(sc.label, text);
    take(sc.year, text);
  }
}, 60_000);

/** What the statute words (`words`, wordsOf or a changed copy of it) say against each claim found. */
function statuteProblems(words: typeof wordsOf): string[] {
  const problems: string[] = [];
  for (const f of found) {
    const year = checkedYear(f.claim, f.year);
    const text = words(f.claim.rule, year);
    if (!text) {
      problems.push(`${f.year}: ${f.claim.rule} has no statute text in force in ${year}`);
      continue;
    }
    const said = norm(text.words);
    for (const phrase of f.claim.statute) {
      const m = new RegExp(norm(pattern(phrase)), 'i').exec(said);
      if (!m) {
        const excused = !text.verbatim && (f.claim.partly_read ?? []).some((p) => p.phrase === phrase);
        if (!excused) problems.push(`${f.year}: "${phrase}" is not in the words of ${f.claim.rule} in force in ${year}`);
        continue;
      }
      if (phrase.includes('{N}')) {
        const statuteNumber = numberOf(m[1]!);
        if (statuteNumber !== f.number) problems.push(`${f.year}: the non-paper says ${f.number} where ${f.claim.rule} says ${m[1]} ("${phrase}")`);
      }
    }
  }
  return problems;
}

describe("the non-paper's account of the law, against the statute's words", () => {
  test('every sentence of every year is a listed claim or listed as not a statement of a provision', () => {
    expect(leftovers).toEqual([]);
    // Each scenario from the first counted year printed its own clock point (so the country's sentences were read).
    for (const sc of SCENARIOS.filter((x) => x.year >= 2009)) expect(scenarioTexts.get(sc.label), sc.label).toMatch(/^-- Testland (is placed on|was granted|had been on|was ranked)/m);
    expect(found.length).toBeGreaterThan(100);
  });

  test('every claim is made in some report year (none is stale)', () => {
    const made = new Set(found.map((f) => f.claim.says));
    expect(spec.claims.filter((c) => !made.has(c.says)).map((c) => c.says)).toEqual([]);
  });

  test("each claim's statute phrases are in its rule's words in force that year, with the same numbers", () => {
    expect(statuteProblems(wordsOf)).toEqual([]);
  });

  test('the Watch List grounds are the statute words of their ground rules, or listed departures', () => {
    const problems: string[] = [];
    const departed = new Set<string>();
    for (let year = 2004; year <= 2025; year++) {
      const grounds = lawOfYear(year, corpus).watchListGrounds;
      expect(grounds.length, String(year)).toBeGreaterThan(0);
      for (const g of grounds) {
        expect(nonpapers.get(year)).toContain(`(${g.number}) ${g.text}`);
        const text = wordsOf(`22usc7107.b.2.A.iii.${g.ground}`, year);
        if (text && norm(text.words).includes(norm(g.text))) continue;
        if (spec.ground_departures.some((d) => d.ground === g.ground)) departed.add(g.ground);
        else problems.push(`${year}: ground (${g.ground}) "${g.text}" is not in the statute's words`);
      }
    }
    expect(problems).toEqual([]);
    // A listed departure whose words are in fact the statute's is not one.
    expect(spec.ground_departures.map((d) => d.ground).filter((g) => !departed.has(g))).toEqual([]);
  });

  test('every quotation in a claim is the statute\'s words that year, or a listed departure', () => {
    const problems: string[] = [];
    const used = new Set<string>();
    for (const f of found) {
      for (const [, quote] of f.text.matchAll(/"([^"]+)"/g)) {
        if (allWords(checkedYear(f.claim, f.year)).includes(norm(quote!))) continue;
        if (spec.departures.some((d) => d.quote === quote)) used.add(quote!);
        else problems.push(`${f.year}: "${quote}" is in no statute text in force`);
      }
    }
    expect(problems).toEqual([]);
    // A departure the statute's words contain, or that the non-paper no longer prints, is not one.
    expect(spec.departures.map((d) => d.quote).filter((q) => !used.has(q))).toEqual([]);
  });

  test('the check can fail: a number or a phrase changed in the statute words is caught', () => {
    const changed: typeof wordsOf = (id, year) => {
      const t = wordsOf(id, year);
      if (!t) return t;
      if (id === '22usc7107.b.2.D.ii') return { ...t, words: t.words.replace('for up to 2 years', 'for up to 3 years') };
      if (id === '22usc7107.b.2.F') return { ...t, words: t.words.replace('was subsequently included', 'was later included') };
      return t;
    };
    const problems = statuteProblems(changed);
    expect(problems).toContain('2012: the non-paper says 2 where 22usc7107.b.2.D.ii says 3 ("The President may waive the application of clause (i) for up to {N} years")');
    expect(problems).toContain('2024: "was subsequently included on the list of countries described in paragraph (1)(C)" is not in the words of 22usc7107.b.2.F in force in 2024');
    expect(problems.every((p) => /D\.ii|b\.2\.F/.test(p))).toBe(true);
  });
});
