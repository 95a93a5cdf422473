import { bundledCorpus, inForce, type Corpus } from '../rules/corpus.js';
import { criteriaInForce, policyOrPatternHeads, requiredFields } from './law-checks.js';
import { EVIDENCE_VERSION, FINDINGS, STATE_LABOR_PROGRAMS, TRAFFICKING_FORMS } from './schema.js';

const TRI = '# true | false | unknown';

function finding(indent: string): string {
  return `${indent}finding: ~        # ${FINDINGS.join(' | ')}\n${indent}rationale: ~      # why, in a sentence or two\n${indent}sources: []       # - {title: ..., url: ..., date: YYYY-MM-DD}`;
}

/** The optional fields the year's rules read, as `key: ~   # comment` lines under their section. */
function requiredLines(year: number, corpus: Corpus, section: string, indent: string, comments: Record<string, string>): string[] {
  return requiredFields(year, corpus)
    .filter(({ path }) => path.slice(0, -1).join('.') === section)
    .map(({ path, rule }) => `${indent}${path.at(-1)}: ~   ${comments[path.at(-1)!] ?? TRI} (read by ${rule.id})`);
}

function lawSections(iso3: string, year: number, corpus: Corpus): string[] {
  const titleOf = (id: string) => corpus.rules.find((r) => r.id === id && inForce(r, year))?.title ?? id;
  return [
    `country:\n  name: ~\n  iso3: ${iso3}\n  bureau: ~            # AF | EAP | EUR | NEA | SCA | WHA\n  government:\n    formal_name: ~     # the Government of ...\n    short_name: ~      # the ... government\n  adjective: ~         # e.g. Chinese`,
    `report_year: ${year}`,
    `# special_case: {reason: ...}   # only when the country is not ranked`,
    `roles: {origin: ~, transit: ~, destination: ~}   ${TRI}`,
    `forms: []   # ${TRAFFICKING_FORMS.join(', ')}`,
    '',
    '# 22 U.S.C. 7106(a): the four minimum standards',
    'standards:',
    ...[1, 2, 3, 4].map((n) => `  a${n}:   # ${titleOf(`22usc7106.a.${n}`)}\n${finding('    ')}`),
    '',
    `# 22 U.S.C. 7106(b): the criteria in force in the ${year} report`,
    'criteria:',
    ...criteriaInForce(year, corpus).map((c) => `  ${c}:   # ${titleOf(`22usc7106.b.${c.slice(1)}`)}\n${finding('    ')}`),
    '',
  ];
}

function factSections(year: number, corpus: Corpus): string[] {
  const capacity = { data_capacity: "# true | false | unknown: the data not provided were within the government's capacity to obtain", data_requested: '# true | false | unknown: the Department asked for the officials\u2019 data' };
  return [
    `prosecution:\n  data_requested: ~    ${TRI}: the Department asked for the data\n  data_provided: ~     # true | false | partial | unknown`,
    ...requiredLines(year, corpus, 'prosecution', '  ', capacity),
    `  # presumption_rebuttal: {rationale: ..., sources: []}   # only to set the data presumption aside, with the reason\n  investigations: ~    # whole numbers, or ~ when not reported\n  prosecutions: ~\n  convictions: ~\n  cases: []`,
    `  law:\n    prohibits_all_forms: ~               ${TRI}\n    penalties_sufficiently_stringent: ~  ${TRI}\n    penalties: []      # - {offence: ..., imprisonment_years: {min: .., max: ..}, fine: alternative | in_addition | none | unknown, text: as written}\n    # comparison: {crime: rape | forcible_sexual_assault | kidnapping | other_grave_crimes, commensurate: true | false | unknown}`,
    `complicity:\n  reported: ~          ${TRI}: complicity of officials reported or alleged\n  data_provided: ~     # true | false | partial | unknown`,
    ...requiredLines(year, corpus, 'complicity', '  ', capacity),
    `  officials_investigated: ~\n  officials_prosecuted: ~\n  officials_convicted: ~`,
    `protection:\n  victims_identified: ~\n  victims_identified_breakdown: []   # - {count: .., form: .., citizenship: national | foreign, nationality: ..}\n  victims_rescued: ~\n  dedicated_assistance_programs: ~   ${TRI}\n  systematic_identification_procedures: ~\n  victims_penalized: ~\n  foreign_victims_deported: ~\n  legal_alternatives_to_removal: ~\n  notes: []`,
    `prevention:\n  awareness_campaigns: ~   ${TRI}\n  officials_trained: ~\n  demand_reduction_measures: ~\n  palermo_protocol_party: ~\n  notes: []`,
    `# 22 U.S.C. 7107(b)(2)(A)(iii)(II): evidence of increasing efforts from the previous year`,
    `comparison_with_previous_year:\n  increasing_efforts: ~   # true | false | unknown | first_year_in_report\n  rationale: ~`,
    `victims:\n  estimate: ~   # a whole number, or {low: .., high: .., order_of_magnitude: thousands | .., text: as written}, or ~`,
    ...requiredLines(year, corpus, 'victims', '  ', { significant_number: `${TRI}: the scope test of the reports through 2008` }),
    ...(requiredLines(year, corpus, 'victims.watch_list_ground_i', '    ', {}).length > 0
      ? ["  # Watch List ground (I): the Department's FINDING, not the size (the size goes in estimate)", '  watch_list_ground_i:', ...requiredLines(year, corpus, 'victims.watch_list_ground_i', '    ', {}), "    rationale: ~   # the narrative's words that state the finding"]
      : []),
  ];
}

/**
 * A complete, commented evidence file (version 2) for a country and report year, with every
 * field the year's law needs and nothing filled in: `tip validate` lists each `~` still to be
 * written, so nothing is ever taken as a silent default. The optional fields written are those
 * the rules in force read (requiredFields), the same list `tip validate` checks.
 */
export function evidenceSkeleton(iso3: string, year: number, corpus: Corpus = bundledCorpus()): string {
  const out: string[] = [
    `# yaml-language-server: $schema=../tip-evidence.schema.json`,
    `# Evidence for ${iso3}, ${year} Trafficking in Persons Report (reporting period April 1, ${year - 1} - March 31, ${year}).`,
    `# Fill in every ~ ; \`tip validate\` lists what is still missing. Keys are checked: a misspelt key is an error.`,
    `# Where the record is silent write unknown: no rule reads it as true or false (docs/evidence.md).`,
    '',
    `evidence_version: ${EVIDENCE_VERSION}`,
    ...lawSections(iso3, year, corpus),
    ...factSections(year, corpus),
    `# Government policy or pattern of trafficking or forced labor (prison labor, labor transfer, work-study).`,
    `# program: ${STATE_LABOR_PROGRAMS.join(' | ')}`,
    `# kind (22 U.S.C. 7107(b)(3)(B)): ${policyOrPatternHeads(year, corpus).join(' | ')}`,
    `state_labor: []`,
    `efforts_basis:\n  concrete_actions: ~       ${TRI}\n  rests_on_commitments: ~   ${TRI}\n  commitments: []`,
  ];
  // The waiver block only in the years the waiver of §110(b)(2)(D)(ii) is in force.
  if (corpus.rules.some((r) => r.id === '22usc7107.b.2.D.ii' && inForce(r, year))) out.push(`# waiver: {written_plan: ~, plan_would_constitute_significant_efforts: ~, sufficient_resources: ~, granted: ~}`);
  out.push(`# determination: {fully_meets: ~, significant_efforts: ~, rationale: ~}   # replaces the rubric when given`);
  out.push(`narrative:\n  profile: []\n  prosecution: []\n  protection: []\n  prevention: []\n  recommendations: []\n  progress: []\n  press_questions: []`);
  return out.join('\n') + '\n';
}
