import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import * as z from 'zod';
import { EvidenceSchema, type Evidence } from '../../src/evidence/schema.js';
import { loadYamlFile } from '../../src/load/index.js';
import { isTier } from '../../src/model/tier.js';
import { EXAMPLES_DIR, PACKAGE_ROOT, RULES_DIR } from '../../src/paths.js';

const SHARED = join(PACKAGE_ROOT, '..', 'shared');
const SEED = join(SHARED, 'seeds', '003_b34ee91199123f06.txt');
const TIERS_DATA = join(SHARED, 'data', 'tip-tiers.csv');

/** Reads an example with yaml's plain `parse` and the evidence schema, as the brief asks. */
function readExample(rel: string): { text: string; evidence: Evidence } {
  const text = readFileSync(join(EXAMPLES_DIR, rel), 'utf8');
  const result = EvidenceSchema.safeParse(parse(text));
  // The prettified error names the failing paths, so a broken example says where.
  if (!result.success) expect.fail(`${rel} does not validate:\n${z.prettifyError(result.error)}`);
  return { text, evidence: result.data };
}

/** Every string in a value, depth first: used to look for leftover cable garbling. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

/**
 * The §108(b) criteria in force in a report year, read from the rule files' `effective` ranges
 * (rules/22usc7106/b/N.yaml), so the test follows the corpus rather than restating the law.
 */
function criteriaInForce(year: number): string[] {
  const keys: string[] = [];
  for (let n = 1; n <= 12; n++) {
    const rule = parse(readFileSync(join(RULES_DIR, '22usc7106', 'b', `${n}.yaml`), 'utf8')) as {
      effective: { from: number | string; to?: number | string };
    };
    const from = Number(String(rule.effective.from).slice(0, 4));
    const to = rule.effective.to === undefined ? Infinity : Number(String(rule.effective.to).slice(0, 4));
    if (from <= year && year <= to) keys.push(`b${n}`);
  }
  return keys;
}

describe('examples/CHN-2009.yaml', () => {
  const { text, evidence: e } = readExample('CHN-2009.yaml');

  it('starts with the yaml-language-server schema line', () => {
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../tip-evidence.schema.json');
  });

  it('passes the project loader (aliases, reserved keys, size, encoding) as well as the schema', () => {
    const { value } = loadYamlFile(join(EXAMPLES_DIR, 'CHN-2009.yaml'), EvidenceSchema);
    expect(value).toEqual(e);
  });

  it('identifies China, 2009, and its roles', () => {
    expect(e.country).toMatchObject({ iso3: 'CHN', bureau: 'EAP', adjective: 'Chinese' });
    expect(e.country.government.abbreviation).toBe('PRC');
    expect(e.report_year).toBe(2009);
    expect(e.roles).toEqual({ origin: true, transit: true, destination: true });
    expect(e.forms).toEqual(expect.arrayContaining(['forced_labor', 'forced_child_labor', 'forced_marriage', 'forced_begging']));
  });

  it('records the prosecution figures and the data findings', () => {
    expect(e.prosecution.investigations).toBe(2566);
    expect(e.prosecution.data_requested).toBe(true);
    expect(e.prosecution.data_provided).toBe(false);
    expect(e.prosecution.data_provided_to_un).toBe(false);
    expect(e.prosecution.prosecutions).toBeNull();
    expect(e.prosecution.law).toMatchObject({ prohibits_all_forms: false, penalties_sufficiently_stringent: false });
    expect(e.prosecution.cooperation_with_foreign_governments).toBe('limited');
  });

  it('records each named case with its figures', () => {
    const cases = e.prosecution.cases.join('\n');
    for (const figure of ['746 children', '177 suspects', '167 children', '29 defendants', 'sentenced to death', '18 Vietnamese women', '10 members']) {
      expect(cases).toContain(figure);
    }
  });

  it('records complicity reported and no official prosecuted', () => {
    expect(e.complicity).toMatchObject({ reported: true, data_provided: false, officials_prosecuted: 0, officials_convicted: 0 });
  });

  it('records the protection findings', () => {
    expect(e.protection).toMatchObject({
      dedicated_assistance_programs: false,
      systematic_identification_procedures: false,
      victims_penalized: true,
      foreign_victims_deported: true,
      legal_alternatives_to_removal: false,
      ngo_cooperation: 'obstructed',
    });
    // 746 (Xinjiang) + 167 (Dongguan), the two rescues by Chinese authorities.
    expect(e.protection.victims_rescued).toBe(746 + 167);
    expect(e.protection.notes.join('\n')).toContain('North Korea');
  });

  it('records the prevention figures', () => {
    expect(e.prevention.hotlines).toEqual({ operating: true, provinces: 15 });
    expect(e.prevention.officials_trained).toBe(2000);
    expect(e.prevention.training_regions).toBe(10);
    expect(e.prevention.national_action_plan).toEqual({ exists: true, year_adopted: 2008, implementation_guidelines_issued: true, subnational_plans: 4 });
    expect(e.prevention).toMatchObject({
      demand_reduction_measures: false,
      peacekeepers_implicated: false,
      peacekeeper_training: false,
      palermo_protocol_party: false,
    });
  });

  it('records the Watch List grounds: no increasing efforts, a very significant number of victims', () => {
    expect(e.comparison_with_previous_year.increasing_efforts).toBe(false);
    expect(e.comparison_with_previous_year.rationale).toContain('did not demonstrate progress');
    expect(e.victims.watch_list_ground_i?.very_significant).toBe(true);
    expect(e.victims.watch_list_ground_i?.proportional_concrete_actions).toBeUndefined();
    expect(e.efforts_basis).toMatchObject({ concrete_actions: true, rests_on_commitments: false });
  });

  it('records the state labor programs, none as a policy or pattern (no such test before 2019)', () => {
    const programs = e.state_labor.map((s) => s.program).sort();
    expect(programs).toEqual(['forced_agricultural_labor', 'labor_transfer_program', 'reeducation_through_labor', 'work_study_program', 'work_study_program']);
    expect(e.state_labor.every((s) => s.government_policy_or_pattern === false)).toBe(true);
    expect(e.state_labor.find((s) => s.program === 'reeducation_through_labor')?.kind).toBe('forced_labor');
    expect(e.state_labor.some((s) => s.program === 'work_study_program' && s.description.includes('harvesting quotas'))).toBe(true);
    expect(e.state_labor.find((s) => s.program === 'labor_transfer_program')?.description).toContain('Uighur girls');
  });

  it('has a finding for the four standards and exactly the criteria in force in 2009', () => {
    expect(Object.keys(e.criteria).sort()).toEqual(criteriaInForce(2009).sort());
    expect(criteriaInForce(2009)).toHaveLength(12);
    expect(e.criteria.b1?.finding).toBe('not_met');
    expect(e.criteria.b12?.finding).toBe('not_met');
    expect(e.standards.a4.finding).toBe('partly_met');
    for (const f of [...Object.values(e.standards), ...Object.values(e.criteria)]) {
      expect(f.sources.map((s) => s.title)).toEqual(['2009 TIP Report, China narrative (09STATE60447 para 8)']);
    }
  });

  it('records the determination and no waiver', () => {
    expect(e.determination).toMatchObject({ fully_meets: false, significant_efforts: true });
    expect(e.determination?.rationale).toContain('however it is making significant efforts to do so');
    expect(e.waiver).toBeUndefined();
  });

  it('splits the narrative as the engine expects', () => {
    const n = e.narrative;
    expect(n.profile).toHaveLength(3);
    expect(n.prosecution).toHaveLength(1);
    expect(n.protection).toHaveLength(2);
    expect(n.prevention).toHaveLength(2);
    expect(n.assessment[0]).toMatch(/^Forced labor, especially forced child labor/);
    expect(n.assessment.join(' ')).not.toContain('therefore');
    expect(n.recommendations).toHaveLength(9);
    for (const r of n.recommendations.map((x) => (typeof x === 'string' ? x : x.text))) expect(r).not.toMatch(/^and |[;.]$/);
    expect(n.progress.join(' ')).toContain('2,000 police officers');
    expect(n.press_questions).toHaveLength(1);
    expect(n.press_questions[0]?.question).toContain('Olympic');
  });

  it('carries none of the cable transmission garbling', () => {
    for (const s of strings(e)) {
      expect(s).not.toMatch(/[A-Za-z],s\b/); // "China,s"
      expect(s).not.toMatch(/&\w[\w-]*8/); // "&work-study8"
      expect(s).not.toMatch(/\) such as|STATE 00060447|\u2078|----/);
    }
  });

  // The seed lives beside the project (../shared); without it there is nothing to compare with.
  it.skipIf(!existsSync(SEED))('reproduces the cable text apart from the documented fixes', () => {
    // The fixes listed in the file's comment above `narrative:`, applied to the whole cable after
    // dropping the page-break lines and collapsing whitespace (which rejoins split paragraphs).
    const cable = readFileSync(SEED, 'utf8')
      .split('\n')
      .filter((l) => !/^STATE 00060447 00\d OF 008$/.test(l))
      .join(' ')
      .replace(/\s+/g, ' ')
      .replace(/(\w),s\b/g, "$1's")
      .replace(/(officials|years|Refugees), (complicity|imprisonment|\(UNHCR\))/g, "$1' $2")
      .replaceAll('&work-study8', '"work-study"')
      .replaceAll('&pull8', '"pull"')
      .replaceAll(') such as', ', such as')
      .replace(/in China\) including trafficking victims -+ in violation/g, 'in China, including trafficking victims, in violation')
      .replaceAll('trafficking,\u2078 and', 'trafficking, and')
      .replaceAll('without proper authorization In the year', 'without proper authorization. In the year')
      .replaceAll('Nevertheless, In light', 'Nevertheless, in light');
    const n = e.narrative;
    const pieces = [
      ...n.profile,
      ...n.assessment,
      ...n.prosecution,
      ...n.protection,
      ...n.prevention,
      ...n.progress,
      ...n.press_questions.flatMap((q) => [q.question, q.answer]),
      // Clauses are stored without the joining "; " / "; and " and start lower-case.
      ...n.recommendations.map((x) => (typeof x === 'string' ? x : x.text)).map((r, i) => (i === 0 ? 'Recommendations for China: ' + r[0]?.toUpperCase() + r.slice(1) : r)),
      // The reasoning half of the tier sentence, which runs on into "; therefore, ...".
      e.comparison_with_previous_year.rationale.replace(/\.$/, '; therefore'),
    ];
    // Listing the missing pieces keeps a failure readable (the cable is 35 kB).
    expect(pieces.filter((piece) => !cable.includes(piece))).toEqual([]);
  });
});

describe('examples/tiers.csv', () => {
  const bytes = readFileSync(join(EXAMPLES_DIR, 'tiers.csv'), 'utf8');
  const rows = parseCsv(bytes, { columns: true }) as { iso3: string; year: string; tier: string }[];

  it('has the iso3,year,tier header, LF line endings and a trailing newline', () => {
    expect(bytes.split('\n')[0]).toBe('iso3,year,tier');
    expect(bytes).not.toContain('\r');
    expect(bytes.endsWith('\n')).toBe(true);
    expect(bytes.endsWith('\n\n')).toBe(false);
  });

  it("holds China's placements 2001-2008, sorted by year", () => {
    expect(rows.map((r) => Number(r.year))).toEqual([2001, 2002, 2003, 2004, 2005, 2006, 2007, 2008]);
    expect(rows.every((r) => r.iso3 === 'CHN' && isTier(r.tier))).toBe(true);
    // Tier 2 in the 2001-2004 reports, Tier 2 Watch List from 2005 (data README, "Spot checks").
    expect(rows.map((r) => r.tier)).toEqual(['2', '2', '2', '2', '2WL', '2WL', '2WL', '2WL']);
  });

  it.skipIf(!existsSync(TIERS_DATA))('matches the published record in ../shared/data/tip-tiers.csv', () => {
    const published = (parseCsv(readFileSync(TIERS_DATA, 'utf8'), { columns: true }) as { iso3: string; year: string; tier: string }[])
      .filter((r) => r.iso3 === 'CHN' && Number(r.year) <= 2008)
      .map((r) => `${r.year},${r.tier}`)
      .sort();
    expect(rows.map((r) => `${r.year},${r.tier}`)).toEqual(published);
  });
});

describe('examples/more', () => {
  const FILES = ['MYS-2024.yaml', 'RUS-2013.yaml', 'NIC-2019.yaml', 'CUB-2020.yaml'] as const;

  describe.each(FILES)('%s', (file) => {
    const { text, evidence: e } = readExample(join('more', file));
    const [iso3, year] = file.replace('.yaml', '').split('-');

    it('validates, matches its file name and says it is illustrative', () => {
      expect(e.country.iso3).toBe(iso3);
      expect(e.report_year).toBe(Number(year));
      expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../../tip-evidence.schema.json');
      expect(text).toContain('ILLUSTRATIVE, NOT THE PUBLISHED ASSESSMENT');
      expect(loadYamlFile(join(EXAMPLES_DIR, 'more', file), EvidenceSchema).value).toEqual(e);
    });

    it('has exactly the criteria in force that year, and the 2019 victims field from 2019', () => {
      expect(Object.keys(e.criteria).sort()).toEqual(criteriaInForce(e.report_year).sort());
      expect(e.victims.watch_list_ground_i?.proportional_concrete_actions === undefined).toBe(e.report_year < 2019);
    });
  });

  it('MYS-2024 and RUS-2013 are Watch List candidates: significant efforts, no increasing efforts, no waiver', () => {
    for (const file of ['MYS-2024.yaml', 'RUS-2013.yaml']) {
      const { evidence: e } = readExample(join('more', file));
      expect(e.determination).toMatchObject({ fully_meets: false, significant_efforts: true });
      expect(e.comparison_with_previous_year.increasing_efforts).toBe(false);
      expect(e.efforts_basis.rests_on_commitments).toBe(false);
      expect(e.waiver).toBeUndefined();
    }
    // 2019 wording of ground (I): proportional actions keep that ground from applying.
    expect(readExample('more/MYS-2024.yaml').evidence.victims.watch_list_ground_i?.proportional_concrete_actions).toBe(true);
  });

  it('NIC-2019 is granted a waiver on a written plan with sufficient resources', () => {
    const { evidence: e } = readExample('more/NIC-2019.yaml');
    expect(e.waiver).toMatchObject({ written_plan: true, plan_would_constitute_significant_efforts: true, sufficient_resources: true, granted: true });
    expect(e.comparison_with_previous_year.increasing_efforts).toBe(false);
  });

  it('CUB-2020 records forced labor in medical missions as a government policy or pattern', () => {
    const { evidence: e } = readExample('more/CUB-2020.yaml');
    const missions = e.state_labor.filter((s) => s.program === 'medical_missions');
    expect(missions).toHaveLength(1);
    expect(missions[0]).toMatchObject({ kind: 'forced_labor', government_policy_or_pattern: true });
    expect(e.determination?.significant_efforts).toBe(true);
  });
});
