import type { Evidence } from '../evidence/schema.js';
import type { Placeholders } from './placeholders.js';
import { joinAnd } from './words.js';

/**
 * Sentences built from the evidence's figures and findings, offered where the desk officer left a
 * section's prose empty ("The government reported investigating 2,566 cases ..."). They are a
 * starting point, never a finished text: the paragraph opens with a placeholder that says so, which
 * the command lists like any other and `--strict` refuses. Only what the evidence records is said;
 * a figure or finding that is not recorded (null, unknown) is left out, never guessed.
 */

export type ProseSection = 'profile' | 'prosecution' | 'protection' | 'prevention';

const SMALL = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

/** The Department's style: one to nine in words, 10 and above in figures with thousands separators. */
export function countWords(n: number): string {
  return n < 10 ? SMALL[n]! : n.toLocaleString('en-US');
}

function counted(n: number, one: string, many: string): string {
  return `${countWords(n)} ${n === 1 ? one : many}`;
}

const FORM_WORDS: Record<Evidence['forms'][number], string> = {
  sex_trafficking: 'sex trafficking',
  child_sex_trafficking: 'child sex trafficking',
  forced_labor: 'forced labor',
  forced_child_labor: 'forced child labor',
  debt_bondage: 'debt bondage',
  domestic_servitude: 'domestic servitude',
  forced_marriage: 'forced marriage',
  forced_begging: 'forced begging',
  forced_criminality: 'forced criminality',
  child_soldiers: 'the recruitment and use of child soldiers',
  organ_removal: 'trafficking for the removal of organs',
  prison_labor: 'forced prison labor',
  state_imposed_forced_labor: 'state-imposed forced labor',
};

function profile(e: Evidence): string[] {
  const roles = [e.roles.origin && 'source', e.roles.transit && 'transit', e.roles.destination && 'destination'].filter((r): r is string => typeof r === 'string');
  const forms = joinAnd(e.forms.map((f) => FORM_WORDS[f]));
  const what = roles.length > 0 ? `a ${joinAnd(roles)} country for victims of trafficking in persons` : 'a country where trafficking in persons occurs';
  return [`${e.country.name} is ${what}, including ${forms}.`];
}

function prosecution(e: Evidence): string[] {
  const p = e.prosecution;
  const done: string[] = [];
  if (typeof p.investigations === 'number') done.push(`investigating ${counted(p.investigations, 'case', 'cases')}`);
  if (typeof p.prosecutions === 'number') done.push(`prosecuting ${counted(p.prosecutions, 'suspect', 'suspects')}`);
  if (typeof p.convictions === 'number') done.push(`convicting ${counted(p.convictions, 'trafficker', 'traffickers')}`);
  const out: string[] = [];
  out.push(done.length > 0 ? `The government reported ${joinAnd(done)} during the reporting period.` : 'The government did not report law enforcement data for the reporting period.');
  if (p.law?.prohibits_all_forms === false) out.push('Its law did not criminalize all forms of trafficking.');
  if (p.law?.penalties_sufficiently_stringent === false) out.push('The prescribed penalties were not sufficiently stringent.');
  const c = e.complicity;
  if (c.reported === true && typeof c.officials_convicted === 'number') out.push(`The government reported convicting ${counted(c.officials_convicted, 'official', 'officials')} complicit in trafficking.`);
  else if (c.reported === true) out.push('Official complicity in trafficking offenses remained a concern.');
  return out;
}

function protection(e: Evidence): string[] {
  const p = e.protection;
  const out: string[] = [];
  if (typeof p.victims_identified === 'number') out.push(`The government reported identifying ${counted(p.victims_identified, 'victim', 'victims')}.`);
  if (typeof p.victims_rescued === 'number') out.push(`Authorities reported removing ${counted(p.victims_rescued, 'person', 'persons')} from exploitation.`);
  if (p.systematic_identification_procedures === false) out.push('The government did not have systematic procedures to identify victims among vulnerable groups.');
  if (p.dedicated_assistance_programs === false) out.push('The government did not provide dedicated assistance programs for victims.');
  if (p.victims_penalized === true) out.push('Victims were sometimes penalized for unlawful acts committed as a direct result of being trafficked.');
  if (p.legal_alternatives_to_removal === false) out.push('The government did not provide foreign victims legal alternatives to their removal to countries where they may face hardship or retribution.');
  return out.length > 0 ? out : ['The government did not report victim protection data for the reporting period.'];
}

function prevention(e: Evidence): string[] {
  const p = e.prevention;
  const out: string[] = [];
  if (p.national_action_plan?.exists === true) out.push(`The government had a national action plan${p.national_action_plan.year_adopted ? ` adopted in ${p.national_action_plan.year_adopted}` : ''}.`);
  if (p.awareness_campaigns === true) out.push('The government conducted awareness campaigns.');
  if (p.hotlines?.operating === true) out.push('Hotlines for victims operated during the reporting period.');
  if (typeof p.officials_trained === 'number') out.push(`The government trained ${counted(p.officials_trained, 'official', 'officials')}.`);
  if (p.demand_reduction_measures === false) out.push('The government did not take measures to reduce the demand for commercial sex acts or forced labor.');
  if (p.palermo_protocol_party === false) out.push('The country is not a party to the 2000 UN TIP Protocol.');
  return out.length > 0 ? out : ['The government did not report prevention efforts for the reporting period.'];
}

const BUILDERS: Record<ProseSection, (e: Evidence) => string[]> = { profile, prosecution, protection, prevention };

/**
 * The section's prose as the officer wrote it, or, when it is empty, one paragraph of sentences
 * from the figures opening with a placeholder that says so ("[PROSECUTION DRAFTED FROM THE FIGURES: EDIT BEFORE CLEARANCE]").
 */
export function proseOrFigures(e: Evidence, section: ProseSection, ph: Placeholders): string[] {
  const written = e.narrative[section];
  if (written.length > 0) return written;
  const mark = ph.token(`${section.toUpperCase()} DRAFTED FROM THE FIGURES: EDIT BEFORE CLEARANCE`, `narrative.${section}`, `the ${section} text is empty: the draft offers sentences built from the evidence's figures; write the section in narrative.${section}`);
  return [`${mark} ${BUILDERS[section](e).join(' ')}`];
}
