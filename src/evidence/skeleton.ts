import { bundledCorpus, inForce, type Corpus } from '../rules/corpus.js';
import { criteriaInForce } from './law-checks.js';
import { FINDINGS, POLICY_OR_PATTERN_KINDS, STATE_LABOR_PROGRAMS, TRAFFICKING_FORMS } from './schema.js';

function finding(indent: string): string {
  return `${indent}finding: ~        # ${FINDINGS.join(' | ')}\n${indent}rationale: ~      # why, in a sentence or two\n${indent}sources: []       # - {title: ..., url: ..., date: YYYY-MM-DD}\n`;
}

/**
 * A complete, commented evidence file for a country and report year, with every field the
 * year's law needs and nothing filled in: `tip validate` lists each `~` still to be written,
 * so nothing is ever taken as a silent default.
 */
export function evidenceSkeleton(iso3: string, year: number, corpus: Corpus = bundledCorpus()): string {
  const titleOf = (id: string) => corpus.rules.find((r) => r.id === id && inForce(r, year))?.title ?? id;
  const out: string[] = [];
  out.push(`# yaml-language-server: $schema=../tip-evidence.schema.json`);
  out.push(`# Evidence for ${iso3}, ${year} Trafficking in Persons Report (reporting period April 1, ${year - 1} - March 31, ${year}).`);
  out.push(`# Fill in every ~ ; \`tip validate\` lists what is still missing. Keys are checked: a misspelt key is an error.`);
  out.push('');
  out.push(`country:\n  name: ~\n  iso3: ${iso3}\n  bureau: ~            # AF | EAP | EUR | NEA | SCA | WHA\n  government:\n    formal_name: ~     # the Government of ...\n    short_name: ~      # the ... government\n  adjective: ~         # e.g. Chinese`);
  out.push(`report_year: ${year}`);
  out.push(`# special_case: {reason: ...}   # only when the country is not ranked`);
  out.push(`roles: {origin: ~, transit: ~, destination: ~}`);
  out.push(`forms: []   # ${TRAFFICKING_FORMS.join(', ')}`);
  out.push('');
  out.push('# 22 U.S.C. 7106(a): the four minimum standards');
  out.push('standards:');
  for (const n of [1, 2, 3, 4]) out.push(`  a${n}:   # ${titleOf(`22usc7106.a.${n}`)}\n${finding('    ')}`.trimEnd());
  out.push('');
  out.push(`# 22 U.S.C. 7106(b): the criteria in force in the ${year} report`);
  out.push('criteria:');
  for (const c of criteriaInForce(year, corpus)) out.push(`  ${c}:   # ${titleOf(`22usc7106.b.${c.slice(1)}`)}\n${finding('    ')}`.trimEnd());
  out.push('');
  out.push(`prosecution:\n  data_requested: ~    # the Department asked for the data (the presumption needs a reasonable request)\n  data_provided: ~\n  data_provided_to_un: ~\n  investigations: ~    # whole numbers, or ~ when not reported\n  prosecutions: ~\n  convictions: ~\n  cases: []`);
  out.push(`complicity:\n  reported: ~\n  data_provided: ~\n  officials_investigated: ~\n  officials_prosecuted: ~\n  officials_convicted: ~`);
  out.push(
    `protection:\n  victims_identified: ~\n  victims_rescued: ~\n  dedicated_assistance_programs: ~\n  systematic_identification_procedures: ~\n  victims_penalized: ~\n  foreign_victims_deported: ~\n  legal_alternatives_to_removal: ~\n  notes: []`,
  );
  out.push(`prevention:\n  awareness_campaigns: ~\n  officials_trained: ~\n  demand_reduction_measures: ~\n  palermo_protocol_party: ~\n  notes: []`);
  out.push(`# 22 U.S.C. 7107(b)(2)(A)(iii)(II): evidence of increasing efforts from the previous year`);
  out.push(`comparison_with_previous_year:\n  increasing_efforts: ~\n  rationale: ~`);
  const victimsExtra = [
    year <= 2008 ? '  significant_number: ~   # scope test of the reports through 2008' : '',
    year >= 2019 ? '  proportional_concrete_actions: ~   # 2019 wording of Watch List ground (I)' : '',
  ].filter(Boolean);
  out.push(`victims:\n  estimate: ~\n  very_significant: ~\n  significantly_increasing: ~${victimsExtra.length ? '\n' + victimsExtra.join('\n') : ''}`);
  out.push(`# Government policy or pattern of trafficking or forced labor (prison labor, labor transfer, work-study).`);
  out.push(`# program: ${STATE_LABOR_PROGRAMS.join(' | ')}`);
  out.push(`# kind: ${POLICY_OR_PATTERN_KINDS.join(' | ')}`);
  out.push(`state_labor: []`);
  out.push(`efforts_basis:\n  concrete_actions: ~\n  rests_on_commitments: ~\n  commitments: []`);
  if (year >= 2009) out.push(`# waiver: {written_plan: ~, plan_would_constitute_significant_efforts: ~, sufficient_resources: ~, granted: ~}`);
  out.push(`# determination: {fully_meets: ~, significant_efforts: ~, rationale: ~}   # replaces the rubric when given`);
  out.push(`narrative:\n  profile: []\n  prosecution: []\n  protection: []\n  prevention: []\n  recommendations: []\n  progress: []\n  press_questions: []`);
  return out.join('\n') + '\n';
}
