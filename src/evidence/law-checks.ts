import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Located } from '../load/index.js';
import { sourceMapOf } from '../load/located.js';
import { bundledCorpus, inForce, type Corpus, type LoadedRule } from '../rules/corpus.js';
import { CRITERIA, type Criterion } from '../rules/schema.js';
import type { Edit } from './edits.js';
import { EVIDENCE_FACTS, factsRead, valueAt } from './facts.js';
import type { Evidence } from './schema.js';

type Overrides = Record<string, { from?: number; to?: number }>;

/**
 * The §108(b) criteria in force in a report year, read from the criterion rule files
 * (rules/22usc7106/b/N.yaml): the corpus, not this code, knows when each was added.
 */
export function criteriaInForce(year: number, corpus: Corpus = bundledCorpus(), overrides: Overrides = {}): Criterion[] {
  return CRITERIA.filter((c) => corpus.rules.some((r) => r.id === `22usc7106.b.${c.slice(1)}` && inForce(r, year, overrides)));
}

/**
 * The optional evidence fields a report year requires: those whose fact a rule in force that
 * year reads (src/evidence/facts.ts). One source for `tip validate`, `tip init` and the tests.
 * Each field comes with the first rule that reads it.
 */
export function requiredFields(year: number, corpus: Corpus = bundledCorpus(), overrides: Overrides = {}): { path: readonly string[]; rule: LoadedRule }[] {
  const out = new Map<string, { path: readonly string[]; rule: LoadedRule }>();
  for (const rule of corpus.rules) {
    if (!inForce(rule, year, overrides)) continue;
    for (const fact of factsRead(rule.conditions)) {
      const source = EVIDENCE_FACTS[fact];
      if (source?.optional && !out.has(source.path.join('.'))) out.set(source.path.join('.'), { path: source.path, rule });
    }
  }
  return [...out.values()];
}

/** A version 2 path as the version 1 file writes it (the reverse of the upgrade's moves). */
function pathInFile(path: readonly string[], upgrade: readonly Edit[]): (string | number)[] {
  for (const e of upgrade) if (e.op === 'move' && e.to.join('.') === path.join('.')) return [...e.from];
  return [...path];
}

/**
 * Checks that depend on the report year's law, after the schema has passed: the evidence must
 * hold a finding for exactly the criteria in force that year, and every optional field a rule in
 * force reads (the scope test before 2009, the data presumptions' capacity, ground (I)'s
 * proportional concrete actions from 2019) must be recorded, "unknown" being a record.
 * `upgrade` (for a version 1 file) maps the fields back to where that file writes them.
 */
export function lawChecks(evidence: Evidence, located: Located<unknown>, corpus: Corpus = bundledCorpus(), overrides: Overrides = {}, upgrade: readonly Edit[] = []): Diagnostic[] {
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
  for (const { path, rule } of requiredFields(year, corpus, overrides)) {
    if (valueAt(evidence, path) !== undefined) continue;
    const inFile = pathInFile(path, upgrade);
    at(
      inFile.slice(0, -1),
      'missing-field',
      `${inFile.join('.')}: true, false or unknown (read by ${rule.title}, ${rule.file}, in force in the ${year} report)`,
      'nothing',
    );
  }
  if (evidence.calibration !== undefined && evidence.determination !== undefined) {
    at(['determination'], 'determination-in-calibration-file', 'no determination in a calibration file (the engine\u2019s own answer is calibrated)', 'a determination');
  }
  return out;
}
