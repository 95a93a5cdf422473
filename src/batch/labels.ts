import type { Assessment, ClockEffect } from '../assess/types.js';
import type { Known } from '../history/clock.js';
import { tierName, type Tier } from '../model/tier.js';
import { cardinalWord, capitalize } from '../render/words.js';
import type { Readings, WaiverDecisionRow } from './report-model.js';

/**
 * The words the Markdown, HTML and Word reports share, so all three say the same thing, and no
 * internal code ("needs-waiver", "after-waiver-run") reaches a page.
 */

export function tierLabel(tier: Tier | null): string {
  return tier === null ? 'no ledger row' : tierName(tier);
}

export const CHANGE_LABEL: Record<Assessment['tierChange'], string> = {
  upgrade: 'upgrade',
  downgrade: 'downgrade',
  same: 'no change',
  unknown: 'unknown (no ledger row for last year)',
  'not-comparable': 'not comparable (Special Case)',
};

/** What the clock did, as a mark beside the change, with the provision as numbered that year (`p`: "(b)(2)", from the rule files' numbered_as). */
export function clockMark(effect: ClockEffect, p: string): string | null {
  switch (effect) {
    case 'automatic-downgrade':
      return `automatic downgrade (§110${p}(D)(i))`;
    case 'waiver':
      return `waiver (§110${p}(D)(ii))`;
    case 'rule-f':
      return 'Watch List barred by rule (F) (§110(b)(2)(F))';
    case 'not-checked':
      return 'clock not checked';
    case 'none':
      return null;
  }
}

const PLACEMENT_WORDS: Record<string, string> = {
  allowed: 'the clock allows a Watch List placement',
  'needs-waiver': 'a Watch List placement needs a waiver',
  barred: 'the clock bars a Watch List placement (automatic downgrade)',
  unavailable: 'there is no Watch List in this report',
  unknown: 'whether a Watch List placement is allowed is unknown (a year is missing from the ledger)',
};

function years(n: number): string {
  return `${cardinalWord(n)} ${n === 1 ? 'year' : 'years'}`;
}

/**
 * The Watch List clock in words: "Two consecutive Watch List years before this report, both
 * counted toward the automatic downgrade; a Watch List placement needs a waiver."
 */
export function clockWords(consecutive: Known<number> | null, counted: Known<number> | null, placement: string | null): string {
  if (consecutive === null || counted === null || placement === null) return 'Not applied: no tier history was given.';
  const place = PLACEMENT_WORDS[placement] ?? placement;
  if (consecutive === 'unknown' || counted === 'unknown') return `${capitalize(place)}; the run of Watch List years is unknown (a year is missing from the ledger).`;
  if (consecutive === 0) return `Not on the Watch List last year; ${place}.`;
  const countedWords = counted === 0 ? 'none counted' : counted === consecutive ? (consecutive === 1 ? 'counted' : consecutive === 2 ? 'both counted' : 'all counted') : `${cardinalWord(counted)} counted`;
  return `${capitalize(years(consecutive))} on the Watch List before this report (${countedWords} toward the automatic downgrade); ${place}.`;
}

export const WAIVER_OUTCOME_LABEL: Record<WaiverDecisionRow['outcome'], string> = {
  'waiver-granted': 'waiver granted: stays on Tier 2 Watch List',
  'automatic-downgrade': 'no waiver: automatic downgrade to Tier 3',
};

export function swlLabel(member: boolean | 'unknown' | null): string {
  if (member === null) return 'not computed';
  if (member === 'unknown') return 'unknown';
  return member ? 'yes' : 'no';
}

/** "2010-07-29 to 2010-09-12" or "45-90 days after release" when the release date is not known. */
export function windowLabel(w: { minDays: number; maxDays: number; from: string | null; to: string | null } | null): string {
  if (!w) return 'not computed';
  const days = `${w.minDays}-${w.maxDays} days after release`;
  return w.from && w.to ? `${w.from} to ${w.to} (${days})` : days;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

const RULE_F_WORDS: Record<string, string> = {
  'after-waiver-run': 'rule (F) applied after a Watch List run that used a waiver year, to the Watch List years right after the Tier 3 stint (the default)',
  literal: 'rule (F) applied after any run of two counted Watch List years followed by Tier 3',
  'any-time-after': 'rule (F) applied at any time after a run of two counted years and a Tier 3 stint',
};

/** The clock readings in words (the interpretive choices of the README). */
export function readingsLabel(r: Readings): string {
  return `${RULE_F_WORDS[r.ruleF] ?? `rule (F) read as ${r.ruleF}`}; a Special Case year ${r.specialCaseBreaksRun ? 'breaks' : 'does not break'} a Watch List run`;
}
