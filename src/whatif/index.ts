import { checkOverrides, ledgerFor, type AssessFileOptions } from '../assess/file.js';
import { UsageError } from '../diagnostics/diagnostic.js';
import { loadEvidenceFile } from '../evidence/load.js';
import type { Evidence } from '../evidence/schema.js';
import type { Ledger } from '../ledger/ledger.js';
import { isTier, type Tier } from '../model/tier.js';
import { bundledCorpus, type Corpus } from '../rules/corpus.js';
import { contextFor, openOf } from './adapter.js';
import { bundledFactClasses, type FactClasses } from './classes.js';
import { ruleRef } from './describe.js';
import { projectNextYear } from './next-year.js';
import { prioritisedActions } from './plan.js';
import { searchTargets } from './search.js';
import { DEFAULT_BOUND, MAX_BOUND, type WhatIf } from './types.js';

/**
 * `tip what-if`: the smallest sets of evidence changes that would move the tier to each other tier
 * (exact and exhaustive up to `bound` changes; README, "What would change the tier"), the clock's
 * consequence next year if nothing changes, and the prioritised government actions.
 */
export interface WhatIfOptions extends AssessFileOptions {
  /** At most this many changes per set (default 3). */
  bound?: number;
  /** Only these tiers (default: every other tier of the lists and the Watch List). */
  targets?: readonly Tier[];
  classes?: FactClasses;
}

export { DEFAULT_BOUND, MAX_BOUND } from './types.js';

export interface WhatIfInput {
  evidence: Evidence;
  ledger?: Ledger | undefined;
  options?: WhatIfOptions;
  corpus?: Corpus;
  file?: string;
}

function checkOptions(options: WhatIfOptions): number {
  const bound = options.bound ?? DEFAULT_BOUND;
  if (!Number.isInteger(bound) || bound < 1 || bound > MAX_BOUND) throw new UsageError(`the bound on the number of changes expects 1 to ${MAX_BOUND}, found ${bound}`);
  for (const t of options.targets ?? []) if (!isTier(t)) throw new UsageError(`--target expects 1, 2, 2WL, 3 or special, found "${String(t)}"`);
  return bound;
}

/** The what-if of evidence in memory (the workbench's, or a file's once loaded). */
export async function whatIf(input: WhatIfInput): Promise<WhatIf> {
  const options = input.options ?? {};
  const corpus = input.corpus ?? options.corpus ?? bundledCorpus();
  const bound = checkOptions(options);
  const classes = options.classes ?? bundledFactClasses();
  const { evidence } = input;
  const history = contextFor(input.ledger, evidence.country.iso3, evidence.report_year, corpus, options, options.clock);
  const search = await searchTargets({ evidence, history, options, corpus, classes, bound, ...(options.targets ? { targets: options.targets } : {}) });
  const { current } = search;
  const nextYear = await projectNextYear({ evidence, current, ledger: input.ledger, options, clock: options.clock ?? {}, corpus });
  const notes: string[] = [];
  if (!input.ledger) notes.push('No tier history was given (--history): the Watch List clock is not applied, and its facts are not varied.');
  for (const t of search.targets) {
    if (t.unconfirmed > 0) notes.push(`${t.unconfirmed} candidate set(s) toward ${t.tier} were not confirmed by the decision: the what-if's model of the rules and the engine disagree (please report).`);
  }
  return {
    ...(input.file !== undefined ? { file: input.file } : {}),
    country: { name: evidence.country.name, iso3: evidence.country.iso3 },
    year: evidence.report_year,
    current: { tier: current.tier, open: openOf(current), decidedBy: current.decidedBy.map((d) => ruleRef({ id: d.rule, title: d.title, file: d.file, cites: d.cites })) },
    bound,
    targets: search.targets,
    nextYear,
    plan: prioritisedActions(search.targets, current.tier),
    classes: { file: classes.file, cites: [...classes.cites] },
    notes,
    work: search.work,
  };
}

/** Loads and validates an evidence file, then its what-if. Throws InputError for bad input. */
export async function whatIfFile(path: string, options: WhatIfOptions = {}): Promise<{ whatIf: WhatIf; evidence: Evidence }> {
  const corpus = options.corpus ?? bundledCorpus();
  checkOptions(options);
  checkOverrides(options.effective ?? {}, corpus);
  const { evidence } = loadEvidenceFile(path, corpus, options.effective ?? {});
  const ledger = options.ledger ?? ledgerFor(options);
  return { whatIf: await whatIf({ evidence, ledger, options, corpus, file: path }), evidence };
}

export type { WhatIf, TargetResult, ChangeSet, EvidenceChange, NextYear, ProjectedYear, PlannedAction, RuleRef, WhatIfWork } from './types.js';
export { loadFactClasses, bundledFactClasses, FACT_CLASSES, VARIED_CLASSES, type FactClasses, type FactClass, type VariedClass } from './classes.js';
export { applyChanges, type FactChange } from './apply.js';
