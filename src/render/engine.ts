import Handlebars from 'handlebars';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isTier, tierName } from '../model/tier.js';
import { TEMPLATES_DIR } from '../paths.js';
import { capitalize, cardinalWord, clauseList, formatClock, formatDate, joinAnd, ordinalWord, possessive, type DateStyle } from './words.js';

/**
 * The Handlebars environment of the drafts: one isolated instance (no global helpers or partials),
 * templates compiled once per process from our own templates/ folder only. Compile options, per
 * engineering-notes.md §3.3:
 *  - strict: a misspelt field in a template throws instead of printing nothing;
 *  - noEscape: the drafts are plain text and Markdown, not HTML ("A & B" stays as written);
 *  - knownHelpersOnly + knownHelpers: an undeclared helper is a compile error.
 * Evidence text reaches the templates only as values in the view model; it is never compiled, so
 * "{{" in a narrative prints as "{{".
 */

export const FORMATS = ['text', 'markdown'] as const;
export type Format = (typeof FORMATS)[number];

export const TEMPLATE_NAMES = ['narrative', 'demarche', 'nonpaper', 'press'] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

type HelperOptions = Handlebars.HelperOptions;

function fail(helper: string, expected: string, found: unknown): never {
  throw new TypeError(`template helper ${helper}: expected ${expected}, found ${JSON.stringify(found) ?? String(found)}`);
}

function str(helper: string, v: unknown): string {
  if (typeof v !== 'string') fail(helper, 'a string', v);
  return v;
}

function count(helper: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) fail(helper, 'a whole number', v);
  return v;
}

function list(helper: string, v: unknown): string[] {
  if (!Array.isArray(v)) fail(helper, 'a list', v);
  return v.map((x) => (typeof x === 'number' ? String(x) : str(helper, x)));
}

/** Helper arguments without Handlebars' trailing options object. */
function argsOf(args: unknown[]): { params: unknown[]; options: HelperOptions } {
  return { params: args.slice(0, -1), options: args[args.length - 1] as HelperOptions };
}

function formatOf(options: HelperOptions): Format {
  const f = (options.data as { format?: unknown } | undefined)?.format;
  if (f !== 'text' && f !== 'markdown') fail('format', 'the render format in @format', f);
  return f;
}

const DATE_STYLES: readonly DateStyle[] = ['long', 'day', 'weekday'];

/** Every helper the templates may use (knownHelpersOnly makes any other a compile error). */
const HELPERS: Record<string, (this: unknown, ...args: unknown[]) => unknown> = {
  eq: (...a) => {
    const { params } = argsOf(a);
    return params[0] === params[1];
  },
  or: (...a) => argsOf(a).params.some(Boolean),
  /** 5 -> "fifth" */
  ordinal: (...a) => ordinalWord(count('ordinal', argsOf(a).params[0])),
  /** 4 -> "four" */
  cardinal: (...a) => cardinalWord(count('cardinal', argsOf(a).params[0])),
  /** ISO date -> "June 16, 2009" (default), "June 16" ("day"), "Tuesday June 16" ("weekday") */
  date: (...a) => {
    const { params } = argsOf(a);
    const style = params[1] ?? 'long';
    if (!DATE_STYLES.includes(style as DateStyle)) fail('date', `a style among ${DATE_STYLES.join(', ')}`, style);
    return formatDate(str('date', params[0]), style as DateStyle);
  },
  /** "10:00" -> "10:00 a.m.", "12:00" -> "12 noon", "OOB" -> "OOB" */
  clock: (...a) => formatClock(str('clock', argsOf(a).params[0])),
  /** ["WHA","AF","EUR","NEA"] -> "WHA, AF, EUR, and NEA" */
  joinAnd: (...a) => joinAnd(list('joinAnd', argsOf(a).params[0])),
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
  /** Block: a heading; Markdown gets `#` marks by level, plain text prints the words alone. */
  heading: function (this: unknown, ...a) {
    const { params, options } = argsOf(a);
    const level = count('heading', params[0]);
    const inner = options.fn(this);
    return formatOf(options) === 'markdown' ? `${'#'.repeat(Math.max(1, Math.min(6, level)))} ${inner}` : inner;
  },
  /** Block: emphasis for labels (Q1:, A:); bold in Markdown, as is in plain text. */
  strong: function (this: unknown, ...a) {
    const { options } = argsOf(a);
    const inner = options.fn(this);
    return formatOf(options) === 'markdown' ? `**${inner}**` : inner;
  },
  /** A cable paragraph number: "5." (plain text), "**5.**" (Markdown). */
  para: (...a) => {
    const { params, options } = argsOf(a);
    const n = count('para', params[0]);
    return formatOf(options) === 'markdown' ? `**${n}.**` : `${n}.`;
  },
  /** A non-paper point: "--" as in the cable, "-" (a list item) in Markdown. */
  bullet: (...a) => (formatOf(argsOf(a).options) === 'markdown' ? '-' : '--'),
};

const COMPILE_OPTIONS = {
  strict: true,
  noEscape: true,
  knownHelpersOnly: true,
  knownHelpers: Object.fromEntries(Object.keys(HELPERS).map((k) => [k, true])) as Record<string, boolean>,
} as const;

export interface Engine {
  render(name: TemplateName, view: object, format: Format): string;
}

function readTemplate(path: string): string {
  return readFileSync(path, 'utf8');
}

/** Builds the environment from a templates folder: `<name>.hbs` and `partials/<partial>.hbs`. */
export function createEngine(dir: string = TEMPLATES_DIR): Engine {
  const hb = Handlebars.create();
  for (const [name, fn] of Object.entries(HELPERS)) hb.registerHelper(name, fn as Handlebars.HelperDelegate);
  const partialsDir = join(dir, 'partials');
  for (const file of readdirSync(partialsDir).filter((f) => f.endsWith('.hbs')).sort()) {
    // Partials are compiled with the same options as the templates (a string partial would be
    // compiled later with whatever options the caller had).
    hb.registerPartial(file.slice(0, -'.hbs'.length), hb.compile(readTemplate(join(partialsDir, file)), COMPILE_OPTIONS));
  }
  const templates = new Map<TemplateName, Handlebars.TemplateDelegate>();
  for (const name of TEMPLATE_NAMES) templates.set(name, hb.compile(readTemplate(join(dir, `${name}.hbs`)), COMPILE_OPTIONS));
  return {
    render(name, view, format) {
      const template = templates.get(name);
      if (!template) throw new Error(`no template ${name}`);
      return template(view, { data: { format } });
    },
  };
}

let shared: Engine | undefined;

/** The bundled templates, compiled once per process. */
export function bundledEngine(): Engine {
  shared ??= createEngine();
  return shared;
}
