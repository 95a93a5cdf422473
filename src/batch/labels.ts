import type { Assessment, ClockEffect } from '../assess/types.js';
import { paragraphOf } from '../history/clock/law.js';
import { bundledCorpus } from '../rules/corpus.js';
import { lawOf } from '../rules/law.js';
import { tierName, type Tier } from '../model/tier.js';
import type { Readings, WaiverDecisionRow } from './report-model.js';

/** The words the Markdown and HTML reports share, so both say the same thing. */

export function tierLabel(tier: Tier | null): string {
  return tier === null ? 'no row' : tierName(tier);
}

export const CHANGE_LABEL: Record<Assessment['tierChange'], string> = {
  upgrade: 'upgrade',
  downgrade: 'downgrade',
  same: 'no change',
  unknown: 'unknown (no ledger row for last year)',
  'not-comparable': 'not comparable (Special Case)',
};

/** What the clock did, as a mark beside the change, with the provision as numbered in `year`. */
export function clockMark(effect: ClockEffect, year: number): string | null {
  // The paragraph as numbered in `year`, from the rule files (numbered_as). TODO(outputs): pass the batch's law.
  const p = paragraphOf(lawOf(bundledCorpus()), year);
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

export const WAIVER_OUTCOME_LABEL: Record<WaiverDecisionRow['outcome'], string> = {
  'waiver-granted': 'waiver granted: stays on Tier 2 Watch List',
  'automatic-downgrade': 'no waiver: automatic downgrade to Tier 3',
  'not-on-watch-list': 'no decision needed: not assessed on the Watch List',
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

/** The clock readings in words (the open questions of tvpa-rules.md §4.6). */
export function readingsLabel(r: Readings): string {
  return `rule (F) read as "${r.ruleF}"; a Special Case year ${r.specialCaseBreaksRun ? 'breaks' : 'does not break'} a Watch List run`;
}
