import { join } from 'node:path';
import * as z from 'zod';
import { InputError } from '../diagnostics/diagnostic.js';
import { loadBundledYaml } from '../load/data-cache.js';
import { DATA_DIR } from '../paths.js';

/**
 * How the Report laid out a country narrative and worded its tier paragraph, by era
 * (data/narrative-layouts.yaml): the header, the order of the parts and their headings, how the
 * recommendations are set, and the formulas of the tier paragraph ("; however, it is making
 * significant efforts to do so", "is placed on" or "was downgraded to"). Each era starts in a
 * report year and applies until the next one starts (OpenFisca's "latest start on or before"),
 * and cites the published narratives it was read from. The drafts of a year follow its era.
 */

export const LAYOUTS_PATH = join(DATA_DIR, 'narrative-layouts.yaml');

const text = z.string().trim().min(1);

export const PARTS = ['profile', 'placement', 'recommendations', 'prosecution', 'protection', 'prevention'] as const;
export type Part = (typeof PARTS)[number];

const CiteSchema = z.strictObject({ title: text, url: z.url(), note: z.string().optional() });

export const LayoutSchema = z.strictObject({
  from: z.number().int().min(2001),
  /** "paren": "CHINA (TIER 2 WATCH LIST)"; "colon": "AFGHANISTAN: TIER 2". */
  header: z.enum(['paren', 'colon']),
  /** The parts in the order the Report prints them; every part once. */
  order: z.array(z.enum(PARTS)).length(PARTS.length),
  /** A part's heading, or null when the Report prints none ("{country}" stands for the country's name). */
  headings: z.strictObject(Object.fromEntries(PARTS.map((p) => [p, text.nullable()])) as Record<Part, z.ZodNullable<z.ZodString>>),
  /**
   * How the recommendations are set: "sentence" (a last sentence of the tier paragraph, "The
   * government should ..."), "inline" ("Recommendations for China: ...; and ...."), "list" (under
   * their heading, one paragraph of clauses), "prioritized" (under their heading, one item each).
   */
  recommendations: z.enum(['sentence', 'inline', 'list', 'prioritized']),
  /** The verb of the minimum standards in the tier paragraph: "does not fully comply with" or "does not fully meet". */
  standards: z.enum(['comply', 'meet']),
  /** Between the shortfall and the efforts: "; however, it is making" (semicolon) or " but is making" (but). */
  concession: z.enum(['semicolon', 'but']),
  /** How the Watch List placement is said: "placed-for" ("Haiti is placed on Tier 2 Watch List for its failure to show evidence of increasing efforts ...", 2004-2008) or "therefore" ("...; therefore, China is placed on Tier 2 Watch List"). */
  watch_list: z.enum(['placed-for', 'therefore']),
  /** "present": "therefore, China is placed on Tier 2 Watch List"; "past": "therefore China remained on / was downgraded to ...". */
  voice: z.enum(['present', 'past']),
  /** A comma after "therefore" ("; therefore, China is placed on" to 2017; "therefore India remained on" from 2018). */
  therefore_comma: z.boolean(),
  /** "overall increasing efforts" (from 2019) rather than "increasing efforts" in the past voice's Tier 2 sentence. */
  overall: z.boolean(),
  /** Efforts weighed "considering the impact of the COVID-19 pandemic, if any, on its anti-trafficking capacity" (2021-2023). */
  pandemic_clause: z.boolean(),
  sources: z.array(CiteSchema).min(1),
});
export type Layout = z.output<typeof LayoutSchema>;

export const LayoutsFileSchema = z.strictObject({ layouts: z.array(LayoutSchema).min(1) });

let cache: Layout[] | undefined;

function checked(layouts: Layout[], file: string): Layout[] {
  const problems: string[] = [];
  layouts.forEach((l, i) => {
    if (new Set(l.order).size !== PARTS.length) problems.push(`layouts[${i}].order: each of ${PARTS.join(', ')} once`);
    if (i > 0 && l.from <= layouts[i - 1]!.from) problems.push(`layouts[${i}].from: later than ${layouts[i - 1]!.from}`);
  });
  if (layouts[0]!.from !== 2001) problems.push('layouts[0].from: 2001, the first Report');
  if (problems.length > 0) {
    throw new InputError(problems.map((p) => ({ file, line: 0, col: 0, path: [], code: 'inconsistent', expected: p.split(': ')[1]!, found: p.split(': ')[0]! })));
  }
  return layouts;
}

/** The bundled layouts, read and checked once. */
export function bundledLayouts(): Layout[] {
  cache ??= checked(loadBundledYaml(LAYOUTS_PATH, LayoutsFileSchema).layouts, 'data/narrative-layouts.yaml');
  return cache;
}

/** The layout of a report year: the era with the latest start on or before it. */
export function layoutOf(year: number, layouts: readonly Layout[] = bundledLayouts()): Layout {
  let found: Layout | undefined;
  for (const l of layouts) if (l.from <= year) found = l;
  if (!found) throw new Error(`no narrative layout for the ${year} Report`);
  return found;
}
