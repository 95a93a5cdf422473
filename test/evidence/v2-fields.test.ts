import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, test } from 'vitest';
import { InputError, type Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { requiredFields } from '../../src/evidence/law-checks.js';
import { loadEvidenceFile } from '../../src/evidence/load.js';
import { baseEvidence, merge } from '../support/evidence.js';

function load(value: unknown): { ok: true; evidence: ReturnType<typeof loadEvidenceFile>['evidence'] } | { ok: false; ds: Diagnostic[] } {
  const file = join(mkdtempSync(join(tmpdir(), 'tip-v2-')), 'e.yaml');
  writeFileSync(file, typeof value === 'string' ? value : stringify(value));
  try {
    return { ok: true, evidence: loadEvidenceFile(file).evidence };
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    return { ok: false, ds: err.diagnostics };
  }
}
const problems = (value: unknown) => {
  const r = load(value);
  return r.ok ? [] : r.ds;
};

describe('evidence version 2: the values a narrative needs', () => {
  test('unknown, partial, no_information, first_year_in_report, ranges and orders of magnitude are values', () => {
    const e = merge(baseEvidence(2021), {
      prosecution: { data_requested: 'unknown', data_provided: 'partial', data_capacity: 'unknown' },
      complicity: { reported: 'unknown' },
      criteria: { b5: { finding: 'no_information', rationale: 'nothing on extradition' } },
      comparison_with_previous_year: { increasing_efforts: 'first_year_in_report', rationale: 'first report' },
      victims: { estimate: { order_of_magnitude: 'millions', text: 'millions of victims' } },
      protection: { victims_identified: 254, victims_identified_breakdown: [{ count: 153, form: 'sex_trafficking' }, { count: 50, citizenship: 'foreign', nationality: 'Filipino' }] },
    });
    const r = load(e);
    expect(r.ok, JSON.stringify(r)).toBe(true);
  });

  test('a range needs a bound or an order of magnitude, and low at most high', () => {
    expect(problems(merge(baseEvidence(2021), { victims: { estimate: { text: 'many' } } })).map((d) => d.path.join('.'))).toContain('victims.estimate');
    const ds = problems(merge(baseEvidence(2021), { victims: { estimate: { low: 20, high: 10, text: '10 to 20' } } }));
    expect(ds.length).toBeGreaterThan(0);
  });

  test('penalties name the comparison crime and may be "imprisonment or a fine"', () => {
    const r = load(
      merge(baseEvidence(2016), {
        prosecution: {
          law: {
            prohibits_all_forms: true,
            penalties_sufficiently_stringent: false,
            penalties: [{ offence: 'sex trafficking of adults', forms: ['sex_trafficking'], imprisonment_years: { min: 2, max: 10 }, fine: 'alternative', text: "two to 10 years' imprisonment or a fine" }],
            comparison: { crime: 'kidnapping', commensurate: false, text: 'not commensurate with those for kidnapping' },
          },
        },
      }),
    );
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.evidence.prosecution.law?.penalties[0]?.fine).toBe('alternative');
  });
});

describe('what a report year requires, from the rules in force', () => {
  test('the fields are those of the facts the year\u2019s rules read', () => {
    const fields = (y: number) => requiredFields(y).map((f) => f.path.join('.')).sort();
    expect(fields(2003)).toEqual(['victims.significant_number']);
    expect(fields(2008)).toContain('prosecution.data_capacity');
    expect(fields(2008)).toContain('victims.significant_number');
    expect(fields(2009)).not.toContain('victims.significant_number');
    expect(fields(2018)).not.toContain('victims.watch_list_ground_i.proportional_concrete_actions');
    expect(fields(2019)).toContain('victims.watch_list_ground_i.proportional_concrete_actions');
  });

  test('a missing capacity in a presumption year is an error naming the rule that reads it; unknown satisfies it', () => {
    const e = baseEvidence(2012) as unknown as Record<string, any>;
    delete e['prosecution'].data_capacity;
    const ds = problems(e);
    expect(ds.map((d) => d.code)).toEqual(['missing-field']);
    expect(ds[0]!.expected).toContain('prosecution.data_capacity');
    expect(ds[0]!.expected).toContain('22usc7106/b/1/data-presumption');
    e['prosecution'].data_capacity = 'unknown';
    expect(problems(e)).toEqual([]);
  });

  test('in a version 1 file the missing field is named where version 1 writes it', () => {
    const v1 = readFileSync(join(import.meta.dirname, 'v1', 'MYS-2024.yaml'), 'utf8').replace(/^ {2}proportional_concrete_actions: true\n/m, '');
    const ds = problems(v1);
    expect(ds.map((d) => d.expected)).toEqual([expect.stringContaining('victims.proportional_concrete_actions:')]);
  });
});

describe('values the rules define', () => {
  test('a state_labor kind must be a head of (b)(3)(B), with a suggestion', () => {
    const e = merge(baseEvidence(2020), { state_labor: [{ program: 'prison_labor', kind: 'forced_labour', description: 'x', government_policy_or_pattern: true }] });
    const ds = problems(e);
    expect(ds.map((d) => d.path.join('.'))).toEqual(['state_labor.0.kind']);
    expect(ds[0]!.hint).toContain('forced_labor');
  });

  test('a determination may depart only from a practice rule in force', () => {
    const det = (ids: string[]) => ({ determination: { fully_meets: false, significant_efforts: true, rationale: 'r', departs_from_practice: ids } });
    expect(problems(merge(baseEvidence(2020), det(['practice.upgrade-from-tier-3'])))).toEqual([]);
    expect(problems(merge(baseEvidence(2005), det(['practice.upgrade-from-tier-3']))).map((d) => d.path.join('.'))).toEqual(['determination.departs_from_practice.0']);
    expect(problems(merge(baseEvidence(2020), det(['practice.upgrade-from-tier3']))).length).toBe(1);
  });

  test('a calibration file has no determination', () => {
    const calibration = { source: { title: '2020 TIP Report: Testland', url: 'https://www.state.gov/reports/2020-trafficking-in-persons-report/testland/' }, published_tier: '2', sections_retrieved: ['tier_paragraph'], encoder: 'e1', encoded_on: '2026-11-30' };
    expect(problems(merge(baseEvidence(2020), { calibration }))).toEqual([]);
    const ds = problems(merge(baseEvidence(2020), { calibration, determination: { fully_meets: false, significant_efforts: true, rationale: 'r' } }));
    expect(ds.map((d) => d.code)).toEqual(['determination-in-calibration-file']);
  });
});
