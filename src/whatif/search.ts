import { DecisionError } from '../assess/resolve.js';
import type { Assessment } from '../assess/types.js';
import type { Evidence } from '../evidence/schema.js';
import { tierRank, type Tier } from '../model/tier.js';
import type { Corpus } from '../rules/corpus.js';
import { assess, clockBranches, decideTier, factsBefore, openOf, type AssessOptions, type HistoryContext } from './adapter.js';
import { applyChanges } from './apply.js';
import { Abduction, SearchLimitError, type Candidate } from './abduce.js';
import type { FactClasses } from './classes.js';
import { installDerivations } from './derived.js';
import { ChangeWords, ruleRef } from './describe.js';
import { and, factsOf, type Formula } from './formula.js';
import { tierGoal } from './goal.js';
import { DecisionModel } from './model.js';
import { buildSpace, type Space } from './space.js';
import { MAX_BOUND, type ChangeSet, type TargetResult, type WhatIfWork } from './types.js';

/**
 * The search: for each target tier, the goal "the tier is T" in every branch of the clock, as a
 * formula over the evidence's facts (src/whatif/goal.ts), whose minimal sets of at most `bound`
 * changes are found by abduction over its failing conditions (src/whatif/abduce.ts), each
 * confirmed by re-running the decision on the changed evidence. No set of changes is enumerated
 * blindly: the work follows the rules' conditions that fail, not the combinations of facts.
 */
export interface SearchInput {
  evidence: Evidence;
  history: HistoryContext;
  options: AssessOptions;
  corpus: Corpus;
  classes: FactClasses;
  bound: number;
  targets?: readonly Tier[];
}

export interface SearchResult {
  current: Assessment;
  targets: TargetResult[];
  space: Space;
  work: WhatIfWork;
}

/** The tiers of the statute's lists and the Watch List; a Special Case only when asked for. */
const DEFAULT_TARGETS: readonly Tier[] = ['1', '2', '2WL', '3'];

function directionOf(target: Tier, current: Assessment): TargetResult['direction'] {
  const to = tierRank(target);
  const from = tierRank(current.tier);
  if (to === undefined || from === undefined || openOf(current)) return 'across';
  return to > from ? 'up' : 'down';
}

/** Sets of only government actions first; then fewer situational, withdrawn, procedural and recorded changes; then fewer changes. */
function rankKey(set: ChangeSet): number[] {
  const count = (p: (c: ChangeSet['changes'][number]) => boolean) => set.changes.filter(p).length;
  return [
    count((c) => c.class === 'situational'),
    count((c) => c.kind === 'withdraw'),
    count((c) => c.class === 'procedural'),
    count((c) => c.kind === 'record'),
    set.changes.length,
  ];
}

function compareSets(a: ChangeSet, b: ChangeSet): number {
  const ka = rankKey(a);
  const kb = rankKey(b);
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i]! - kb[i]!;
  return 0;
}

/** The space's order of facts, then of values (true before partial; met before partly_met). */
function bySpace(space: Space): (a: Candidate, b: Candidate) => number {
  const pos = (c: Candidate[number]) => c.fact * 16 + space.facts[c.fact]!.domain.indexOf(c.to);
  return (a, b) => {
    for (let i = 0; i < Math.min(a.length, b.length); i++) if (pos(a[i]!) !== pos(b[i]!)) return pos(a[i]!) - pos(b[i]!);
    return a.length - b.length;
  };
}

/** The sum over k <= bound of the products of k distinct facts' alternatives (elementary symmetric sums). */
function bruteForceCount(alternatives: readonly number[], bound: number): number {
  const e = [1, ...Array<number>(bound).fill(0)];
  for (const a of alternatives) for (let k = bound; k >= 1; k--) e[k]! += e[k - 1]! * a;
  return e.slice(1).reduce((s, x) => s + x, 0);
}

/** The space of changes, and the decision as formulas in each branch of the clock. */
export function decisionModels(input: Omit<SearchInput, 'bound' | 'targets'>): { space: Space; models: DecisionModel[]; goal: (tier: Tier) => Formula } {
  const { evidence, history, options, corpus, classes } = input;
  const branchFacts = clockBranches(history).map((clock) => factsBefore(evidence, clock, history, options));
  const space = buildSpace(evidence, branchFacts[0]!, classes);
  const models = branchFacts.map((fixed) => {
    const m = new DecisionModel(corpus, evidence.report_year, options.effective ?? {}, space, fixed);
    installDerivations(m, evidence.determination !== undefined);
    return m;
  });
  return { space, models, goal: (tier) => and(models.map((m) => tierGoal(m, tier))) };
}

export async function searchTargets(input: SearchInput): Promise<SearchResult> {
  const { evidence, history, options, corpus, classes, bound } = input;
  const current = await assess(evidence, history, options, corpus);
  const { space, goal: goalOf } = decisionModels(input);
  const abduction = new Abduction(space, bound);
  const words = new ChangeWords(corpus, evidence.report_year, options.effective ?? {}, classes);
  const open = openOf(current);
  // The nearest tiers first, a better one before a worse one as far.
  const from = tierRank(current.tier) ?? 0;
  const distance = (t: Tier) => Math.abs((tierRank(t) ?? 0) - from) * 2 + ((tierRank(t) ?? 0) < from ? 1 : 0);
  const wanted = input.targets ?? DEFAULT_TARGETS.filter((t) => open !== null || t !== current.tier).sort((a, b) => distance(a) - distance(b));

  const read = new Set<number>();
  const targets: TargetResult[] = [];
  let candidates = 0;
  let confirmed = 0;
  for (const tier of wanted) {
    const goal = goalOf(tier);
    for (const f of factsOf(goal)) read.add(f);
    const sets = abduction.sets(goal).sort(bySpace(space));
    candidates += sets.length;
    const result: TargetResult = { tier, direction: directionOf(tier, current), sets: [], unconfirmed: 0 };
    for (const set of sets) {
      const checked = await confirm(input, space, set, tier, words);
      if (checked) {
        result.sets.push(checked);
        confirmed++;
      } else result.unconfirmed++;
    }
    result.sets.sort(compareSets);
    if (result.sets.length === 0) Object.assign(result, beyondBound(goal, space, bound));
    targets.push(result);
  }
  const alternatives = [...read].map((i) => space.facts[i]!.domain.length - 1);
  const work: WhatIfWork = {
    factsRead: read.size,
    singleChanges: alternatives.reduce((s, a) => s + a, 0),
    bruteForceSets: bruteForceCount(alternatives, bound),
    steps: abduction.steps,
    candidates,
    confirmed,
  };
  return { current, targets, space, work };
}

/**
 * Why a goal has no set within the bound: no change of the evidence can give the tier (the goal
 * folds to false: the ledger or a fact not varied decides), or the fewest changes that would, up
 * to the largest bound the what-if allows; past that, only that it needs more.
 */
function beyondBound(goal: Formula, space: Space, bound: number): Pick<TargetResult, 'none' | 'fewest'> {
  if (goal.k === 'const') return { none: 'unreachable' };
  if (bound >= MAX_BOUND) return { none: 'beyond-search' };
  try {
    const sets = new Abduction(space, MAX_BOUND, 200_000).sets(goal);
    if (sets.length === 0) return { none: 'beyond-search' };
    return { none: 'beyond-bound', fewest: Math.min(...sets.map((s) => s.length)) };
  } catch (err) {
    if (err instanceof SearchLimitError) return { none: 'beyond-search' };
    throw err;
  }
}

/** Re-runs the decision on the changed evidence: the set counts only if the tier is then the target, definitely. */
async function confirm(input: SearchInput, space: Space, set: Candidate, tier: Tier, words: ChangeWords): Promise<ChangeSet | undefined> {
  const changes = set.map((c) => ({ fact: space.facts[c.fact]!.name, to: c.to }));
  const changed = applyChanges(input.evidence, changes);
  let decided: Awaited<ReturnType<typeof decideTier>>;
  try {
    decided = await decideTier(changed, input.history, input.options, input.corpus);
  } catch (err) {
    if (err instanceof DecisionError) return undefined; // the rules give no answer or two: not the target
    throw err;
  }
  if (decided.tier !== tier) return undefined;
  const described = set.map((c) => words.describe(space.facts[c.fact]!, c.to));
  return {
    changes: described,
    decidedBy: decided.decidedBy.map(ruleRef),
    actionsOnly: described.length > 0 && described.every((c) => c.class === 'actionable' && c.kind === 'change'),
  };
}
