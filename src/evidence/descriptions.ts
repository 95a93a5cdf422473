/**
 * The help text of every field of the evidence file, in words a desk officer reads: what to
 * record and where it comes from. It goes into the JSON Schema as `description` (json-schema.ts),
 * where editors show it on hover and the workbench shows it beside each field. Keys are field
 * paths (`prosecution.investigations`; `[]` for a list's items, `*` for any key of a map such as
 * `criteria`); a key starting with `*.` applies to every path that ends that way. A description
 * the schema itself carries (zod `.describe()`) is kept.
 */
export const FIELD_DESCRIPTIONS: Record<string, string> = {
  $schema: 'Optional editor hint (the path of tip-evidence.schema.json); the engine ignores it.',
  evidence_version: 'The version of the evidence model the file is written in (2). A file without it is version 1 and is read through the upgrade that `tip migrate` writes.',
  'prosecution.data_capacity': 'The data the government did not provide were within its capacity to obtain (from the 2019 report: "a demonstrably increasing capacity"). The data presumption of 7106(b)(1) applies only when this is yes; unknown leaves it as an open question.',
  'prosecution.presumption_rebuttal': 'Only to set the 7106(b)(1) data presumption aside: the reason, with its sources.',
  'complicity.data_requested': 'The Department asked the government for its data on officials investigated, prosecuted, convicted and sentenced for complicity.',
  'complicity.data_capacity': 'The officials\' data not provided were within the government\'s capacity to obtain (before 2019: "consistent with its resources").',
  'complicity.presumption_rebuttal': 'Only to set the 7106(b)(7) data presumption aside: the reason, with its sources.',
  'protection.victims_identified_breakdown': 'Victims identified, broken down as the narrative gives them (by form, citizenship, nationality, age or sex). Parts may overlap: one list by form, another by nationality.',
  'protection.victims_identified_breakdown[].count': 'How many victims in this part.',
  'protection.victims_identified_breakdown[].form': 'The form of trafficking of this part, if the narrative gives it.',
  'protection.victims_identified_breakdown[].citizenship': 'National or foreign victims.',
  'protection.victims_identified_breakdown[].nationality': 'The victims\' nationality, e.g. "Burmese".',
  'protection.victims_identified_breakdown[].age': 'Adults or children.',
  'protection.victims_identified_breakdown[].sex': 'Female or male.',
  'protection.victims_identified_breakdown[].text': 'The figure as the narrative writes it.',
  'determination.departs_from_practice': 'The practice rules (rules/practice/) this determination departs from, e.g. practice.upgrade-from-tier-3, with the reason in the rationale.',
  calibration: 'Only in the calibration corpus: where the encoding of a published narrative came from and what the report published. Such a file has no determination.',
  'calibration.source': 'The copy of the narrative the file was encoded from.',
  'calibration.source.title': 'Its title.',
  'calibration.source.url': 'Its address.',
  'calibration.source.retrieved_on': 'The date it was read (YYYY-MM-DD).',
  'calibration.published_tier': 'The tier the report published, from the narrative\'s header.',
  'calibration.sections_retrieved': 'The sections of the narrative that could be read.',
  'calibration.encoder': 'Who encoded the file.',
  'calibration.encoded_on': 'When (YYYY-MM-DD).',
  'calibration.notes': 'Anything a reader of the calibration should know about the encoding.',
  country: 'Who the file is about: the names the drafts use.',
  'country.name': 'The country\'s name as the report prints it, e.g. "China", "The Gambia".',
  'country.iso3': 'ISO 3166-1 alpha-3 code in capitals, e.g. CHN. It links the file to the tier ledger.',
  'country.bureau': 'The Department\'s regional bureau covering the country (AF, EAP, EUR, NEA, SCA or WHA); the demarche routes the cable by it.',
  'country.government': 'How the drafts name the government.',
  'country.government.formal_name': 'First mention in the narrative, e.g. "the Government of the People\'s Republic of China".',
  'country.government.short_name': 'Later mentions, e.g. "the Chinese government".',
  'country.government.abbreviation': 'Optional short form used after the first mention, e.g. "PRC".',
  'country.adjective': 'Adjective for the country and its people, e.g. "Chinese".',
  report_year: 'The report this file is for. The reporting period runs from April 1 of the year before to March 31 of this year, and the law applied is the law of this report year.',
  special_case: 'Only when the country is not ranked this year (no functioning government, conflict, no information): a Special Case.',
  'special_case.reason': 'Why the country is not ranked, as the report says it.',
  roles: 'Whether the country is a country of origin, transit or destination for victims.',
  'roles.origin': 'Victims are recruited from the country (a source country).',
  'roles.transit': 'Victims pass through the country.',
  'roles.destination': 'Victims are exploited in the country.',
  forms: 'The forms of trafficking the narrative reports in the country; pick every one that applies.',
  standards: 'The four minimum standards of 22 U.S.C. 7106(a): your finding on each, with the reasons.',
  criteria: 'The criteria of 22 U.S.C. 7106(b) in force in this report year, as indicia of "serious and sustained efforts": your finding on each.',
  'standards.a1': 'Standard (a)(1): prohibit severe forms of trafficking and punish acts of such trafficking.',
  'standards.a2': 'Standard (a)(2): punishment commensurate with that for grave crimes, such as forcible sexual assault.',
  'standards.a3': 'Standard (a)(3): punishment sufficiently stringent to deter and reflecting the heinous nature of the offense.',
  'standards.a4': 'Standard (a)(4): serious and sustained efforts to eliminate severe forms of trafficking.',
  'criteria.*': 'Your finding on this criterion, with the reasons and the sources.',
  '*.finding': 'Your finding: met, partly met, not met, or not applicable.',
  '*.rationale': 'Why, in a sentence or two a reader can check against the sources.',
  '*.sources': 'Where the finding comes from: reports, cables, news items.',
  '*.sources[].title': 'The source, as a reader would cite it.',
  '*.sources[].url': 'A link to the source, if it has one.',
  '*.sources[].date': 'The date of the source (YYYY-MM-DD), if known.',
  prosecution: 'Law enforcement during the reporting period: the law, the figures, and whether the government shared its data.',
  'prosecution.data_requested': 'The Department asked the government for its investigation, prosecution, conviction and sentencing data (the data presumption of 7106(b)(1) applies only after a reasonable request).',
  'prosecution.data_provided': 'The government gave the Department those data.',
  'prosecution.data_provided_to_un': 'The government gave the United Nations its data (recorded for the narrative; no statutory effect).',
  'prosecution.investigations': 'Trafficking investigations reported for the period. Leave empty when the government reported none.',
  'prosecution.prosecutions': 'Persons (or cases) prosecuted for trafficking in the period. Leave empty when not reported.',
  'prosecution.convictions': 'Traffickers convicted in the period. Leave empty when not reported.',
  'prosecution.sentences': 'Sentences imposed on convicted traffickers.',
  'prosecution.sentences.count': 'How many persons were sentenced. Leave empty when not reported.',
  'prosecution.sentences.description': 'The range of sentences as the narrative describes it.',
  'prosecution.cases': 'Cases the narrative names (dates, places, numbers), one per line.',
  'prosecution.law': 'The anti-trafficking law in force.',
  'prosecution.law.prohibits_all_forms': 'The law prohibits all severe forms of trafficking (sex and labor trafficking, adults and children, any means).',
  'prosecution.law.penalties_sufficiently_stringent': 'Penalties are sufficiently stringent to deter (standard 7106(a)(3)).',
  'prosecution.law.penalties': 'The penalties the law prescribes, one entry per offence (e.g. sex trafficking of adults, of children, forced labor).',
  'prosecution.law.penalties[].offence': 'The offence as the law or the narrative names it, e.g. "sex trafficking of adults".',
  'prosecution.law.penalties[].forms': 'The forms of trafficking this penalty covers.',
  'prosecution.law.penalties[].imprisonment_years': 'The prison term the law prescribes, in years.',
  'prosecution.law.penalties[].imprisonment_years.min': 'Minimum term, in years.',
  'prosecution.law.penalties[].imprisonment_years.max': 'Maximum term, in years.',
  'prosecution.law.penalties[].imprisonment_years.life': 'The law allows life imprisonment.',
  'prosecution.law.penalties[].fine': 'A fine: "alternative" when the law allows a fine instead of prison ("imprisonment or a fine"), "in_addition" when it comes on top of prison, "none", or "unknown".',
  'prosecution.law.penalties[].text': 'The penalty as the narrative writes it, e.g. "four to 10 years\' imprisonment or a fine".',
  'prosecution.law.comparison': 'Standard (a)(2): how the penalties for sex trafficking compare with those for a grave crime, and which crime the narrative compares them with.',
  'prosecution.law.comparison.crime': 'The crime of comparison the narrative names: rape, forcible sexual assault, kidnapping, or another grave crime.',
  'prosecution.law.comparison.commensurate': 'The penalties are commensurate with those for that crime (yes, no, or unknown when the narrative does not say).',
  'prosecution.law.comparison.text': 'The comparison as the narrative words it.',
  'prosecution.law.description': 'The law in a sentence or two: statute, articles, penalties.',
  'prosecution.cooperation_with_foreign_governments': 'Cooperation with other governments in trafficking cases.',
  complicity: 'Officials complicit in trafficking (7106(b)(7)).',
  'complicity.reported': 'Complicity of officials was reported or alleged in the period.',
  'complicity.data_provided': 'The government gave data on officials investigated, prosecuted and convicted.',
  'complicity.officials_investigated': 'Officials investigated for complicity. Leave empty when not reported.',
  'complicity.officials_prosecuted': 'Officials prosecuted. Leave empty when not reported.',
  'complicity.officials_convicted': 'Officials convicted. Leave empty when not reported.',
  'complicity.description': 'What was reported, in a sentence or two.',
  protection: 'Identification of victims and the care they receive.',
  'protection.victims_identified': 'Victims the government identified in the period. Leave empty when not reported.',
  'protection.victims_rescued': 'Persons rescued or removed from exploitation, as the narrative reports them. Leave empty when not reported.',
  'protection.dedicated_assistance_programs': 'The government runs or funds assistance programs for trafficking victims.',
  'protection.shelters': 'Shelters available to victims, as the narrative describes them.',
  'protection.systematic_identification_procedures': 'Officials use systematic procedures to identify victims among vulnerable groups.',
  'protection.victims_penalized': 'Victims were penalized for unlawful acts committed as a direct result of being trafficked.',
  'protection.foreign_victims_deported': 'Foreign victims were deported without screening or protection.',
  'protection.legal_alternatives_to_removal': 'Foreign victims have legal alternatives to removal to countries where they face hardship or retribution.',
  'protection.ngo_cooperation': 'How the government treats NGOs that assist victims.',
  'protection.notes': 'Other protection facts for the narrative, one per line.',
  prevention: 'Efforts to prevent trafficking.',
  'prevention.awareness_campaigns': 'The government ran or supported awareness campaigns.',
  'prevention.hotlines': 'Hotlines for victims.',
  'prevention.hotlines.operating': 'A hotline operated during the period.',
  'prevention.hotlines.provinces': 'In how many provinces or regions. Leave empty when not reported.',
  'prevention.national_action_plan': 'The national action plan against trafficking.',
  'prevention.national_action_plan.exists': 'The country has a national action plan.',
  'prevention.national_action_plan.year_adopted': 'The year the plan was adopted.',
  'prevention.national_action_plan.implementation_guidelines_issued': 'Implementation guidelines for the plan were issued.',
  'prevention.national_action_plan.subnational_plans': 'Provincial or regional plans adopted. Leave empty when not reported.',
  'prevention.officials_trained': 'Officials trained on trafficking in the period. Leave empty when not reported.',
  'prevention.training_regions': 'In how many provinces or regions training took place. Leave empty when not reported.',
  'prevention.demand_reduction_measures': 'Measures to reduce the demand for commercial sex acts or forced labor (7106(b)(12)).',
  'prevention.peacekeeper_training': 'Troops deployed as peacekeepers are trained on trafficking.',
  'prevention.peacekeepers_implicated': 'The country\'s peacekeepers were implicated in trafficking.',
  'prevention.palermo_protocol_party': 'The country is party to the 2000 UN TIP Protocol (Palermo Protocol).',
  'prevention.notes': 'Other prevention facts for the narrative, one per line.',
  comparison_with_previous_year: 'Evidence of increasing efforts compared with the previous year (Watch List ground (II), 22 U.S.C. 7107(b)(2)(A)(iii)(II)). Last year\'s figures are shown beside this year\'s.',
  'comparison_with_previous_year.increasing_efforts': 'The government showed increasing efforts compared with the previous year.',
  'comparison_with_previous_year.rationale': 'Why: the figures and actions compared with last year.',
  victims: 'The victims and their number (Watch List ground (I), 22 U.S.C. 7107(b)(2)(A)(iii)(I)).',
  'victims.significant_number': 'Reports through 2008 only: the country is a country of origin, transit or destination for a significant number of victims (the scope test).',
  'victims.estimate': 'The estimated number of victims, if a figure is reported. Leave empty when none.',
  'victims.estimate_source': 'Where the estimate comes from.',
  'victims.watch_list_ground_i': 'Watch List ground (I), 22 U.S.C. 7107(b)(2)(A)(iii)(I): the Department\'s finding, recorded only where the narrative gives the number of victims as a reason for the placement. A large number alone belongs in the estimate; leave the ground unknown.',
  'victims.watch_list_ground_i.very_significant': 'The Department finds the number of victims very significant (the 2004-2018 text says "absolute number", the 2019 text "estimated number").',
  'victims.watch_list_ground_i.significantly_increasing': 'The Department finds the number of victims significantly increasing.',
  'victims.watch_list_ground_i.proportional_concrete_actions': 'From the 2019 report: the country is taking proportional concrete actions (ground (I) applies only when it is not).',
  'victims.watch_list_ground_i.rationale': 'Why: where the narrative ties the placement to the number of victims.',
  state_labor: 'State-imposed or state-sanctioned labor (prison labor, labor transfer, work-study programs): from the 2019 report a government policy or pattern of it is proof of failure to make significant efforts.',
  'state_labor[].program': 'The kind of program.',
  'state_labor[].kind': 'Under which head of 22 U.S.C. 7107(b)(3)(B) the finding falls.',
  'state_labor[].description': 'What was reported.',
  'state_labor[].location': 'Where: province, region, sector.',
  'state_labor[].goods': 'Goods produced, when relevant, one per line.',
  'state_labor[].exported': 'The products were exported.',
  'state_labor[].government_policy_or_pattern': 'Your finding that this is a government policy or pattern (statutory effect from the 2019 report).',
  efforts_basis: 'What the significant-efforts finding rests on (22 U.S.C. 7107(b)(1)(B)).',
  'efforts_basis.concrete_actions': 'The government took concrete actions during the reporting period.',
  'efforts_basis.commitments': 'Commitments to take additional steps over the next year, one per line.',
  'efforts_basis.rests_on_commitments': 'The significant-efforts finding rests on those commitments (from 2019, that is not enough for Tier 2).',
  waiver: 'The waiver from the automatic downgrade (22 U.S.C. 7107(b)(2)(D)(ii)): record it only when one is considered.',
  'waiver.written_plan': 'The government has a written plan to begin making significant efforts.',
  'waiver.plan_would_constitute_significant_efforts': 'The plan, if implemented, would constitute significant efforts.',
  'waiver.sufficient_resources': 'The government is devoting sufficient resources to implement the plan.',
  'waiver.granted': 'The waiver is granted for this report.',
  'waiver.rationale': 'Why, in a sentence or two.',
  determination: 'Your determination, which replaces the rubric\'s recommendation (the statute still applies on top). Leave it out to take the rubric\'s.',
  'determination.fully_meets': 'The government fully meets the minimum standards.',
  'determination.significant_efforts': 'The government is making significant efforts to meet them.',
  'determination.rationale': 'Why: required, and recorded in the trace.',
  'determination.analyst': 'Who made the determination.',
  'determination.date': 'When (YYYY-MM-DD).',
  narrative: 'The narrative text, as you write it. It goes into the drafts as written (never as a template).',
  'narrative.profile': 'The trafficking profile: one paragraph per entry.',
  'narrative.assessment': 'The rest of the tier paragraph, after "does not fully meet ... therefore placed on ...".',
  'narrative.prosecution': 'The prosecution section: one paragraph per entry.',
  'narrative.protection': 'The protection section: one paragraph per entry.',
  'narrative.prevention': 'The prevention section: one paragraph per entry.',
  'narrative.recommendations': 'Your recommendations to the government, each a clause starting with a verb ("investigate and prosecute ...").',
  'narrative.progress': 'Progress over the past year, for the press guidance.',
  'narrative.press_questions': 'Extra questions and answers for the press guidance.',
  'narrative.press_questions[].question': 'The question.',
  'narrative.press_questions[].answer': 'The answer.',
};

/** The description for a field path, exact key first, then the longest `*.suffix` key that matches. */
export function descriptionFor(path: string): string | undefined {
  const exact = FIELD_DESCRIPTIONS[path];
  if (exact !== undefined) return exact;
  let best: string | undefined;
  let bestLength = -1;
  for (const [key, text] of Object.entries(FIELD_DESCRIPTIONS)) {
    if (!key.startsWith('*.')) continue;
    const suffix = key.slice(1);
    if (path.endsWith(suffix) && suffix.length > bestLength) {
      best = text;
      bestLength = suffix.length;
    }
  }
  return best;
}

type JsonSchema = Record<string, unknown>;

/** Sets `description` on every property schema that lacks one, walking objects, maps, lists and unions. */
export function describeJsonSchema(schema: JsonSchema, path = ''): void {
  if (path !== '' && schema.description === undefined) {
    const text = descriptionFor(path);
    if (text !== undefined) schema.description = text;
  }
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    const branches = schema[key];
    if (Array.isArray(branches)) for (const b of branches as JsonSchema[]) describeBranch(b, path);
  }
  const props = schema.properties as Record<string, JsonSchema> | undefined;
  if (props) for (const [k, v] of Object.entries(props)) describeJsonSchema(v, path === '' ? k : `${path}.${k}`);
  const extra = schema.additionalProperties;
  if (extra && typeof extra === 'object') describeJsonSchema(extra as JsonSchema, `${path}.*`);
  const items = schema.items;
  if (items && typeof items === 'object' && !Array.isArray(items)) describeJsonSchema(items as JsonSchema, `${path}[]`);
}

/** A branch of a union describes the same field: only its inner fields get descriptions. */
function describeBranch(branch: JsonSchema, path: string): void {
  const copy = { ...branch };
  describeJsonSchema(branch, path);
  if (copy.description === undefined) delete branch.description;
}
