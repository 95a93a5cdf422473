import type { RegionalBureau, Tier } from '../model/tier.js';
import type { Cite } from '../rules/schema.js';
import type { Era } from './era.js';
import type { TraceEntry } from './decide.js';
import type { OpenQuestion } from './open-questions.js';
import type { Clock } from '../history/clock.js';
import type { SpecialWatchList } from '../history/special-watch-list.js';
import type { Tier3Consequences } from '../history/tier3-consequences.js';

/**
 * The Watch List clock the assessment carries: src/history/clock.ts computes it from the ledger
 * (22 U.S.C. 7107(b)(2)(D)-(F)). Counts are 'unknown' when a missing year could change them.
 */
export type ClockSummary = Clock;

export type ClockEffect =
  /** The clock did not change the tier. */
  | 'none'
  /** §110(b)(2)(D)(i): Tier 2 Watch List would otherwise apply; placed on Tier 3. */
  | 'automatic-downgrade'
  /** §110(b)(2)(D)(ii): kept on the Watch List by a waiver. */
  | 'waiver'
  /** §110(b)(2)(F): a second Watch List year after a downgrade is barred. */
  | 'rule-f'
  /** No history was given (or it has gaps that matter): the clock could not be checked. */
  | 'not-checked';

/** A tier the ledger's missing years leave open (see Assessment.open). */
export interface OpenTier {
  /** The possible tiers, best first. */
  tiers: Tier[];
  /** The missing ledger years that decide between them. */
  decidingYears: number[];
  /** Each outcome of the clock the gaps leave possible, and the tier the rules give with it. */
  branches: { watchListPlacement: string; ruleFApplies: boolean; tier: Tier; decidedBy: string[] }[];
}

export interface Recommendation {
  text: string;
  source: 'analyst' | 'criterion' | 'standard';
  rule?: string;
  cites?: Cite[];
  /** The standards and criteria it answers (a1-a4, b1-b12): its rule's, or those the analyst named. */
  covers?: string[];
}

/** What became of a data presumption of §108(b)(1) or (7) in force (src/assess/outputs.ts). */
export interface PresumptionStatus {
  rule: string;
  file: string;
  criterion: string;
  /** applies (and binds "fully meets"), rebutted by the evidence, open (an unknown), or does not arise. */
  status: 'applies' | 'rebutted' | 'open' | 'does not arise';
  rebuttal?: string;
  /** The analyst determined "fully meets", and the presumption kept the country off Tier 1. */
  bindsAnalyst: boolean;
}

export interface WatchListGround {
  /** The ground's roman numeral, as its rule file gives it: 'I', 'II', 'III', ... */
  ground: string;
  text: string;
  rule: string;
  cites: Cite[];
}

/** Special Watch List membership (22 U.S.C. 7107(b)(2)(A)); computed by src/history/special-watch-list.ts. */
export type SpecialWatchListSummary = SpecialWatchList;

/** Tier 3 consequences (22 U.S.C. 7107(c)-(d), 19 U.S.C. 4205(b)(6)); computed by src/history/tier3-consequences.ts. */
export type Tier3Summary = Tier3Consequences;

export interface Assessment {
  /** The evidence file, as given on the command line (absent for in-memory evidence). */
  file?: string;
  country: {
    name: string;
    iso3: string;
    bureau: RegionalBureau;
    adjective: string;
    government: { formal_name: string; short_name: string; abbreviation?: string | undefined };
  };
  year: number;
  reportingPeriod: { from: string; to: string };
  era: Era;
  tier: Tier;
  /** The tier before the Watch List clock was applied (2WL when the clock downgraded). */
  tierBeforeClock: Tier;
  /** Last year's placement, from the ledger; null when the ledger has no row for it. */
  previousTier: Tier | null;
  tierChange: 'upgrade' | 'downgrade' | 'same' | 'unknown' | 'not-comparable';
  clockEffect: ClockEffect;
  /** The rule(s) whose conclusion is the tier, with their citations. */
  decidedBy: { rule: string; file: string; line: number; title: string; cites: Cite[] }[];
  /**
   * Null when the tier is definite. Otherwise the ledger's missing years leave it open: the
   * possible tiers and the years that decide. `tier` is then the most severe of them, and no
   * output may state it as definite (`tip record` refuses it).
   */
  open: OpenTier | null;
  /** The rubric's recommendation (policy guidance, not law), with the findings of no information it rests on. */
  rubric: { fullyMeets: boolean; significantEfforts: boolean; unknowns: string[] };
  determination: {
    source: 'analyst' | 'rubric';
    fullyMeets: boolean;
    significantEfforts: boolean;
    rationale?: string;
    /** The analyst departed from the rubric. */
    overridesRubric: boolean;
  };
  watchList: { grounds: WatchListGround[] };
  clock: ClockSummary | null;
  specialWatchList: SpecialWatchListSummary | null;
  tier3: Tier3Summary | null;
  recommendations: Recommendation[];
  /** The data presumptions in force and what became of each. */
  presumptions: PresumptionStatus[];
  /** Rules of the statute or of practice that the evidence's unknowns leave undecided: what to record. */
  openQuestions: OpenQuestion[];
  /** Things the desk officer must know: no history given, a gap in the ledger, a presumption applied. */
  notes: string[];
  options: Record<string, unknown>;
  trace: TraceEntry[];
}
