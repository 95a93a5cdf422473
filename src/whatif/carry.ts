import { criteriaInForce } from '../evidence/law-checks.js';
import type { Evidence } from '../evidence/schema.js';
import type { Corpus } from '../rules/corpus.js';

/**
 * The same evidence, carried to another report year "if nothing changes": every finding, figure
 * and determination as it is, the report year moved, the criteria those in force that year (a
 * criterion new that year has no information; one no longer in force goes). A calibration record
 * describes one published narrative and does not carry. The workbench's "New country-year"
 * carries a file the same way (src/serve/prefill.ts).
 */
export interface Carried {
  evidence: Evidence;
  notes: string[];
}

export const CARRIED_RATIONALE = 'carried from the previous year by tip what-if: not in force then';

export function carryCriteria(criteria: Record<string, unknown>, year: number, corpus: Corpus, overrides: Record<string, { from?: number; to?: number }> = {}): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const c of criteriaInForce(year, corpus, overrides)) out[c] = criteria[c];
  return out;
}

export function carryForward(evidence: Evidence, year: number, corpus: Corpus, overrides: Record<string, { from?: number; to?: number }> = {}): Carried {
  const next = structuredClone(evidence);
  const notes: string[] = [];
  next.report_year = year;
  delete next.calibration;
  const criteria = carryCriteria(next.criteria, year, corpus, overrides) as Evidence['criteria'];
  for (const [c, finding] of Object.entries(criteria)) {
    if (finding === undefined) {
      criteria[c] = { finding: 'no_information', rationale: CARRIED_RATIONALE, sources: [] };
      notes.push(`Criterion ${c} is in force from the ${year} report: carried as no_information.`);
    }
  }
  next.criteria = criteria;
  if (next.comparison_with_previous_year.increasing_efforts === 'first_year_in_report') {
    // A country in this year's report is no longer new to the next one; whether its efforts
    // increased is then a question the carried evidence cannot answer.
    next.comparison_with_previous_year = { ...next.comparison_with_previous_year, increasing_efforts: 'unknown' };
    notes.push(`In ${year} the country is no longer new to the report: the comparison with the previous year is carried as unknown.`);
  }
  return { evidence: next, notes };
}
