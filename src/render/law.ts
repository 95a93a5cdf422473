import * as z from 'zod';
import { clockLaw } from '../history/clock/law.js';
import { lawOf } from '../rules/law.js';
import { bundledCorpus, inForce, type Corpus, type LoadedParameter, type LoadedRule } from '../rules/corpus.js';
import { parameterAt } from '../rules/parameters.js';
import { monthDay } from './words.js';

/**
 * The law of a report year as the drafts explain it, read from the rule corpus and nowhere else:
 * which rules are in force that year and from when (their `effective` years), the facts the rule
 * in force reads, and the parameter files (determination window, interim assessment, fiscal year,
 * trade-agreement limit, action plan, and the downgrade's counts). This is the one module of the
 * drafts that reads the law, so the drafts and the assessment can never disagree about it.
 */

const PARAMETER = {
  determinationWindow: '22usc7107.c.determination-window',
  interimAssessment: '22usc7107.b.2.B.interim-assessment',
  tradeAgreementLimit: '19usc4205.b.6',
  subsequentFiscalYear: '22usc7107.d.subsequent-fiscal-year',
  actionPlan: '22usc7107.b.4.action-plan',
  consecutiveYears: '22usc7107.b.2.D.i.consecutive-years',
  waiverYears: '22usc7107.b.2.D.ii.waiver-years',
} as const;

const RULE = {
  scope: '22usc7106.a.scope',
  watchList: '22usc7107.b.2.A.iii',
  groundI: '22usc7107.b.2.A.iii.I',
  groundII: '22usc7107.b.2.A.iii.II',
  groundIII: '22usc7107.b.2.A.iii.III',
  downgrade: '22usc7107.b.2.D.i',
  ruleF: '22usc7107.b.2.F',
  commitmentsExcluded: '22usc7107.b.1.B.commitments-excluded',
} as const;

export const DowngradePhaseSchema = z.enum([
  /** Before the first counted report: no automatic downgrade. */
  'none',
  /** The counted years before the first possible downgrade (2009-2010). */
  'counting',
  /** The downgrade applies (from 2011). */
  'in-force',
]);

export const LawViewSchema = z.strictObject({
  year: z.number().int(),
  /** The "significant number" threshold: still the test, removed this year, or gone. */
  scope: z.enum(['significant-number', 'threshold-removed-this-year', 'no-threshold']),
  scopeChangeYear: z.number().int(),
  watchList: z.boolean(),
  /** The Watch List grounds in force, in statutory order, as the rule files state them. */
  watchListGrounds: z.array(z.strictObject({ ground: z.enum(['I', 'II', 'III']), number: z.number().int().min(1), text: z.string() })),
  /** Ground (I) as in force: "the estimated number ... and the country is not taking proportional concrete actions" (it reads that fact) or "the absolute number". */
  groundIProportional: z.boolean(),
  downgrade: DowngradePhaseSchema,
  firstCountedYear: z.number().int(),
  /** The counted years before the first possible downgrade: [2009, 2010]. */
  firstCountedYears: z.array(z.number().int()),
  freeYears: z.number().int(),
  earliestDowngradeYear: z.number().int(),
  waiverYears: z.number().int().nullable(),
  /** The January 2019 amendments are in force (rule (F), added by them, applies): the drafts cite "the TVPA, as amended". */
  amended2019: z.boolean(),
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

type Effective = Record<string, { from?: number; to?: number }>;

function versions<T extends { id: string }>(all: readonly T[], id: string, kind: string): T[] {
  const found = all.filter((p) => p.id === id);
  if (found.length === 0) throw new Error(`the rule corpus has no ${kind} ${id}, which the drafts read`);
  return found;
}

/** A parameter's value in `year`, or null when no version is in force then. */
function parameterOrNull(id: string, year: number, corpus: Corpus, effective: Effective = {}): Record<string, unknown> | null {
  if (!versions(corpus.parameters, id, 'parameter').some((p: LoadedParameter) => inForce(p, year, effective))) return null;
  return parameterAt<Record<string, unknown>>(id, year, lawOf(corpus, effective)).value;
}

function num(v: Record<string, unknown> | null, key: string, id: string): number | null {
  if (v === null) return null;
  const n = v[key];
  if (typeof n !== 'number') throw new Error(`parameter ${id} has no number ${key}`);
  return n;
}

/**
 * The downgrade's two counts: consecutive Watch List years before it applies, and waiver years per
 * run, as the clock reads them from their parameter files (rules/22usc7107/b/2/D/i/consecutive-years.yaml
 * and D/ii/waiver-years.yaml, src/history/clock/law.ts), so the drafts explain the numbers the clock applies.
 */
function downgradeCounts(year: number, corpus: Corpus, effective: Effective): { freeYears: number; waiverYears: number } {
  const y = clockLaw(lawOf(corpus, effective)).at(year);
  return { freeYears: y.freeYears, waiverYears: y.waiverYears };
}

/** Every fact a rule's conditions read. */
function factsRead(rule: LoadedRule): Set<string> {
  const out = new Set<string>();
  const walk = (c: unknown): void => {
    if (c === null || typeof c !== 'object') return;
    const node = c as Record<string, unknown>;
    if (typeof node.fact === 'string') out.add(node.fact);
    for (const key of ['all', 'any']) if (Array.isArray(node[key])) (node[key] as unknown[]).forEach(walk);
    if (node.not) walk(node.not);
  };
  walk(rule.conditions);
  return out;
}

const lawCache = new WeakMap<Corpus, Map<string, LawView>>();

/** The law of `year` as the drafts explain it. `effective` carries the run's `--effective` overrides. */
export function lawOfYear(year: number, corpus: Corpus = bundledCorpus(), effective: Effective = {}): LawView {
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

function computeLawOfYear(year: number, corpus: Corpus, effective: Effective): LawView {
  const rules = (id: string) => versions(corpus.rules, id, 'rule');
  const inForceNow = (id: string): LoadedRule | undefined => rules(id).find((r) => inForce(r, year, effective));
  const firstYear = (id: string): number => Math.min(...rules(id).map((r) => effective[r.id]?.from ?? r.effective.from));

  const firstCountedYear = firstYear(RULE.downgrade);
  const { freeYears, waiverYears } = downgradeCounts(year, corpus, effective);
  const earliestDowngradeYear = firstCountedYear + freeYears;
  const downgrade = !inForceNow(RULE.downgrade) ? 'none' : year < earliestDowngradeYear ? 'counting' : 'in-force';

  // The report from which the scope rule's current version (no "significant number") applies.
  const scopeChangeYear = Math.max(...rules(RULE.scope).map((r) => r.effective.from));
  const scope = year < scopeChangeYear ? 'significant-number' : year === scopeChangeYear ? 'threshold-removed-this-year' : 'no-threshold';

  const interim = parameterOrNull(PARAMETER.interimAssessment, year, corpus, effective);
  const window = parameterOrNull(PARAMETER.determinationWindow, year, corpus, effective);
  const groundI = inForceNow(RULE.groundI);

  const watchListGrounds: LawView['watchListGrounds'] = [];
  for (const [ground, id] of [['I', RULE.groundI], ['II', RULE.groundII], ['III', RULE.groundIII]] as const) {
    const rule = inForceNow(id);
    if (rule && rule.event.type === 'watch-list-ground') watchListGrounds.push({ ground, number: watchListGrounds.length + 1, text: rule.event.params.text });
  }

  return LawViewSchema.parse({
    year,
    scope,
    scopeChangeYear,
    watchList: inForceNow(RULE.watchList) !== undefined,
    watchListGrounds,
    groundIProportional: groundI !== undefined && factsRead(groundI).has('proportionalConcreteActions'),
    downgrade,
    firstCountedYear,
    firstCountedYears: Array.from({ length: freeYears }, (_, i) => firstCountedYear + i),
    freeYears,
    earliestDowngradeYear,
    waiverYears: waiverYears || null,
    amended2019: year >= firstYear(RULE.ruleF),
    ruleF: inForceNow(RULE.ruleF) !== undefined,
    concreteActions: inForceNow(RULE.commitmentsExcluded) !== undefined,
    concreteActionsFrom: firstYear(RULE.commitmentsExcluded),
    tradeAgreementLimit: parameterOrNull(PARAMETER.tradeAgreementLimit, year, corpus, effective) !== null,
    interimAssessmentDue: interim === null ? null : monthDay(num(interim, 'due_month', PARAMETER.interimAssessment)!, num(interim, 'due_day', PARAMETER.interimAssessment)!),
    tier3Window: window === null ? null : { minDays: num(window, 'min_days', PARAMETER.determinationWindow)!, maxDays: num(window, 'max_days', PARAMETER.determinationWindow)! },
    tier3RestrictionsFrom: Math.min(...versions(corpus.parameters, PARAMETER.determinationWindow, 'parameter').map((p) => p.effective.from)),
    restrictionsFiscalYearOffset: num(parameterOrNull(PARAMETER.subsequentFiscalYear, year, corpus, effective), 'years_after_report', PARAMETER.subsequentFiscalYear),
    upgradeActionPlanDays: num(parameterOrNull(PARAMETER.actionPlan, year, corpus, effective), 'days', PARAMETER.actionPlan),
  });
}
