import type { Tier } from '../model/tier.js';
import type { Cite } from '../rules/schema.js';
import type { FactValue } from '../rules/stages.js';
import type { VariedClass } from './classes.js';

/** The result types of `tip what-if` (src/whatif/index.ts). */

/** The default bound on the number of changes in a set (the "say 3"). */
export const DEFAULT_BOUND = 3;
/** A larger bound is allowed up to this; the number of sets (and of decisions confirming them) grows with it. */
export const MAX_BOUND = 5;

export interface RuleRef {
  rule: string;
  title: string;
  file: string;
  cites: Cite[];
}

/**
 * One evidence change: a field, its value now and the value the change gives it.
 *  - kind `change`: a known value to another known value;
 *  - kind `record`: an unknown value (unknown, no_information) to a known one: "record this", an
 *    instruction to the officer, never a government action;
 *  - kind `withdraw`: a known value to unknown: never advice.
 * `class` is the fact's class, or situational when either value is situational for it.
 */
export interface EvidenceChange {
  fact: string;
  field: string;
  from: FactValue;
  to: FactValue;
  class: VariedClass;
  kind: 'change' | 'record' | 'withdraw';
  label: string;
  /** The recommendation's words, for an actionable change toward a better tier. */
  advice?: string;
  /** The standards and criteria it answers (a1-a4, b1-b12). */
  covers: string[];
  /** The rules in force that read the fact. */
  rules: RuleRef[];
}

export interface ChangeSet {
  changes: EvidenceChange[];
  /** The rules that would then decide, from the decision re-run on the changed evidence. */
  decidedBy: RuleRef[];
  /** Every change is a government action (class actionable, kind change). */
  actionsOnly: boolean;
}

export interface TargetResult {
  tier: Tier;
  direction: 'up' | 'down' | 'across';
  /** Every minimal set of at most `bound` changes, best first (actions only, then fewest non-actions). */
  sets: ChangeSet[];
  /**
   * Why there is no set: no change of the evidence can give the tier (the ledger decides), more
   * than `bound` changes are needed (`fewest` of them), or more than MAX_BOUND.
   */
  none?: 'unreachable' | 'beyond-bound' | 'beyond-search';
  fewest?: number;
  /** Candidates the decision re-run did not confirm (always 0 unless the model and the engine disagree). */
  unconfirmed: number;
}

export interface ProjectedYear {
  year: number;
  tier: Tier;
  decidedBy: RuleRef[];
  clock: {
    placement: string;
    countedBefore: number | 'unknown';
    waiverYearsUsed: number | 'unknown';
    waiverYearsAllowed: number;
    ruleF: boolean | 'unknown';
    /** Missing ledger years the clock depends on. */
    unknownYears: number[];
  };
  /** What the clock did to the tier (the assessment's clockEffect). */
  clockEffect: string;
  /** On the Watch List: whether the year counts toward the automatic downgrade (null: not on it). */
  counts: boolean | 'unknown' | null;
  /** What this year means on the clock, in words. */
  text: string;
}

export interface NextYear {
  /** Null when it cannot be projected, with the reason. */
  unavailable: string | null;
  ruleFReading: string;
  /** The evidence carried unchanged, no waiver granted. */
  years: ProjectedYear[];
  /** The same, with the waiver granted whenever the clock needs one (empty when none is needed). */
  withWaivers: ProjectedYear[];
  /** The consequence, in sentences. */
  summary: string[];
  notes: string[];
}

export interface PlannedAction {
  rank: number;
  fact: string;
  field: string;
  to: FactValue;
  text: string;
  covers: string[];
  /** The better tiers it helps reach, nearest first. */
  towards: Tier[];
  /** It alone is a minimal set toward some tier. */
  sufficient: boolean;
  /** The other government actions of the best set it belongs to (their fields). */
  together: string[];
  /** What else that set needs that is not a government action (labels, with their class). */
  conditions: string[];
  cites: Cite[];
}

export interface WhatIfWork {
  /** Facts the goals read, of those the evidence can change. */
  factsRead: number;
  /** Single changes over those facts. */
  singleChanges: number;
  /** Sets of at most `bound` changes a brute force would have to try. */
  bruteForceSets: number;
  /** Steps of the abduction, minimal sets found, decisions re-run to confirm them. */
  steps: number;
  candidates: number;
  confirmed: number;
}

export interface WhatIf {
  file?: string;
  country: { name: string; iso3: string };
  year: number;
  current: { tier: Tier; open: { tiers: Tier[]; decidingYears: number[] } | null; decidedBy: RuleRef[] };
  bound: number;
  targets: TargetResult[];
  nextYear: NextYear;
  plan: PlannedAction[];
  classes: { file: string; cites: Cite[] };
  notes: string[];
  work: WhatIfWork;
}
