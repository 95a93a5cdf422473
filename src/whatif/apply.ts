import { EVIDENCE_FACTS, UPGRADE_PRACTICE } from '../evidence/facts.js';
import type { Evidence } from '../evidence/schema.js';
import type { FactValue } from '../rules/stages.js';

/**
 * Writes a set of changes into a copy of the evidence (the input is never modified): each fact to
 * the field it is read from (src/evidence/facts.ts), so the decision re-run on the copy reads the
 * new value. A few facts are read from the presence of a block or from a list; their writers add
 * or remove the block, or set the list's findings, the least edit that gives the fact the value.
 */
export interface FactChange {
  fact: string;
  to: FactValue;
}

/** The words a block added by a what-if carries where the model requires a text. */
export const WHAT_IF_TEXT = 'what-if: recorded by tip what-if, not by the officer';

type Writer = (e: Evidence, to: FactValue) => void;

function setAt(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let cur = target;
  for (const seg of path.slice(0, -1)) {
    if (cur[seg] === null || typeof cur[seg] !== 'object') cur[seg] = {};
    cur = cur[seg] as Record<string, unknown>;
  }
  cur[path[path.length - 1]!] = value;
}

function rebuttal(section: 'prosecution' | 'complicity'): Writer {
  return (e, to) => {
    if (to === true) e[section].presumption_rebuttal = { rationale: WHAT_IF_TEXT, sources: [] };
    else delete e[section].presumption_rebuttal;
  };
}

/** A waiver block starts as "nothing granted", so one field written leaves the others false. */
function waiver(key: 'granted' | 'written_plan' | 'plan_would_constitute_significant_efforts' | 'sufficient_resources'): Writer {
  return (e, to) => {
    e.waiver ??= { written_plan: false, plan_would_constitute_significant_efforts: false, sufficient_resources: false, granted: false };
    e.waiver[key] = to as boolean | 'unknown';
  };
}

/**
 * Any finding true gives true, none true but one unknown gives unknown: so `false` sets them all,
 * `true` the first, `unknown` the true ones (or the first). A list with no finding gets one.
 */
const policyOrPattern: Writer = (e, to) => {
  const list = e.state_labor;
  const value = to as boolean | 'unknown';
  if (to === false) {
    for (const f of list) f.government_policy_or_pattern = false;
    return;
  }
  if (to === 'unknown') for (const f of list) if (f.government_policy_or_pattern === true) f.government_policy_or_pattern = 'unknown';
  if (to === 'unknown' && list.some((f) => f.government_policy_or_pattern === 'unknown')) return;
  if (list.length === 0) list.push({ program: 'other', kind: 'forced_labor', description: WHAT_IF_TEXT, goods: [], sources: [], government_policy_or_pattern: value });
  else list[0]!.government_policy_or_pattern = value;
};

const WRITERS: Record<string, Writer> = {
  specialCase: (e, to) => {
    if (to === true) e.special_case = { reason: WHAT_IF_TEXT };
    else delete e.special_case;
  },
  prosecutionPresumptionRebutted: rebuttal('prosecution'),
  complicityPresumptionRebutted: rebuttal('complicity'),
  policyOrPatternFound: policyOrPattern,
  waiverGranted: waiver('granted'),
  waiverWrittenPlan: waiver('written_plan'),
  waiverPlanSufficient: waiver('plan_would_constitute_significant_efforts'),
  waiverResources: waiver('sufficient_resources'),
  departsFromUpgradePractice: (e, to) => {
    const d = e.determination;
    if (!d) throw new Error('departsFromUpgradePractice needs a determination');
    const rest = d.departs_from_practice.filter((p) => p !== UPGRADE_PRACTICE);
    d.departs_from_practice = to === true ? [...rest, UPGRADE_PRACTICE] : rest;
  },
  'determination.fully_meets': (e, to) => {
    if (!e.determination) throw new Error('determination.fully_meets needs a determination');
    e.determination.fully_meets = to as boolean;
  },
  'determination.significant_efforts': (e, to) => {
    if (!e.determination) throw new Error('determination.significant_efforts needs a determination');
    e.determination.significant_efforts = to as boolean;
  },
};

function write(e: Evidence, fact: string, to: FactValue): void {
  const writer = WRITERS[fact];
  if (writer) return writer(e, to);
  const criterion = /^criterion_(b\d+)$/.exec(fact);
  if (criterion) {
    const c = e.criteria[criterion[1]!];
    if (!c) throw new Error(`${fact}: the criterion is not in the evidence`);
    c.finding = to as typeof c.finding;
    return;
  }
  const source = EVIDENCE_FACTS[fact];
  if (!source) throw new Error(`no evidence field for fact ${fact}`);
  setAt(e as unknown as Record<string, unknown>, source.path, to);
}

/** The top-level section of the evidence a fact is written to. */
const SECTION_OF: Record<string, keyof Evidence> = {
  specialCase: 'special_case',
  prosecutionPresumptionRebutted: 'prosecution',
  complicityPresumptionRebutted: 'complicity',
  policyOrPatternFound: 'state_labor',
  waiverGranted: 'waiver',
  waiverWrittenPlan: 'waiver',
  waiverPlanSufficient: 'waiver',
  waiverResources: 'waiver',
  departsFromUpgradePractice: 'determination',
  'determination.fully_meets': 'determination',
  'determination.significant_efforts': 'determination',
};

function sectionOf(fact: string): keyof Evidence {
  const known = SECTION_OF[fact];
  if (known) return known;
  if (/^criterion_b\d+$/.test(fact)) return 'criteria';
  const source = EVIDENCE_FACTS[fact];
  if (!source) throw new Error(`no evidence field for fact ${fact}`);
  return source.path[0] as keyof Evidence;
}

/**
 * A copy of the evidence with the changes written in. Only the sections written are copied (the
 * others, the narrative's long texts among them, are shared with the input, which no writer
 * touches): the what-if writes one copy per candidate it confirms.
 */
export function applyChanges(evidence: Evidence, changes: readonly FactChange[]): Evidence {
  const out = { ...evidence } as Record<string, unknown>;
  for (const section of new Set(changes.map((c) => sectionOf(c.fact)))) {
    if (evidence[section] !== undefined) out[section] = structuredClone(evidence[section]);
  }
  for (const c of changes) write(out as Evidence, c.fact, c.to);
  return out as Evidence;
}
