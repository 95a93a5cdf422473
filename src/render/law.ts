import { clockLaw } from '../history/clock/law.js';
import { lawOf, type Law } from '../rules/law.js';
import { monthDay } from './words.js';
import { z } from 'zod';
import { bundledCorpus, inForce, type Corpus, type LoadedParameter, type LoadedRule } from '../rules/corpus.js';
import { parameterAt } from '../rules/parameters.js';
import type { Cite } from '../rules/schema.js';
import { standardsWording } from '../report-year/wording.js';

/**
 * The law of a report year as the non-paper explains it. What the rule corpus already states is
 * read from it (which rules are in force that year and from when; the parameter files for the
 * determination window, the interim assessment, the fiscal year and the trade-agreement limit),
 * so the drafts and the assessment can never disagree about the law. Figures no rule file holds
 * are the constants below, each with its citation and the report years it applies to.
 */

interface Figure<T> {
  value: T;
  /** First and last report year the figure applies to (inclusive; `to` absent while in force). */
  years: { from: number; to?: number };
  cite: Cite;
}

const USC_7107 = 'https://www.law.cornell.edu/uscode/text/22/7107';

// The counts of the downgrade (two free Watch List years, waiver years per run) are the clock's
// (src/history/clock/law.ts reads them from the rule files): the drafts explain the same law the clock applies.

/** The waiver authority was delegated to the Secretary of State on September 20, 2010 (tvpa-rules.md §4.1). */
export const WAIVER_DELEGATED: Figure<string> = {
  value: '2010-09-20',
  years: { from: 2011 },
  cite: { title: 'Presidential delegation of the waiver under TVPA 110(b)(3)(D)(ii) (memoranda of justification, tvpa-rules.md S9)', pinpoint: '(b)(2)(D)(ii)', href: USC_7107 },
};



const PARAMETER = {
  determinationWindow: '22usc7107.c.determination-window',
  interimAssessment: '22usc7107.b.2.B.interim-assessment',
  tradeAgreementLimit: '19usc4205.b.6',
  subsequentFiscalYear: '22usc7107.d.subsequent-fiscal-year',
  actionPlan: '22usc7107.b.4.action-plan',
} as const;

const RULE = {
  watchList: '22usc7107.b.2.A.iii',
  groundI: '22usc7107.b.2.A.iii.I',
  groundII: '22usc7107.b.2.A.iii.II',
  groundIII: '22usc7107.b.2.A.iii.III',
  downgrade: '22usc7107.b.2.D.i',
  ruleF: '22usc7107.b.2.F',
  commitmentsExcluded: '22usc7107.b.1.B.commitments-excluded',
} as const;

export const DowngradePhaseSchema = z.enum([
  /** Before the 2009 report: no automatic downgrade. */
  'none',
  /** 2009-2010: Watch List years count; no downgrade can apply yet. */
  'counting',
  /** From 2011: the downgrade applies. */
  'in-force',
]);

export const LawViewSchema = z.strictObject({
  year: z.number().int(),
  /** The "significant number" threshold: still the test, removed this year, or gone. */
  scope: z.enum(['significant-number', 'threshold-removed-this-year', 'no-threshold']),
  scopeChangeYear: z.number().int(),
  standardsWording: z.enum(['comply', 'meet']),
  watchList: z.boolean(),
  /** The Watch List grounds in force, in statutory order, as the rule files state them. */
  watchListGrounds: z.array(z.strictObject({ ground: z.enum(['I', 'II', 'III']), number: z.number().int().min(1), text: z.string() })),
  downgrade: DowngradePhaseSchema,
  firstCountedYear: z.number().int(),
  /** The counted years before the first possible downgrade: [2009, 2010]. */
  firstCountedYears: z.array(z.number().int()),
  freeYears: z.number().int(),
  earliestDowngradeYear: z.number().int(),
  waiverYears: z.number().int().nullable(),
  waiverDelegated: z.boolean(),
  ruleF: z.boolean(),
  concreteActions: z.boolean(),
  concreteActionsFrom: z.number().int(),
  tradeAgreementLimit: z.boolean(),
  /** "February 1"; null before the Special Watch List (2004). */
  interimAssessmentDue: z.string().nullable(),
  /** 45-90 days after the report (22 U.S.C. 7107(c)); null before the first determinations (2003 reports). */
  tier3Window: z.strictObject({ minDays: z.number().int(), maxDays: z.number().int() }).nullable(),
  /** The first report year with Tier 3 determinations and restrictions (2003). */
  tier3RestrictionsFrom: z.number().int(),
  /** Years after the report of the fiscal year the Tier 3 restrictions apply to (1: the "subsequent fiscal year"). */
  restrictionsFiscalYearOffset: z.number().int().nullable(),
  /** 22 U.S.C. 7107(b)(4) (2019-): days to present the action plan of a country upgraded from Tier 3 to the Watch List. */
  upgradeActionPlanDays: z.number().int().nullable(),
});
export type LawView = z.output<typeof LawViewSchema>;


/** A parameter's value in `year`, or null when no version is in force then. */
function parameterOrNull(id: string, year: number, law: Law): Record<string, unknown> | null {
  const versions: LoadedParameter[] = law.corpus.parameters.filter((p) => p.id === id);
  if (versions.length === 0) throw new Error(`the rule corpus has no parameter ${id}, which the drafts read`);
  if (!versions.some((p) => inForce(p, year, law.effective))) return null;
  return parameterAt<Record<string, unknown>>(id, year, law).value;
}

function firstParameterYear(id: string, corpus: Corpus): number {
  const versions = corpus.parameters.filter((p) => p.id === id);
  if (versions.length === 0) throw new Error(`the rule corpus has no parameter ${id}, which the drafts read`);
  return Math.min(...versions.map((p) => p.effective.from));
}

function num(v: Record<string, unknown> | null, key: string, id: string): number | null {
  if (v === null) return null;
  const n = v[key];
  if (typeof n !== 'number') throw new Error(`parameter ${id} has no number ${key}`);
  return n;
}

function rulesWithId(corpus: Corpus, id: string): LoadedRule[] {
  const rules = corpus.rules.filter((r) => r.id === id);
  if (rules.length === 0) throw new Error(`the rule corpus has no rule ${id}, which the drafts read`);
  return rules;
}

/** The law of `year` as the drafts explain it. `effective` carries the run's `--effective` overrides. */
const lawCache = new WeakMap<Corpus, Map<string, LawView>>();

export function lawOfYear(year: number, corpus: Corpus = bundledCorpus(), effective: Record<string, { from?: number; to?: number }> = {}): LawView {
  // A pure function of the year, the corpus and the overrides: computed once per batch, not per draft.
  let byKey = lawCache.get(corpus);
  if (!byKey) lawCache.set(corpus, (byKey = new Map()));
  const key = `${year}|${JSON.stringify(effective)}`;
  const known = byKey.get(key);
  if (known) return known;
  const law = computeLawOfYear(year, corpus, effective);
  byKey.set(key, law);
  return law;
}

function computeLawOfYear(year: number, corpus: Corpus, effective: Record<string, { from?: number; to?: number }>): LawView {
  const inForceNow = (id: string): LoadedRule | undefined => rulesWithId(corpus, id).find((r) => inForce(r, year, effective));
  const firstYear = (id: string): number => Math.min(...rulesWithId(corpus, id).map((r) => effective[r.id]?.from ?? r.effective.from));

  const firstCountedYear = firstYear(RULE.downgrade);
  const law = lawOf(corpus, effective);
  const yearLaw = clockLaw(law).at(year);
  const freeYears = yearLaw.freeYears;
  const earliestDowngradeYear = firstCountedYear + freeYears;
  const downgrade = !inForceNow(RULE.downgrade) ? 'none' : year < earliestDowngradeYear ? 'counting' : 'in-force';

  // The report from which the scope rule's current version (no "significant number") applies.
  const scopeChangeYear = Math.max(...rulesWithId(corpus, '22usc7106.a.scope').map((r) => r.effective.from));
  const scope = year < scopeChangeYear ? 'significant-number' : year === scopeChangeYear ? 'threshold-removed-this-year' : 'no-threshold';

  const interim = parameterOrNull(PARAMETER.interimAssessment, year, law);
  const window = parameterOrNull(PARAMETER.determinationWindow, year, law);

  const watchListGrounds: LawView['watchListGrounds'] = [];
  for (const [ground, id] of [['I', RULE.groundI], ['II', RULE.groundII], ['III', RULE.groundIII]] as const) {
    const rule = inForceNow(id);
    if (rule && rule.event.type === 'watch-list-ground') watchListGrounds.push({ ground, number: watchListGrounds.length + 1, text: rule.event.params.text });
  }

  return LawViewSchema.parse({
    year,
    scope,
    scopeChangeYear,
    standardsWording: standardsWording(year),
    watchList: inForceNow(RULE.watchList) !== undefined,
    watchListGrounds,
    downgrade,
    firstCountedYear,
    firstCountedYears: Array.from({ length: freeYears }, (_, i) => firstCountedYear + i),
    freeYears,
    earliestDowngradeYear,
    waiverYears: yearLaw.waiverYears || null,
    waiverDelegated: year >= WAIVER_DELEGATED.years.from,
    ruleF: inForceNow(RULE.ruleF) !== undefined,
    concreteActions: inForceNow(RULE.commitmentsExcluded) !== undefined,
    concreteActionsFrom: firstYear(RULE.commitmentsExcluded),
    tradeAgreementLimit: parameterOrNull(PARAMETER.tradeAgreementLimit, year, law) !== null,
    interimAssessmentDue: interim === null ? null : monthDay(num(interim, 'due_month', PARAMETER.interimAssessment)!, num(interim, 'due_day', PARAMETER.interimAssessment)!),
    tier3Window: window === null ? null : { minDays: num(window, 'min_days', PARAMETER.determinationWindow)!, maxDays: num(window, 'max_days', PARAMETER.determinationWindow)! },
    tier3RestrictionsFrom: firstParameterYear(PARAMETER.determinationWindow, corpus),
    restrictionsFiscalYearOffset: num(parameterOrNull(PARAMETER.subsequentFiscalYear, year, law), 'years_after_report', PARAMETER.subsequentFiscalYear),
    upgradeActionPlanDays: num(parameterOrNull(PARAMETER.actionPlan, year, law), 'days', PARAMETER.actionPlan),
  });
}
