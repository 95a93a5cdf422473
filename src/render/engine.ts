import type Handlebars from 'handlebars';
import { isTier, tierName } from '../model/tier.js';
import { TEMPLATES_DIR } from '../paths.js';
import { MARK } from './docx/markup.js';
import { argsOf, COMMON_HELPERS, count, createTemplateSet, fail, list, str, type Helper } from './handlebars.js';
import { capitalize, cardinalWord, clauseList, formatClock, formatDate, joinAnd, ordinalWord, possessive, withFinalPeriod, type DateStyle } from './words.js';

/**
 * The Handlebars environment of the drafts (src/render/handlebars.ts: isolated, strict,
 * knownHelpersOnly, noEscape), over templates/: one `<doc>.hbs` per document, the shared pieces in
 * partials/. Three formats: `text` (the cable's plain text), `markdown`, and `docx`, a plain text
 * with private-use marks for headings, bold, list items and the cable header that
 * src/render/docx/ turns into Word paragraphs.
 */

export const FORMATS = ['text', 'markdown'] as const;
export type Format = (typeof FORMATS)[number];
/** What the templates are rendered as: the public formats, and the markup the Word builder reads. */
export type EngineFormat = Format | 'docx';

function formatOf(options: Handlebars.HelperOptions): EngineFormat {
  const f = (options.data as { format?: unknown } | undefined)?.format;
  if (f !== 'text' && f !== 'markdown' && f !== 'docx') fail('format', 'the render format in @format', f);
  return f;
}

const DATE_STYLES: readonly DateStyle[] = ['long', 'day', 'weekday'];

/** Every helper the templates may use (knownHelpersOnly makes any other a compile error). */
const HELPERS: Record<string, Helper> = {
  ...COMMON_HELPERS,
  /** 5 -> "fifth" */
  ordinal: (...a) => ordinalWord(count('ordinal', argsOf(a).params[0])),
  /** 4 -> "four" */
  cardinal: (...a) => cardinalWord(count('cardinal', argsOf(a).params[0])),
  /** ISO date -> "June 16, 2009" (default), "June 16" ("day"), "Tuesday June 16" ("weekday"); a placeholder as it is. */
  date: (...a) => {
    const { params } = argsOf(a);
    const style = params[1] ?? 'long';
    if (!DATE_STYLES.includes(style as DateStyle)) fail('date', `a style among ${DATE_STYLES.join(', ')}`, style);
    return formatDate(str('date', params[0]), style as DateStyle);
  },
  /** "10:00" -> "10:00 a.m.", "12:00" -> "12 noon", "OOB" -> "OOB"; a placeholder as it is. */
  clock: (...a) => formatClock(str('clock', argsOf(a).params[0])),
  /** A moment's time and zone: "10:00 a.m. EDT", or the placeholder alone. */
  at: (...a) => {
    const m = argsOf(a).params[0] as { time?: unknown; zone?: unknown } | null;
    if (m === null || typeof m !== 'object') fail('at', 'a time with its zone', m);
    const time = formatClock(str('at', m.time));
    const zone = str('at', m.zone);
    return zone === '' ? time : `${time} ${zone}`;
  },
  /** ["WHA","AF","EUR","NEA"] -> "WHA, AF, EUR, and NEA" */
  joinAnd: (...a) => joinAnd(list('joinAnd', argsOf(a).params[0])),
  /** A list joined by a separator: {{join tags " "}}. */
  join: (...a) => {
    const { params } = argsOf(a);
    return list('join', params[0]).join(str('join', params[1]));
  },
  /** Sentences of one paragraph, joined by a space. */
  sentences: (...a) => list('sentences', argsOf(a).params[0]).join(' '),
  /** Recommendations: "Revise ...; improve ...; and adhere ...." (second argument: capitalize the first). */
  clauses: (...a) => {
    const { params } = argsOf(a);
    return clauseList(list('clauses', params[0]), params[1] === true);
  },
  /** '2WL' -> "Tier 2 Watch List" */
  tierName: (...a) => {
    const t = argsOf(a).params[0];
    if (!isTier(t)) fail('tierName', 'a tier', t);
    return tierName(t);
  },
  upper: (...a) => str('upper', argsOf(a).params[0]).toUpperCase(),
  possessive: (...a) => possessive(str('possessive', argsOf(a).params[0])),
  capitalize: (...a) => capitalize(str('capitalize', argsOf(a).params[0])),
  /** A clause as a sentence of its own: capitalized, ending with a period (a prioritized recommendation). */
  sentence: (...a) => withFinalPeriod(capitalize(str('sentence', argsOf(a).params[0]).replace(/;\s*$/, ''))),
  /** Block: a heading; Markdown gets `#` marks by level, plain text prints the words alone. */
  heading: function (this: unknown, ...a) {
    const { params, options } = argsOf(a);
    const level = Math.max(1, Math.min(6, count('heading', params[0])));
    const inner = options.fn(this);
    switch (formatOf(options)) {
      case 'markdown':
        return `${'#'.repeat(level)} ${inner}`;
      case 'docx':
        return `${MARK.heading}${level}${inner}${MARK.headingEnd}`;
      case 'text':
        return inner;
    }
  },
  /** Block: emphasis for labels (Q1:, A:); bold in Markdown and Word, as is in plain text. */
  strong: function (this: unknown, ...a) {
    const { options } = argsOf(a);
    const inner = options.fn(this);
    const f = formatOf(options);
    return f === 'markdown' ? `**${inner}**` : f === 'docx' ? `${MARK.bold}${inner}${MARK.boldEnd}` : inner;
  },
  /** Block: the cable's header lines, kept line by line (a fenced block in Markdown, the cable style in Word). */
  cable: function (this: unknown, ...a) {
    const { options } = argsOf(a);
    const inner = options.fn(this).replace(/\n+$/, '');
    const f = formatOf(options);
    return f === 'markdown' ? `\`\`\`text\n${inner}\n\`\`\`` : f === 'docx' ? `${MARK.cable}${inner}` : inner;
  },
  /** A cable paragraph number: "5." (plain text, Word), "**5.**" (Markdown). */
  para: (...a) => {
    const { params, options } = argsOf(a);
    const n = count('para', params[0]);
    return formatOf(options) === 'markdown' ? `**${n}.**` : `${n}.`;
  },
  /** A non-paper point: "--" as in the cable, "-" (a list item) in Markdown, a list item in Word. */
  bullet: (...a) => {
    const f = formatOf(argsOf(a).options);
    return f === 'markdown' ? '-' : f === 'docx' ? MARK.bullet : '--';
  },
  /** A list item of the prioritized recommendations: "-" in text and Markdown, a Word list item. */
  item: (...a) => (formatOf(argsOf(a).options) === 'docx' ? MARK.bullet : '-'),
};

export interface Engine {
  render(name: string, view: object, format: EngineFormat): string;
  /** The documents the templates folder defines (`<name>.hbs`). */
  names: readonly string[];
}

/** Builds the environment from a templates folder: `<name>.hbs` and `partials/<partial>.hbs`. */
export function createEngine(dir: string = TEMPLATES_DIR): Engine {
  const set = createTemplateSet(dir, { helpers: HELPERS, escapeHtml: false });
  return {
    names: set.names,
    render: (name, view, format) => set.render(name, view, { format }),
  };
}

let shared: Engine | undefined;

/** The bundled templates, compiled once per process. */
export function bundledEngine(): Engine {
  shared ??= createEngine();
  return shared;
}
