import type { Assessment } from '../assess/types.js';
import type { Evidence } from '../evidence/schema.js';
import type { ClockOptions } from '../history/clock.js';
import type { Ledger } from '../ledger/ledger.js';
import type { Corpus } from '../rules/corpus.js';
import { assess, contextFor, openOf, recordedTier, withPlacement, type AssessOptions } from './adapter.js';
import { carryForward } from './carry.js';
import { ruleRef } from './describe.js';
import { summarise } from './next-year-words.js';
import type { NextYear, ProjectedYear } from './types.js';

/**
 * Next year, if nothing changes: this year's tier written into the ledger in memory, the evidence
 * carried to the next report year unchanged, the Watch List clock read for it and the decision
 * run, year after year while the country stays on the Watch List (the clock's run is what changes
 * from one year to the next). A second path grants the waiver whenever the clock needs one, to
 * show when the Watch List would be barred. The ledger file is never touched.
 */
export interface ProjectInput {
  evidence: Evidence;
  current: Assessment;
  ledger: Ledger | undefined;
  options: AssessOptions;
  clock: ClockOptions;
  corpus: Corpus;
}

/** Two counted years, up to two waiver years, the barred year, and one to spare. */
const HORIZON = 6;

const GRANTED = { written_plan: true, plan_would_constitute_significant_efforts: true, sufficient_resources: true, granted: true } as const;

async function walk(input: ProjectInput, ledger: Ledger, withWaiver: boolean, notes: Set<string>): Promise<ProjectedYear[]> {
  const { iso3 } = input.current.country;
  const out: ProjectedYear[] = [];
  let book = withPlacement(ledger, iso3, input.current.year, input.current.tier, input.current.clockEffect === 'waiver');
  let evidence = input.evidence;
  for (let i = 1; i <= HORIZON; i++) {
    const year = input.current.year + i;
    const carried = carryForward(evidence, year, input.corpus, input.options.effective ?? {});
    carried.notes.forEach((n) => notes.add(n));
    evidence = carried.evidence;
    if (withWaiver) evidence = { ...evidence, waiver: { ...GRANTED, rationale: 'tip what-if: the waiver granted whenever the clock needs one' } };
    const context = contextFor(book, iso3, year, input.corpus, input.options, input.clock);
    const a = await assess(evidence, context, input.options, input.corpus);
    const clock = context.clock!;
    out.push({
      year,
      tier: a.tier,
      decidedBy: a.decidedBy.map((d) => ruleRef({ id: d.rule, title: d.title, file: d.file, cites: d.cites })),
      clock: {
        placement: String(clock.watchListPlacement),
        countedBefore: clock.countedWatchListYears,
        waiverYearsUsed: clock.waiverYearsUsed,
        waiverYearsAllowed: clock.waiverYearsAllowed,
        ruleF: clock.ruleF.applies,
        unknownYears: [...clock.unknownYears],
      },
      clockEffect: a.clockEffect,
      counts: null,
      text: '',
    });
    book = withPlacement(book, iso3, year, a.tier, a.clockEffect === 'waiver');
    if (a.tier !== '2WL') break;
  }
  // Whether a Watch List year counts is the next year's clock to say (years before the counting
  // report do not); the last one is read from a clock one year further on.
  const after = contextFor(book, iso3, input.current.year + out.length + 1, input.corpus, input.options, input.clock).clock!;
  out.forEach((y, i) => {
    if (y.tier !== '2WL') return;
    const next = out[i + 1]?.clock.countedBefore ?? after.countedWatchListYears;
    y.counts = typeof next === 'number' && typeof y.clock.countedBefore === 'number' ? next === y.clock.countedBefore + 1 : 'unknown';
  });
  return out;
}

export async function projectNextYear(input: ProjectInput): Promise<NextYear> {
  const reading = input.clock.ruleF ?? 'after-waiver-run';
  const none = (why: string): NextYear => ({ unavailable: why, ruleFReading: reading, years: [], withWaivers: [], summary: [why], notes: [] });
  if (!input.ledger) return none('No tier history was given (--history): the Watch List clock cannot be carried to next year.');
  const open = openOf(input.current);
  if (open) return none(`This year's tier is open (${open.tiers.join(' or ')}, depending on ${open.decidingYears.join(', ')}): record those years in the ledger to project the clock.`);
  const { iso3 } = input.current.country;
  const notes = new Set<string>();
  const recorded = recordedTier(input.ledger, iso3, input.current.year);
  if (recorded !== undefined && recorded !== input.current.tier) {
    notes.add(`The ledger records ${recorded} for ${input.current.year}; the projection uses the assessed tier, ${input.current.tier}.`);
  }
  const years = await walk(input, input.ledger, false, notes);
  const needsWaiver = years.some((y) => y.clock.placement === 'needs-waiver');
  const withWaivers = needsWaiver ? await walk(input, input.ledger, true, notes) : [];
  const summary = summarise(input.current, years, withWaivers, reading);
  return { unavailable: null, ruleFReading: reading, years, withWaivers, summary, notes: [...notes] };
}
