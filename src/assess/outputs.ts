import { UPGRADE_PRACTICE } from '../evidence/facts.js';
import type { Evidence } from '../evidence/schema.js';
import type { LoadedRule } from '../rules/corpus.js';
import type { Decision } from './decide.js';
import { evaluate } from './kleene.js';
import type { PresumptionStatus, Recommendation } from './types.js';

/** The standard or criterion a standard-unmet / criterion-unmet rule concludes on. */
function provisionOf(rule: LoadedRule): string | undefined {
  const e = rule.event;
  return e.type === 'standard-unmet' ? e.params.standard : e.type === 'criterion-unmet' ? e.params.criterion : undefined;
}

/**
 * The recommendations: the analyst's, then one from each unmet standard or criterion whose rule
 * has one, unless an analyst recommendation already covers that provision (`covers`). Each keeps
 * the link to what it answers.
 */
export function recommendationsOf(evidence: Evidence, decision: Decision): Recommendation[] {
  const analyst = evidence.narrative.recommendations.map((r): Recommendation =>
    typeof r === 'string' ? { text: r, source: 'analyst' } : { text: r.text, source: 'analyst', covers: r.covers },
  );
  const covered = new Set(analyst.flatMap((r) => r.covers ?? []));
  const statutory = [...decision.fired('standard-unmet'), ...decision.fired('criterion-unmet')]
    .filter((r) => r.recommendation !== undefined && !covered.has(provisionOf(r) ?? ''))
    .map(
      (r): Recommendation => ({
        text: r.recommendation!,
        source: r.event.type === 'standard-unmet' ? 'standard' : 'criterion',
        rule: r.id,
        cites: r.cites,
        covers: [provisionOf(r)!],
      }),
    );
  return [...analyst, ...statutory];
}

/** Facts that record a rebuttal of a data presumption (src/evidence/facts.ts). */
const REBUTTAL_FACTS = ['prosecutionPresumptionRebutted', 'complicityPresumptionRebutted'] as const;

/**
 * Each data presumption in force, and what became of it: it applies (and binds "fully meets"), it
 * arose but the evidence rebuts it, the evidence leaves it open (an unknown), or it does not arise.
 */
export function presumptionsOf(evidence: Evidence, decision: Decision): PresumptionStatus[] {
  const withoutRebuttal = { ...decision.facts, ...Object.fromEntries(REBUTTAL_FACTS.map((f) => [f, false])) };
  return decision.runs
    .filter((run) => run.inForce && run.rule.event.type === 'presumption')
    .map((run): PresumptionStatus => {
      const criterion = run.rule.event.type === 'presumption' ? run.rule.event.params.criterion : 'b1';
      const rebuttal = criterion === 'b7' ? evidence.complicity.presumption_rebuttal : evidence.prosecution.presumption_rebuttal;
      const arises = evaluate(run.rule.conditions, withoutRebuttal);
      const status = run.fired ? 'applies' : arises === true && rebuttal ? 'rebutted' : arises === 'unknown' ? 'open' : 'does not arise';
      return {
        rule: run.rule.id,
        file: run.rule.file,
        criterion,
        status,
        ...(status === 'rebutted' && rebuttal ? { rebuttal: rebuttal.rationale } : {}),
        bindsAnalyst: status === 'applies' && decision.determination.source === 'analyst' && decision.determination.fullyMeets,
      };
    });
}

/** The notes the evidence layer adds: presumptions, the analyst bound, practice, unknowns. */
export function evidenceNotes(decision: Decision, presumptions: readonly PresumptionStatus[]): string[] {
  const notes: string[] = [];
  const cite = (c: string) => `§108(b)(${c.slice(1)})`;
  for (const p of presumptions) {
    if (p.status === 'applies') notes.push(`Data presumption applied: ${cite(p.criterion)} is presumed not met (${p.file}).`);
    if (p.bindsAnalyst) {
      notes.push(`The analyst's "fully meets" is bound by the data presumption of ${cite(p.criterion)}: no Tier 1 unless the evidence records a rebuttal (presumption_rebuttal, with its rationale).`);
    }
    if (p.status === 'rebutted') notes.push(`The data presumption of ${cite(p.criterion)} arose but the evidence rebuts it: ${p.rebuttal}`);
  }
  for (const t of decision.trace) {
    if (t.decides && t.layer === 'practice') notes.push(`Practice, not law: ${t.title} (${t.file}).`);
  }
  if (decision.trace.some((t) => t.decides && t.rule === UPGRADE_PRACTICE)) {
    notes.push('Record the Watch List ground that supports this placement (22 U.S.C. 7107(b)(2)(A)(iii)), or depart from the practice in the determination (departs_from_practice).');
  }
  const n = decision.rubric.unknowns.length;
  if (n > 0) notes.push(`The rubric's recommendation rests on ${n} finding${n === 1 ? '' : 's'} with no information (${decision.rubric.unknowns.join(', ')}): they neither credit nor block it.`);
  if (decision.openQuestions.length > 0) notes.push(`${decision.openQuestions.length} open question${decision.openQuestions.length === 1 ? '' : 's'}: the evidence leaves rules undecided (see openQuestions).`);
  return notes;
}
