export {
  computeClock,
  clockAt,
  clockRun,
  clockTimeline,
  outcomesAt,
  watchListOutcomes,
  resolveClockOptions,
  DEFAULT_CLOCK_OPTIONS,
  RULE_F_READINGS,
  type Clock,
  type ClockOptions,
  type Known,
  type ResolvedClockOptions,
  type RuleF,
  type RuleFReading,
  type WatchListOutcome,
  type WatchListPlacement,
} from './clock.js';
export { checkHistory, type CheckResult, type CheckRule, type Finding, type UnknownFinding } from './check.js';
export { specialWatchList, specialWatchListFor, type SpecialWatchList, type SpecialWatchListOptions, type SwlGround } from './special-watch-list.js';
export { tier3Consequences, type NoTier3Consequences, type Tier3Consequences } from './tier3-consequences.js';
export { clockLaw, clockCites, clockProvision, paragraphOf, CLOCK_IDS, type ClockLaw, type YearLaw } from './clock/law.js';
export { historyJson, historyText, checkJson, checkText, timelineOf, type TimelineEntry } from './format.js';
