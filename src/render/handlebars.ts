import Handlebars from 'handlebars';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * One isolated Handlebars environment (no global helpers or partials) over one folder of our own
 * templates: `<name>.hbs` are templates, `partials/<name>.hbs` partials, each compiled once with:
 *  - strict: a misspelt field in a template throws instead of printing nothing;
 *  - knownHelpersOnly + knownHelpers: an undeclared helper is a compile error;
 *  - noEscape for the drafts (plain text, Markdown, the Word markup: "A & B" stays as written);
 *    HTML escaping on for the batch report's page, so no text reaches it unescaped and nothing is
 *    escaped by hand.
 * Values reach the templates only through the view model; they are never compiled, so "{{" in a
 * narrative prints as "{{". The drafts (engine.ts) and the batch report (src/batch/html.ts) both
 * use this.
 */

export type Helper = (this: unknown, ...args: unknown[]) => unknown;

export interface TemplateSet {
  /** Renders template `name` with the view and the render's `@data` values. */
  render(name: string, view: object, data: Record<string, unknown>): string;
  names: readonly string[];
}

export interface TemplateSetOptions {
  helpers: Record<string, Helper>;
  /** true: Handlebars' HTML escaping of every {{value}} (the HTML report); false: noEscape (the drafts). */
  escapeHtml: boolean;
}

function hbsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.hbs'))
    .map((e) => e.name)
    .sort();
}

export function createTemplateSet(dir: string, options: TemplateSetOptions): TemplateSet {
  const hb = Handlebars.create();
  for (const [name, fn] of Object.entries(options.helpers)) hb.registerHelper(name, fn as Handlebars.HelperDelegate);
  const compileOptions = {
    strict: true,
    noEscape: !options.escapeHtml,
    knownHelpersOnly: true,
    knownHelpers: Object.fromEntries(Object.keys(options.helpers).map((k) => [k, true])) as Record<string, boolean>,
  };
  const partialsDir = join(dir, 'partials');
  if (existsSync(partialsDir)) {
    for (const file of hbsFiles(partialsDir)) {
      // Compiled with the same options as the templates (a string partial would be compiled later
      // with whatever options the caller had).
      hb.registerPartial(file.slice(0, -'.hbs'.length), hb.compile(readFileSync(join(partialsDir, file), 'utf8'), compileOptions));
    }
  }
  const templates = new Map<string, Handlebars.TemplateDelegate>();
  for (const file of hbsFiles(dir)) templates.set(file.slice(0, -'.hbs'.length), hb.compile(readFileSync(join(dir, file), 'utf8'), compileOptions));
  return {
    names: [...templates.keys()],
    render(name, view, data) {
      const template = templates.get(name);
      if (!template) throw new Error(`no template ${name} in ${dir}`);
      return template(view, { data });
    },
  };
}

/** Helper arguments without Handlebars' trailing options object. */
export function argsOf(args: unknown[]): { params: unknown[]; options: Handlebars.HelperOptions } {
  return { params: args.slice(0, -1), options: args[args.length - 1] as Handlebars.HelperOptions };
}

export function fail(helper: string, expected: string, found: unknown): never {
  throw new TypeError(`template helper ${helper}: expected ${expected}, found ${JSON.stringify(found) ?? String(found)}`);
}

export function str(helper: string, v: unknown): string {
  if (typeof v !== 'string') fail(helper, 'a string', v);
  return v;
}

export function count(helper: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) fail(helper, 'a whole number', v);
  return v;
}

export function list(helper: string, v: unknown): string[] {
  if (!Array.isArray(v)) fail(helper, 'a list', v);
  return v.map((x) => (typeof x === 'number' ? String(x) : str(helper, x)));
}

/** Helpers both environments share: comparisons and tier names. */
export const COMMON_HELPERS: Record<string, Helper> = {
  eq: (...a) => {
    const { params } = argsOf(a);
    return params[0] === params[1];
  },
  or: (...a) => argsOf(a).params.some(Boolean),
  and: (...a) => argsOf(a).params.every(Boolean),
  not: (...a) => !argsOf(a).params[0],
};
