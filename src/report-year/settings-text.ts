import { stringify } from 'yaml';
import type { ReportYearSettings, SettingsField } from './schema.js';
import { SETTINGS_FIELDS } from './schema.js';
import { ordinalSuffix } from '../render/words.js';

/**
 * `tip settings YEAR`: a year's settings as a settings file a person can edit and pass back with
 * `--settings FILE`. Known values are written out with their sources as comments; an unknown field
 * is written commented out, with the shape to fill in and the placeholder the drafts print
 * meanwhile, so the file is valid as it stands and every blank is visible.
 */

/** What each field looks like, for the commented-out line of an unknown one. */
const SHAPES: Record<SettingsField, { line: string; note: string }> = {
  release: { line: 'release: {date: YYYY-MM-DD, time: "HH:MM", zone: EDT}', note: 'Washington time; the zone follows from the date when left out' },
  release_event: { line: 'release_event: false', note: 'optional: false when the Report is posted online with no release event; the drafts then say so' },
  secretary: { line: 'secretary: {name: First Last, signature: LAST}', note: 'the Secretary of State on the release date; the signature is the surname in capitals' },
  office: { line: 'office: {symbol: J/TIP, name: Office to Monitor and Combat Trafficking in Persons}', note: 'the office symbol the cables use that year' },
  head: { line: 'head: {name: First Last, surname: Last, title: Ambassador-at-Large}', note: 'or title: Director, Acting Director; null when nobody headed the office' },
  briefing: { line: 'briefing: {date: YYYY-MM-DD, time: "HH:MM", zone: EDT}', note: 'optional: the general briefing for foreign embassies in Washington; null when there was none' },
  press_briefing: { line: 'press_briefing: {date: YYYY-MM-DD, time: "HH:MM", zone: EDT}', note: "optional: the office head's briefing of the press on the Report" },
  press_statement: { line: 'press_statement: {time: "HH:MM", zone: EDT}', note: 'optional: the earliest time of a local press statement at post' },
  venue: { line: "venue: at a press conference in the Department's press briefing room", note: 'optional' },
  website: { line: 'website: www.state.gov/j/tip', note: 'optional: as the cable writes it' },
  delivery: { line: 'delivery: [{bureaus: [WHA, AF, EUR, NEA], days_before_release: 1, time: "12:00"}, {bureaus: [SCA, EAP], days_before_release: 0, time: OOB}]', note: 'every regional bureau in one window; local time at post' },
  refs: { line: 'refs: [STATE 59732, STATE 005577]', note: "optional: the cable's REF line" },
  theme: { line: 'theme: [One paragraph on the year\'s theme for the non-paper.]', note: 'optional' },
};

/** The placeholders an unknown field prints (see src/render/placeholders.ts). */
const PLACEHOLDER_NOTE: Partial<Record<SettingsField, string>> = {
  release: 'the drafts print [RELEASE DATE] / [RELEASE TIME]',
  secretary: 'the drafts print [SECRETARY]',
  office: 'the drafts print [OFFICE SYMBOL]',
  head: 'the drafts print [HEAD OF THE OFFICE]',
  delivery: 'the drafts print [DELIVERY WINDOWS]',
};

function valueOf(s: ReportYearSettings, f: SettingsField): unknown {
  switch (f) {
    case 'release': {
      const r = s.release;
      return r.date === undefined && r.time === undefined ? undefined : r;
    }
    case 'refs':
    case 'theme':
      return s[f].length > 0 ? s[f] : undefined;
    default:
      return s[f];
  }
}

function indent(text: string, by: string): string[] {
  return text.trimEnd().split('\n').map((l) => by + l);
}

function fieldLines(s: ReportYearSettings, f: SettingsField): string[] {
  const value = valueOf(s, f);
  const pad = '    ';
  // Left out, release_event is not unknown: the drafts describe the customary release event.
  if (value === undefined && f === 'release_event') return [`${pad}# customary release event; ${SHAPES[f].note}`, `${pad}# ${SHAPES[f].line}`];
  if (value === undefined) {
    const note = [PLACEHOLDER_NOTE[f], SHAPES[f].note].filter(Boolean).join('; ');
    return [`${pad}# unknown: ${note}`, `${pad}# ${SHAPES[f].line}`];
  }
  const out: string[] = [];
  for (const src of s.sources[f] ?? []) {
    out.push(`${pad}# source: ${src.title}${src.url ? ` <${src.url}>` : ''}${src.verified === false ? ' (not verified)' : ''}`);
  }
  // Partly known: the release with a date and no time.
  if (f === 'release' && (s.release.date === undefined || s.release.time === undefined)) out.push(`${pad}# partly unknown: ${PLACEHOLDER_NOTE.release}`);
  // One line per field, in the flow style of data/report-years.yaml (the theme's paragraphs in block style); times quoted.
  const text = f === 'theme' ? stringify({ [f]: value }, { lineWidth: 96 }) : `${f}: ${stringify(value, { collectionStyle: 'flow', lineWidth: 0, flowCollectionPadding: false })}`;
  out.push(...indent(text.replace(/\btime: (\d\d:\d\d)\b/g, 'time: "$1"'), pad));
  return out;
}

export interface SettingsTextOptions {
  /** Where the values came from, for the header ("data/report-years.yaml"). */
  from: string;
}

/** The settings file text for one year. Valid input for `--settings` as written. */
export function settingsText(s: ReportYearSettings, options: SettingsTextOptions): string {
  const unknown = s.unknown.length === 0 ? 'none' : s.unknown.join(', ');
  const lines = [
    `# Report-year settings for the ${s.year} Trafficking in Persons Report (the ${ordinalSuffix(s.edition)} Report),`,
    `# from ${options.from}. Unknown fields are commented out: the drafts print a placeholder for`,
    `# them and \`tip render\` lists each one as a warning (\`--strict\` makes them errors). Fill them in`,
    `# and pass this file with \`tip render FILE --settings THIS_FILE\`: its fields override the bundled ones.`,
    `# Unknown now: ${unknown}.`,
    'years:',
    `  ${s.year}:`,
  ];
  for (const f of SETTINGS_FIELDS) lines.push(...fieldLines(s, f));
  return lines.join('\n') + '\n';
}
