import { EVIDENCE_FACTS, criterionFact } from '../evidence/facts.js';
import type { Evidence } from '../evidence/schema.js';
import type { Tier } from '../model/tier.js';
import { CRITERIA } from '../rules/schema.js';
import type { Facts } from '../rules/stages.js';

/**
 * What the Watch List clock tells the rules (the full clock is in the assessment): one outcome of
 * the clock. When the ledger's gaps leave several outcomes possible, the assessment runs the rules
 * once for each (src/assess/clock-outcomes.ts), so the waiver rule (D)(ii) acts on the outcome that
 * needs a waiver and the downgrade on the one that forbids the Watch List; 'unknown' is only what
 * no ledger gives (the clock was not checked).
 */
export interface ClockFacts {
  watchListPlacement: 'allowed' | 'needs-waiver' | 'barred' | 'unavailable' | 'unknown';
  ruleFApplies: boolean;
}

export interface FactOptions {
  /** §108(b)(1)/(7) transitional clause: the Secretary disregards the data presumption (2004 and 2005 reports). */
  secretaryDisregardsPresumption?: boolean;
  /** Last year's placement from the ledger (null: no ledger, or no row for that year). */
  previousTier?: Tier | null;
}

/**
 * The flat, typed facts the rules read before any rule runs (stage 0): the evidence's facts
 * (src/evidence/facts.ts, each a plain copy of its field), the clock's and the options'. No
 * statutory test is made here: the rules make them, where a reader of rules/ can see them.
 */
export function baseFacts(evidence: Evidence, clock: ClockFacts, options: FactOptions = {}): Facts {
  const facts: Facts = {};
  for (const [name, fact] of Object.entries(EVIDENCE_FACTS)) facts[name] = fact.read(evidence);
  for (const c of CRITERIA) facts[`criterion_${c}`] = criterionFact(evidence, c);
  Object.assign(facts, {
    secretaryDisregardsPresumption: options.secretaryDisregardsPresumption ?? false,
    previousTier: options.previousTier ?? 'unknown',
    watchListPlacement: clock.watchListPlacement,
    ruleFApplies: clock.ruleFApplies,
  });
  return facts;
}
