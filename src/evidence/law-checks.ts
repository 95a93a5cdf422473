import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { suggestKey, type Located } from '../load/index.js';
import { sourceMapOf } from '../load/located.js';
import { bundledCorpus, inForce, type Corpus, type LoadedRule } from '../rules/corpus.js';
import { CRITERIA, type Criterion } from '../rules/schema.js';
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

export const HEADS_ID = '22usc7107.b.3.B.heads';

/**
 * The heads of a "government policy or pattern" (22 U.S.C. 7107(b)(3)(B)) a state_labor finding
 * may name in a report year, from rules/22usc7107/b/3/B/heads.yaml: the version in force, or
 * before the provision existed the first one (a finding is then recorded, with no effect).
 */
export function policyOrPatternHeads(year: number, corpus: Corpus = bundledCorpus()): string[] {
  const versions = corpus.parameters.filter((p) => p.id === HEADS_ID).sort((a, b) => a.effective.from - b.effective.from);
  const version = versions.find((p) => inForce(p, year)) ?? versions[0];
  if (!version) return [];
  const starts = Object.keys(version.values).map(Number).sort((a, b) => a - b);
  const start = starts.filter((s) => s <= year).at(-1) ?? starts[0]!;
  return (version.values[String(start)] as { kind: string }[]).map((h) => h.kind);
}

/** The checks on values the rules define: the heads of (b)(3)(B), the practice rules a determination departs from. */
function valueChecks(evidence: Evidence, corpus: Corpus, overrides: Overrides, at: At): void {
  const year = evidence.report_year;
  const heads = policyOrPatternHeads(year, corpus);
  evidence.state_labor.forEach((f, i) => {
    if (!heads.includes(f.kind)) {
      const near = suggestKey(f.kind, heads);
      at(['state_labor', i, 'kind'], 'invalid-value', `one of ${heads.join(', ')} (the heads of 22 U.S.C. 7107(b)(3)(B), rules/22usc7107/b/3/B/heads.yaml)`, f.kind, near ? `did you mean "${near}"?` : undefined);
    }
  });
  const practice = corpus.rules.filter((r) => r.layer === 'practice' && r.event.type === 'tier' && r.id !== 'practice.special-case' && inForce(r, year, overrides)).map((r) => r.id);
  (evidence.determination?.departs_from_practice ?? []).forEach((id, i) => {
    if (!practice.includes(id)) at(['determination', 'departs_from_practice', i], 'invalid-value', `a practice rule in force in the ${year} report (${practice.join(', ') || 'none'})`, id);
  });
}

type At = (path: (string | number)[], code: string, expected: string, found: string, hint?: string) => void;

/**
 * Checks that depend on the report year's law, after the schema has passed: the evidence must
 * hold a finding for exactly the criteria in force that year, and every optional field a rule in
 * force reads (the scope test before 2009, the data presumptions' capacity, ground (I)'s
 * proportional concrete actions from 2019) must be recorded, "unknown" being a record.
 * `pathInFile` (for a version 1 file) maps a field to where that file writes it.
 */
export function lawChecks(
  evidence: Evidence,
  located: Located<unknown>,
  corpus: Corpus = bundledCorpus(),
  overrides: Overrides = {},
  pathInFile: (path: readonly (string | number)[]) => (string | number)[] = (p) => [...p],
): Diagnostic[] {
  const year = evidence.report_year;
  const out: Diagnostic[] = [];
  const at: At = (path, code, expected, found, hint) => {
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
    const inFile = pathInFile(path);
    at(
      inFile.slice(0, -1),
      'missing-field',
      `${inFile.join('.')}: true, false or unknown (read by ${rule.title}, ${rule.file}, in force in the ${year} report)`,
      'nothing',
    );
  }
  valueChecks(evidence, corpus, overrides, at);
  if (evidence.calibration !== undefined && evidence.determination !== undefined) {
    at(['determination'], 'determination-in-calibration-file', 'no determination in a calibration file (the engine\u2019s own answer is calibrated)', 'a determination');
  }
  return out;
}
