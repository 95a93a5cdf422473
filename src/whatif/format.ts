import { tierName } from '../model/tier.js';
import { capitalize } from '../render/words.js';
import { MAX_BOUND, type ChangeSet, type EvidenceChange, type TargetResult, type WhatIf } from './types.js';

/**
 * `tip what-if` as text. The JSON (`--json`) lists every set; the text groups sets that differ
 * only in the value a fact takes ("true or partial") and shows the first groups of each target
 * unless `all` is asked for.
 */
export interface FormatOptions {
  /** Every group of every target (default: the first five of each). */
  all?: boolean;
}

const SHOWN = 5;

export const MARKS: Record<string, string> = {
  action: 'a government action',
  record: 'record an unknown: not a government action',
  procedural: "the Department's or the analyst's decision",
  situational: "the country's situation: never advice",
  withdraw: 'a finding withdrawn: never advice',
};

export function markOf(c: EvidenceChange): string {
  if (c.class === 'situational') return 'situational';
  if (c.kind === 'withdraw') return 'withdraw';
  if (c.kind === 'record') return 'record';
  return c.class === 'procedural' ? 'procedural' : 'action';
}

const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

/** Sets alike but for the values of their facts, as one line per fact with its alternatives. */
interface Group {
  sets: ChangeSet[];
  /** Per change position: the values, in order of first appearance. */
  values: unknown[][];
}

function signature(s: ChangeSet): string {
  return [...s.changes.map((c) => `${c.fact}:${markOf(c)}`), '->', ...s.decidedBy.map((d) => d.rule)].join('|');
}

/** Groups whose sets are exactly the product of their values; anything else stays one set per group. */
export function groupSets(sets: readonly ChangeSet[]): Group[] {
  const bySig = new Map<string, ChangeSet[]>();
  for (const s of sets) bySig.set(signature(s), [...(bySig.get(signature(s)) ?? []), s]);
  const out: Group[] = [];
  for (const members of bySig.values()) {
    const values = members[0]!.changes.map((_, i) => [...new Set(members.map((m) => show(m.changes[i]!.to)))]);
    const product = values.reduce((n, v) => n * v.length, 1);
    if (product === members.length) out.push({ sets: members, values });
    else for (const m of members) out.push({ sets: [m], values: m.changes.map((c) => [show(c.to)]) });
  }
  return out;
}

function ruleCite(c: EvidenceChange): string {
  const r = c.rules.find((x) => x.cites.length > 0);
  return r ? `; ${r.cites[0]!.title}` : '';
}

function groupLines(g: Group, n: number): string[] {
  const first = g.sets[0]!;
  const lines: string[] = [];
  first.changes.forEach((c, i) => {
    const head = i === 0 ? `${String(n).padStart(3)}. ` : '     ';
    lines.push(`${head}[${markOf(c)}] ${c.field}: ${show(c.from)} -> ${g.values[i]!.join(' or ')}`);
    lines.push(`          ${c.label}${ruleCite(c)}`);
  });
  const by = first.decidedBy.map((d) => `${d.rule} (${d.cites[0]?.title ?? d.file})`).join('; ');
  lines.push(`          then decided by ${by}`);
  return lines;
}

function targetLines(t: TargetResult, bound: number, options: FormatOptions): string[] {
  const none =
    t.none === 'unreachable'
      ? 'no change of the evidence gives it this year: what decides is the tier history (the Watch List clock) or a fact not varied'
      : t.none === 'beyond-bound'
        ? `no set of at most ${bound} changes gives it (the fewest that would: ${t.fewest}; --max-changes ${t.fewest} lists them)`
        : `no set of at most ${Math.max(bound, MAX_BOUND)} changes of the evidence gives it this year`;
  const out = [`Toward ${tierName(t.tier)} (${t.direction}): ${t.sets.length === 0 ? none : `${t.sets.length} minimal set${t.sets.length === 1 ? '' : 's'}`}`];
  const groups = groupSets(t.sets);
  const shown = options.all ? groups : groups.slice(0, SHOWN);
  shown.forEach((g, i) => out.push(...groupLines(g, i + 1)));
  if (shown.length < groups.length) {
    const rest = groups.slice(shown.length).reduce((n, g) => n + g.sets.length, 0);
    out.push(`     ... and ${rest} more set${rest === 1 ? '' : 's'} (--all, or --json, lists every one)`);
  }
  return out;
}

function nextYearLines(w: WhatIf): string[] {
  const n = w.nextYear;
  const out = [`Next year, if nothing changes (the ${w.year} evidence carried forward; rule (F) reading: ${n.ruleFReading}):`];
  if (n.unavailable) return [...out, `  ${n.unavailable}`];
  for (const y of n.years) out.push(`  ${y.year}: ${y.text}`);
  const differs = n.withWaivers.filter((y, i) => n.years[i]?.tier !== y.tier || n.years[i]?.text !== y.text);
  if (differs.length > 0) out.push(`  with the waiver granted whenever it is needed: ${differs.map((y) => `${y.year}: ${y.text}`).join('; ')}`);
  for (const s of n.summary) out.push(`  ${s}`);
  for (const note of n.notes) out.push(`  note: ${note}`);
  return out;
}

function planLines(w: WhatIf): string[] {
  if (w.plan.length === 0) return ['Government actions: none of the sets toward a better tier has one.'];
  const out = ['Government actions, in priority order (the action plan draws on them):'];
  for (const a of w.plan) {
    out.push(`  ${a.rank}. ${capitalize(a.text)}.`);
    const parts = [`toward ${a.towards.map(tierName).join(', ')}`, a.covers.length > 0 ? `answers ${a.covers.join(', ')}` : '', `field ${a.field}: ${show(a.to)}`];
    out.push(`     ${parts.filter(Boolean).join('; ')}${a.sufficient ? '; enough alone' : ''}`);
    if (a.together.length > 0) out.push(`     with: ${a.together.join(', ')}`);
    if (a.conditions.length > 0) out.push(`     also needs, not advice: ${a.conditions.join('; ')}`);
  }
  return out;
}

export function formatWhatIf(w: WhatIf, options: FormatOptions = {}): string {
  const out: string[] = [];
  out.push(`${w.country.name} (${w.country.iso3}): what would change the tier in the ${w.year} report`);
  const tier = w.current.open ? `open: ${w.current.open.tiers.map(tierName).join(' or ')} (the ledger's ${w.current.open.decidingYears.join(', ')} decide)` : tierName(w.current.tier);
  out.push(`Assessed: ${tier}, decided by ${w.current.decidedBy.map((d) => `${d.rule} (${d.cites[0]?.title ?? d.file})`).join('; ')}`);
  out.push('');
  out.push(`The smallest sets of at most ${w.bound} evidence changes that move the tier, exact and exhaustive over the ${w.work.factsRead} facts the tier rules read here (classes: ${w.classes.file}).`);
  out.push(`Marks: ${Object.entries(MARKS).map(([k, v]) => `[${k}] ${v}`).join('; ')}.`);
  for (const t of w.targets) out.push('', ...targetLines(t, w.bound, options));
  out.push('', ...nextYearLines(w), '', ...planLines(w));
  for (const note of w.notes) out.push(`note: ${note}`);
  const k = w.work;
  out.push('', `Search: ${k.factsRead} facts read, ${k.singleChanges} single changes; a brute force would try ${k.bruteForceSets} sets; ${k.steps} steps of abduction, ${k.candidates} minimal sets, ${k.confirmed} confirmed by re-running the decision.`);
  return out.join('\n') + '\n';
}
