// @ts-check
/**
 * The order of the form, like a country narrative: identity, the profile, prosecution,
 * protection, prevention, then the §108(a) standards and the §108(b) criteria in force, then what
 * the tier rests on and the drafting. The layout names field paths only; any field of the schema
 * it does not name (a field the evidence model gains) is shown under "Other fields", so nothing
 * the schema holds is ever left out of the form.
 */

/** @typedef {{ id: string, title: string, paths: string[], intro?: string }} Section */

/** @type {Section[]} */
export const SECTIONS = [
  { id: 'identity', title: 'Identity', paths: ['evidence_version', 'country', 'report_year', 'special_case'] },
  { id: 'profile', title: 'Profile', paths: ['roles', 'forms', 'victims', 'state_labor', 'narrative.profile'] },
  { id: 'prosecution', title: 'Prosecution', paths: ['prosecution', 'complicity', 'narrative.prosecution'] },
  { id: 'protection', title: 'Protection', paths: ['protection', 'narrative.protection'] },
  { id: 'prevention', title: 'Prevention', paths: ['prevention', 'narrative.prevention'] },
  { id: 'standards', title: 'Minimum standards (§108(a))', paths: ['standards'], intro: 'The four minimum standards of 22 U.S.C. 7106(a), with the statute\'s words beside each.' },
  { id: 'criteria', title: 'Criteria in force (§108(b))', paths: ['criteria'], intro: 'Only the criteria of 22 U.S.C. 7106(b) in force in this report year.' },
  { id: 'comparison', title: 'Compared with last year', paths: ['comparison_with_previous_year'] },
  { id: 'decision', title: 'Efforts, waiver and determination', paths: ['efforts_basis', 'waiver', 'determination', 'narrative.assessment'] },
  { id: 'drafting', title: 'Recommendations and press', paths: ['narrative.recommendations', 'narrative.progress', 'narrative.press_questions'] },
  { id: 'calibration', title: 'Calibration record', paths: ['calibration'], intro: 'Only in files of the calibration corpus (encodings of published narratives).' },
];

/** Keys the form never shows: editor hints such as $schema. @param {string} key */
export function hiddenKey(key) {
  return key.startsWith('$');
}

/**
 * The sections with the fields the layout does not name appended as "Other fields".
 * @param {Record<string, any>} schema the evidence JSON Schema
 * @returns {Section[]}
 */
export function sectionsFor(schema) {
  const named = new Set(SECTIONS.flatMap((s) => s.paths));
  const props = /** @type {Record<string, any>} */ (schema.properties ?? {});
  /** @type {string[]} */
  const other = [];
  for (const [key, sub] of Object.entries(props)) {
    if (hiddenKey(key) || named.has(key)) continue;
    const children = Object.keys(sub.properties ?? {}).map((k) => `${key}.${k}`);
    const partly = children.some((c) => named.has(c));
    if (!partly) other.push(key);
    else for (const c of children) if (!named.has(c)) other.push(c);
  }
  const known = SECTIONS.map((s) => ({ ...s, paths: s.paths.filter((p) => schemaAt(schema, p) !== undefined) }));
  return other.length > 0 ? [...known, { id: 'other', title: 'Other fields', paths: other }] : known;
}

/**
 * The schema of a dotted path of object properties ("narrative.profile"), or undefined.
 * @param {Record<string, any>} schema
 * @param {string} dotted
 */
export function schemaAt(schema, dotted) {
  /** @type {any} */
  let s = schema;
  for (const part of dotted.split('.')) {
    s = s?.properties?.[part];
    if (s === undefined) return undefined;
  }
  return s;
}

/** Whether a dotted path is required by its parent object. @param {Record<string, any>} schema @param {string} dotted */
export function requiredAt(schema, dotted) {
  const parts = dotted.split('.');
  const last = parts.pop();
  const parent = parts.length === 0 ? schema : schemaAt(schema, parts.join('.'));
  return Array.isArray(parent?.required) && parent.required.includes(last);
}
