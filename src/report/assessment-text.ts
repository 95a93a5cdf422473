import type { TraceEntry } from '../assess/decide.js';
import type { Assessment } from '../assess/types.js';
import { tierName } from '../model/tier.js';
import { ordinalWord } from '../render/words.js';

function yesNo(b: boolean): string {
  return b ? 'yes' : 'no';
}

function factList(entry: TraceEntry): string {
  return entry.facts
    .map((f) => `${f.fact}=${f.factValue === undefined ? '(not read)' : JSON.stringify(f.factValue)}${f.result === undefined ? ' [not evaluated]' : f.result ? ' ✓' : ' ✗'}`)
    .join(', ');
}

/** One line per rule in the corpus: outcome, id, where it is, what it cites, what it read. */
export function formatTrace(trace: TraceEntry[]): string {
  const lines: string[] = [];
  for (const t of trace) {
    const mark = t.decides ? ' [decides]' : t.overriddenBy ? ` [set aside by ${t.overriddenBy.join(', ')}]` : t.inapplicable ? ' [its base rule did not apply]' : '';
    const layer = t.layer === 'practice' ? ' (State Department practice, not law)' : t.layer === 'rubric' ? ' (rubric: policy guidance)' : '';
    lines.push(`  ${t.outcome.padEnd(25)} ${t.rule}${layer}${mark}`);
    lines.push(`      ${t.file}:${t.line} | ${t.cites.map((c) => c.title).join('; ')}`);
    if (t.outcome !== 'not in force in this year') lines.push(`      read: ${factList(t)}`);
  }
  return lines.join('\n');
}

/** The human-readable assessment that `tip assess` prints. */
export function formatAssessment(a: Assessment, options: { trace?: boolean } = {}): string {
  const out: string[] = [];
  out.push(`${a.country.name} (${a.country.iso3}, ${a.country.bureau}): ${a.year} Trafficking in Persons Report`);
  out.push(`Reporting period: ${a.reportingPeriod.from} to ${a.reportingPeriod.to}`);
  out.push(`Law applied: ${a.era.label}`);
  out.push('');
  if (a.open) {
    // A tier the ledger leaves open is never printed as definite.
    const years = a.open.decidingYears.join(', ');
    out.push(`TIER: OPEN: ${a.open.tiers.map(tierName).join(' or ')}, depending on the ledger's missing year${a.open.decidingYears.length === 1 ? '' : 's'} ${years}`);
    for (const b of a.open.branches) out.push(`  if the clock finds the Watch List ${b.watchListPlacement}${b.ruleFApplies ? ' (rule (F))' : ''}: ${tierName(b.tier)}, decided by ${b.decidedBy.join(', ')}`);
  } else {
    out.push(`TIER: ${tierName(a.tier)}`);
    for (const d of a.decidedBy) out.push(`  decided by ${d.rule} (${d.file}:${d.line}): ${d.cites.map((c) => c.title).join('; ')}`);
  }
  if (a.clockEffect !== 'none') out.push(`  Watch List clock: ${a.clockEffect}${a.tierBeforeClock !== a.tier ? ` (would otherwise be ${tierName(a.tierBeforeClock)})` : ''}`);
  out.push(`  Last year: ${a.previousTier ? tierName(a.previousTier) : 'not in the ledger'} (${a.tierChange})`);
  out.push('');
  out.push(`Rubric recommendation (policy guidance): fully meets ${yesNo(a.rubric.fullyMeets)}; significant efforts ${yesNo(a.rubric.significantEfforts)}`);
  out.push(
    `Determination (${a.determination.source}): fully meets ${yesNo(a.determination.fullyMeets)}; significant efforts ${yesNo(a.determination.significantEfforts)}${a.determination.overridesRubric ? ' (departs from the rubric)' : ''}`,
  );
  if (a.determination.rationale) out.push(`  rationale: ${a.determination.rationale}`);
  if (a.watchList.grounds.length > 0) {
    out.push('');
    out.push('Watch List grounds:');
    for (const g of a.watchList.grounds) out.push(`  (${g.ground}) ${g.text} [${g.rule}]`);
  }
  if (a.clock) {
    const c = a.clock;
    out.push('');
    out.push('Watch List clock:');
    out.push(`  consecutive Watch List years before ${c.year}: ${c.consecutiveWatchListYears}; counted from the ${c.firstReports.counting} report: ${c.countedWatchListYears}`);
    out.push(`  waiver years used: ${c.waiverYearsUsed} of ${c.waiverYearsAllowed} allowed; rule (F) applies: ${String(c.ruleF.applies)} (reading: ${c.ruleF.reading}${c.options.specialCaseBreaksRun ? '' : '; Special Case years continue a run'})`);
    out.push(`  Watch List placement this year: ${c.watchListPlacement}; earliest automatic downgrade: ${c.earliestDowngradeYear ?? 'n/a'}`);
    if (a.tier === '2WL' && typeof c.consecutiveWatchListYears === 'number' && typeof c.countedWatchListYears === 'number') {
      const counted = a.year >= c.firstReports.counting ? ` and counted year ${c.countedWatchListYears + 1} toward the automatic downgrade` : '';
      out.push(`  this is the ${ordinalWord(c.consecutiveWatchListYears + 1)} consecutive Watch List year${counted}`);
    }
    if (c.unknownYears.length > 0) out.push(`  missing years in the ledger: ${c.unknownYears.join(', ')}`);
    out.push(`  ${c.explanation}`);
  }
  if (a.specialWatchList) {
    out.push('');
    out.push(`Special Watch List member: ${String(a.specialWatchList.member)}${a.specialWatchList.grounds.length ? ` (${a.specialWatchList.grounds.join('; ')})` : ''}`);
    if (a.specialWatchList.interimAssessmentDue) out.push(`  interim assessment due ${a.specialWatchList.interimAssessmentDue}`);
    if (a.specialWatchList.actionPlanDueDays) out.push(`  action plan due within ${a.specialWatchList.actionPlanDueDays} days of the report`);
  }
  if (a.tier3) {
    const t = a.tier3;
    out.push('');
    out.push(`Tier 3 consequences (fiscal year ${t.fiscalYear}):`);
    for (const r of t.restrictions) out.push(`  - ${r}`);
    const w = t.determinationWindow;
    out.push(`  presidential determination ${w.minDays}-${w.maxDays} days after the report${w.from ? ` (${w.from} to ${w.to})` : ''}; ${t.reassessment}`);
    out.push(`  ${t.nationalInterestWaiver}`);
    if (t.tradeAgreementLimit) out.push(`  ${t.tradeAgreementLimit}`);
  }
  out.push('');
  out.push('Recommendations:');
  a.recommendations.forEach((r, i) => out.push(`  ${i + 1}. ${r.text}${r.rule ? ` [${r.rule}]` : ''}`));
  if (a.openQuestions.length > 0) {
    out.push('');
    out.push('Open questions (the evidence leaves these rules undecided; "unknown" never applies one):');
    for (const q of a.openQuestions) out.push(`  - ${q.text} [${q.rule}]`);
  }
  if (a.notes.length > 0) {
    out.push('');
    out.push('Notes:');
    for (const n of a.notes) out.push(`  - ${n}`);
  }
  if (options.trace) {
    out.push('');
    out.push('Trace (every rule in the corpus):');
    out.push(formatTrace(a.trace));
  }
  return out.join('\n') + '\n';
}


/** Stable JSON (insertion order is fixed by the builders), 2-space indent, trailing newline. */
export function assessmentJson(a: Assessment): string {
  return JSON.stringify(a, null, 2) + '\n';
}
