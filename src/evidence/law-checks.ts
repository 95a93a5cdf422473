import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Located } from '../load/index.js';
import { sourceMapOf } from '../load/located.js';
import { bundledCorpus, inForce, type Corpus } from '../rules/corpus.js';
import { CRITERIA, type Criterion } from '../rules/schema.js';
import type { Evidence } from './schema.js';

/**
 * The §108(b) criteria in force in a report year, read from the criterion rule files
 * (rules/22usc7106/b/N.yaml): the corpus, not this code, knows when each was added.
 */
export function criteriaInForce(year: number, corpus: Corpus = bundledCorpus(), overrides: Record<string, { from?: number; to?: number }> = {}): Criterion[] {
  return CRITERIA.filter((c) => corpus.rules.some((r) => r.id === `22usc7106.b.${c.slice(1)}` && inForce(r, year, overrides)));
}

/**
 * Checks that depend on the report year's law, after the schema has passed: the evidence must
 * hold a finding for exactly the criteria in force that year, and the facts the year's rules
 * read (the scope test before 2009, proportional concrete actions from 2019) must be recorded.
 */
export function lawChecks(
  evidence: Evidence,
  located: Located<unknown>,
  corpus: Corpus = bundledCorpus(),
  overrides: Record<string, { from?: number; to?: number }> = {},
): Diagnostic[] {
  const year = evidence.report_year;
  const out: Diagnostic[] = [];
  const at = (path: (string | number)[], code: string, expected: string, found: string, hint?: string) => {
    // Point at the key itself (`criteria:`, `b8:`), where the reader looks, when the source has it.
    const where = sourceMapOf(located)?.locateKey(path) ?? located.locate(path);
    const d: Diagnostic = { file: located.file, ...where, path, code, expected, found };
    if (hint) d.hint = hint;
    out.push(d);
  };
  const required = criteriaInForce(year, corpus, overrides);
  const present = Object.keys(evidence.criteria);
  for (const c of required) {
    if (!present.includes(c)) {
      at(['criteria'], 'missing-criterion', `a finding on §108(b)(${c.slice(1)}), in force in the ${year} report`, 'nothing', `add criteria.${c}`);
    }
  }
  for (const c of present) {
    if (!(required as string[]).includes(c)) {
      at(['criteria', c], 'criterion-not-in-force', `only the criteria in force in the ${year} report (${required.join(', ')})`, c);
    }
  }
  if (evidence.special_case !== undefined && !corpus.rules.some((r) => r.id === 'practice.special-case' && inForce(r, year, overrides))) {
    const first = corpus.rules.find((r) => r.id === 'practice.special-case')?.effective.from;
    at(['special_case'], 'special-case-not-in-use', `no Special Case before the ${first ?? '?'} report (rules/practice/special-case.yaml)`, `a Special Case in the ${year} report`);
  }
  if (year <= 2008 && evidence.victims.significant_number === undefined) {
    at(['victims'], 'missing-field', `victims.significant_number (the scope test of the ${year} report, 22 U.S.C. 7106(a) before 2009)`, 'nothing');
  }
  if (year >= 2019 && evidence.victims.proportional_concrete_actions === undefined) {
    at(['victims'], 'missing-field', `victims.proportional_concrete_actions (Watch List ground (I) from the 2019 report, 22 U.S.C. 7107(b)(2)(A)(iii)(I))`, 'nothing');
  }
  return out;
}
