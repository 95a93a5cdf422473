import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect } from 'vitest';
import * as z from 'zod';
import { assessEvidence } from '../../src/assess/assess.js';
import { decide } from '../../src/assess/decide.js';
import { historyContextFor } from '../../src/assess/file.js';
import { DecisionError } from '../../src/assess/resolve.js';
import type { TraceEntry } from '../../src/assess/decide.js';
import { RULE_F_READINGS, type Clock } from '../../src/history/clock.js';
import { countryHistory, historyFromTiers, type CountryHistory } from '../../src/ledger/history.js';
import { TIERS, type Tier } from '../../src/model/tier.js';
import type { Corpus } from '../../src/rules/corpus.js';
import { idFromPath, inForce } from '../../src/rules/corpus.js';
import type { Law } from '../../src/rules/law.js';
import { parameterInForce } from '../../src/rules/parameters.js';
import { WATCH_LIST_PLACEMENTS } from '../../src/rules/stages.js';
import { published } from '../history/published.js';
import { baseEvidence } from './evidence.js';

/**
 * OpenFisca-style test cases a lawyer can read: test/cases/<path of the rule or parameter>.yaml
 * holds the cases of that file.
 *  - A rule's case patches a baseline Tier 2 country (`input`, test/support/evidence.ts) and says
 *    what the rules conclude. The Watch List clock either runs for real on ledger rows
 *    (`history`, with the expected `clock` fields in `output`), or its answer is given (`clock`).
 *  - A parameter's case names a report year and the value in force (or that none is).
 */

const Year = z.number().int().min(2001).max(2100);
const Effective = z.record(z.string(), z.strictObject({ from: z.number().int().optional(), to: z.number().int().optional() }));
const known = <T extends z.ZodType>(t: T) => z.union([t, z.literal('unknown')]);

/** The clock fields a case may expect (snake_case, as a lawyer writes them). */
const ClockExpectation = z.strictObject({
  consecutive_watch_list_years: known(z.number().int()).optional(),
  counted_watch_list_years: known(z.number().int()).optional(),
  waiver_years_used: known(z.number().int()).optional(),
  waiver_years_allowed: z.number().int().optional(),
  rule_f_applies: known(z.boolean()).optional(),
  watch_list_placement: z.enum(WATCH_LIST_PLACEMENTS).optional(),
  earliest_downgrade_year: known(z.number().int()).nullable().optional(),
  unknown_years: z.array(Year).optional(),
});

export const CaseSchema = z
  .strictObject({
    name: z.string().min(1),
    report_year: Year,
    /** A patch over the baseline evidence, with the evidence file's own keys. */
    input: z.record(z.string(), z.unknown()).default({}),
    /** What the Watch List clock says, given (default: unknown, as with no ledger). */
    clock: z.strictObject({ watch_list_placement: z.enum(WATCH_LIST_PLACEMENTS), rule_f_applies: z.boolean().default(false) }).optional(),
    /** Last year's placement, as the ledger gives it (default: unknown, as with no ledger; with `history`, the ledger's). */
    previous_tier: z.enum(TIERS).optional(),
    /** Ledger rows (year: tier) the real clock runs on; years not listed are missing. */
    history: z.record(z.string().regex(/^\d{4}$/, 'a report year such as 2009'), z.enum(TIERS)).optional(),
    /** Years the ledger records a waiver for. */
    waivers: z.array(Year).optional(),
    /**
     * `published`: the clock reads the published ledger (test/history/published.ts) for `country`; `history`
     * then lists the rows the case relies on (checked against it) and `missing` the years it lacks.
     */
    ledger: z.literal('published').optional(),
    country: z.string().regex(/^[A-Z]{3}$/).optional(),
    missing: z.array(Year).optional(),
    /** The readings of the clock (default: rule (F) after-waiver-run, a Special Case year ends a run). */
    clock_options: z.strictObject({ rule_f: z.enum(RULE_F_READINGS).optional(), special_case_continues_run: z.boolean().optional() }).optional(),
    options: z.strictObject({ secretary_disregards_presumption: z.boolean().optional(), effective: Effective.optional() }).optional(),
    output: z.strictObject({
      tier: z.enum(TIERS).optional(),
      /** The tiers the ledger's missing years leave open (best first), and the years that decide. */
      tier_open: z.array(z.enum(TIERS)).min(2).optional(),
      deciding_years: z.array(Year).optional(),
      /** The rules give no answer / two answers. */
      error: z.enum(['empty', 'conflict']).optional(),
      fires: z.array(z.string()).default([]),
      does_not_fire: z.array(z.string()).default([]),
      not_in_force: z.array(z.string()).default([]),
      /** The rules whose conclusion stands (after exceptions set others aside). */
      decided_by: z.array(z.string()).optional(),
      watch_list_grounds: z.array(z.string().regex(/^[IVX]+$/)).optional(),
      /** The standards and criteria with no information the rubric's recommendation rests on. */
      rubric_unknowns: z.array(z.string()).optional(),
      /** The rules the evidence's unknowns leave open (exactly these). */
      open_questions: z.array(z.string()).optional(),
      clock: ClockExpectation.optional(),
      /** Words one of the assessment's notes contains. */
      note: z.string().optional(),
    }),
    /** The provisions and sources the case illustrates, for the reader. */
    citations: z.array(z.string()).default([]),
    note: z.string().optional(),
  })
  .refine((c) => !(c.clock && c.history), { message: 'a case gives the clock (clock) or runs it on ledger rows (history), not both' })
  .refine((c) => !(c.previous_tier && c.history), { message: 'with ledger rows (history) last year\'s tier is the ledger\'s' })
  .refine((c) => c.ledger === undefined || c.country !== undefined, { message: 'ledger: published needs the country' })
  .refine((c) => c.output.clock === undefined || c.history !== undefined, { message: 'output.clock needs ledger rows (history)' });
export type Case = z.output<typeof CaseSchema>;

export const ParameterCaseSchema = z.strictObject({
  name: z.string().min(1),
  report_year: Year,
  options: z.strictObject({ effective: Effective.optional() }).optional(),
  output: z.union([
    /** The value in force that year (objects match on the keys given). */
    z.strictObject({ value: z.unknown() }),
    /** No version of the parameter is in force that year. */
    z.strictObject({ in_force: z.literal(false) }),
  ]),
  citations: z.array(z.string()).default([]),
});
export type ParameterCase = z.output<typeof ParameterCaseSchema>;

export const CaseFileSchema = z.strictObject({ cases: z.array(CaseSchema).min(1) });
export const ParameterCaseFileSchema = z.strictObject({ cases: z.array(ParameterCaseSchema).min(1) });

export const CASES_DIR = join(import.meta.dirname, '..', 'cases');

export function listCaseFiles(dir: string = CASES_DIR): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, e.name);
    if (e.isDirectory()) out.push(...listCaseFiles(full));
    else if (e.name.endsWith('.yaml')) out.push(full);
  }
  return out.sort();
}

/** The id a case file is for: its path under test/cases/. */
export function caseFileId(file: string, dir: string = CASES_DIR): string {
  return idFromPath(relative(dir, file));
}

function historyOf(c: Case): CountryHistory {
  const tiers: Record<number, Tier> = Object.fromEntries(Object.entries(c.history ?? {}).map(([y, t]) => [Number(y), t]));
  if (c.ledger !== 'published') return historyFromTiers(c.country ?? 'TST', tiers, c.waivers ?? []);
  const h = countryHistory(published(), c.country!);
  // The rows the case relies on are what the published ledger says.
  for (const [y, tier] of Object.entries(tiers)) expect(h.years.get(Number(y))?.tier, `${c.country} ${y} in the published ledger`).toBe(tier);
  for (const y of c.missing ?? []) expect(h.years.has(y), `${c.country} ${y} missing from the published ledger`).toBe(false);
  return h;
}

const CLOCK_FIELDS: Record<keyof z.output<typeof ClockExpectation>, (k: Clock) => unknown> = {
  consecutive_watch_list_years: (k) => k.consecutiveWatchListYears,
  counted_watch_list_years: (k) => k.countedWatchListYears,
  waiver_years_used: (k) => k.waiverYearsUsed,
  waiver_years_allowed: (k) => k.waiverYearsAllowed,
  rule_f_applies: (k) => k.ruleF.applies,
  watch_list_placement: (k) => k.watchListPlacement,
  earliest_downgrade_year: (k) => k.earliestDowngradeYear,
  unknown_years: (k) => k.unknownYears,
};

interface Outcome {
  tier: Tier;
  trace: TraceEntry[];
  decidedBy: string[];
  grounds: string[];
  open: { tiers: Tier[]; decidingYears: number[] } | null;
  clock: Clock | null;
  notes: string[];
  rubricUnknowns: string[];
  openQuestions: string[];
}

async function outcomeOf(c: Case, law: Law): Promise<Outcome> {
  const evidence = baseEvidence(c.report_year, c.input);
  const options = {
    ...(c.options?.secretary_disregards_presumption !== undefined ? { secretaryDisregardsPresumption: c.options.secretary_disregards_presumption } : {}),
    ...(c.options?.effective ? { effective: c.options.effective } : {}),
    ...(c.previous_tier ? { previousTier: c.previous_tier } : {}),
  };
  if (c.history) {
    const clockOptions = { ...(c.clock_options?.rule_f ? { ruleF: c.clock_options.rule_f } : {}), specialCaseBreaksRun: c.clock_options?.special_case_continues_run !== true };
    const caseLaw: Law = { corpus: law.corpus, effective: { ...law.effective, ...(c.options?.effective ?? {}) } };
    const context = historyContextFor(historyOf(c), c.report_year, caseLaw, clockOptions);
    const a = await assessEvidence(evidence, context, options, law.corpus);
    return {
      tier: a.tier,
      trace: a.trace,
      decidedBy: a.decidedBy.map((d) => d.rule),
      grounds: a.watchList.grounds.map((g) => g.ground),
      open: a.open,
      clock: a.clock,
      notes: a.notes,
      rubricUnknowns: a.rubric.unknowns,
      openQuestions: a.openQuestions.map((q) => q.rule),
    };
  }
  const facts = c.clock ? { watchListPlacement: c.clock.watch_list_placement, ruleFApplies: c.clock.rule_f_applies } : { watchListPlacement: 'unknown' as const, ruleFApplies: false };
  const d = await decide(evidence, facts, law.corpus, options);
  const grounds = d.fired('watch-list-ground').map((r) => (r.event.type === 'watch-list-ground' ? r.event.params.ground : ''));
  return {
    tier: d.tier,
    trace: d.trace,
    decidedBy: d.resolution.deciding.map((r) => r.id),
    grounds,
    open: null,
    clock: null,
    notes: [],
    rubricUnknowns: d.rubric.unknowns,
    openQuestions: d.openQuestions.map((q) => q.rule),
  };
}

/** Runs one rule case and checks every expectation it states. */
export async function runCase(c: Case, law: Law): Promise<void> {
  if (c.output.error) {
    await expect(outcomeOf(c, law)).rejects.toSatisfy((e) => e instanceof DecisionError && e.kind === c.output.error);
    return;
  }
  const o = await outcomeOf(c, law);
  const outcome = (id: string) => o.trace.filter((t) => t.rule === id).map((t) => t.outcome);
  for (const id of c.output.fires) expect(outcome(id), `${id} fires`).toContain('fired');
  for (const id of c.output.does_not_fire) {
    expect(outcome(id).length, `${id} exists`).toBeGreaterThan(0);
    expect(outcome(id), `${id} does not fire`).not.toContain('fired');
    expect(outcome(id).some((x) => x === 'not met' || x === 'not evaluated'), `${id} is in force`).toBe(true);
  }
  for (const id of c.output.not_in_force) {
    expect(outcome(id).length, `${id} exists`).toBeGreaterThan(0);
    expect(outcome(id).every((x) => x === 'not in force in this year'), `${id} not in force`).toBe(true);
  }
  if (c.output.tier) {
    expect(o.tier, 'tier').toBe(c.output.tier);
    expect(o.open, 'the tier is definite').toBeNull();
  }
  if (c.output.tier_open) expect(o.open?.tiers, 'open tiers').toEqual(c.output.tier_open);
  if (c.output.deciding_years) expect(o.open?.decidingYears, 'deciding years').toEqual(c.output.deciding_years);
  if (c.output.decided_by) expect([...o.decidedBy].sort()).toEqual([...c.output.decided_by].sort());
  if (c.output.watch_list_grounds) expect([...o.grounds].sort()).toEqual([...c.output.watch_list_grounds].sort());
  if (c.output.note) expect(o.notes.join('\n')).toContain(c.output.note);
  if (c.output.rubric_unknowns) expect(o.rubricUnknowns).toEqual(c.output.rubric_unknowns);
  if (c.output.open_questions) expect([...o.openQuestions].sort()).toEqual([...c.output.open_questions].sort());
  if (c.output.clock) {
    expect(o.clock, 'the clock ran').not.toBeNull();
    for (const [k, v] of Object.entries(c.output.clock)) expect(CLOCK_FIELDS[k as keyof typeof CLOCK_FIELDS](o.clock!), k).toEqual(v);
  }
}

/** Runs one parameter case. */
export function runParameterCase(id: string, c: ParameterCase, law: Law): void {
  const caseLaw: Law = { corpus: law.corpus, effective: { ...law.effective, ...(c.options?.effective ?? {}) } };
  const p = parameterInForce(id, c.report_year, caseLaw);
  if ('in_force' in c.output) {
    expect(p, `${id} not in force in ${c.report_year}`).toBeUndefined();
    return;
  }
  expect(p, `${id} in force in ${c.report_year}`).toBeDefined();
  const want = c.output.value;
  // Objects and lists match on what the case gives (a list item by item); a number or text exactly.
  if (want !== null && typeof want === 'object') expect(p!.value).toMatchObject(want as object);
  else expect(p!.value).toEqual(want);
}

/** What each case file says about each rule or parameter: the years it fires / does not / is not in force. */
export interface Coverage {
  fires: number[];
  notFired: number[];
  notInForce: number[];
  /** Parameter cases: the years with a value, and the years with none in force. */
  values: number[];
}

export function emptyCoverage(): Coverage {
  return { fires: [], notFired: [], notInForce: [], values: [] };
}

/**
 * Coverage of a corpus by its cases: every rule has a case where it fires and one where it does
 * not, in its first and last years and the years around them; every parameter has a case in the
 * first year of each dated value and in the year before it starts.
 */
export function coverageProblems(corpus: Corpus, seen: ReadonlyMap<string, Coverage>): string[] {
  const problems: string[] = [];
  for (const r of corpus.rules) {
    const s = seen.get(r.id) ?? emptyCoverage();
    const inVersion = (y: number) => y >= r.effective.from && (r.effective.to === undefined || y <= r.effective.to);
    if (!s.fires.some(inVersion)) problems.push(`${r.file}: no case where it fires`);
    if (!s.notFired.some(inVersion) && !(s.notInForce.length > 0)) problems.push(`${r.file}: no case where it does not fire`);
    const edge = (y: number) => s.fires.includes(y) || s.notFired.includes(y);
    if (!edge(r.effective.from)) problems.push(`${r.file}: no case in its first year ${r.effective.from}`);
    if (r.effective.from > 2001 && !s.notInForce.includes(r.effective.from - 1) && !corpus.rules.some((o) => o !== r && o.id === r.id && o.effective.to === r.effective.from - 1)) {
      problems.push(`${r.file}: no case showing it not in force in ${r.effective.from - 1}`);
    }
    if (r.effective.to !== undefined) {
      if (!edge(r.effective.to)) problems.push(`${r.file}: no case in its last year ${r.effective.to}`);
      if (!s.notInForce.includes(r.effective.to + 1) && !corpus.rules.some((o) => o !== r && o.id === r.id && o.effective.from === r.effective.to! + 1)) {
        problems.push(`${r.file}: no case showing it not in force in ${r.effective.to + 1}`);
      }
    }
  }
  for (const p of corpus.parameters) {
    const s = seen.get(p.id) ?? emptyCoverage();
    for (const start of Object.keys(p.values).map(Number)) {
      if (inForce(p, start) && !s.values.includes(start)) problems.push(`${p.file}: no case in ${start}, the first year of its value`);
    }
    if (p.effective.from > 2001 && !s.notInForce.includes(p.effective.from - 1)) problems.push(`${p.file}: no case showing it not in force in ${p.effective.from - 1}`);
  }
  return problems;
}
