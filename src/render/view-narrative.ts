import * as z from 'zod';
import type { Assessment } from '../assess/types.js';
import type { Evidence } from '../evidence/schema.js';
import { proseOrFigures } from './figures.js';
import type { LawView } from './law.js';
import type { Layout, Part } from './layout.js';
import type { Placeholders } from './placeholders.js';
import { CountryViewSchema, countryView, draftRecommendations } from './view-common.js';
import { PlacementViewSchema, placementView } from './view-placement.js';

/**
 * The country narrative, laid out as the Report of that year laid it out (data/narrative-layouts.yaml):
 * 2009 "CHINA (TIER 2 WATCH LIST)", the profile, the tier paragraph, "Recommendations for China: ...",
 * then Prosecution, Protection and Prevention; from 2017 "CHINA: TIER 2 WATCH LIST", the tier
 * paragraph first, the recommendations under their heading, the three P's and the trafficking
 * profile last. A section left empty gets sentences from the figures, marked for editing.
 */

const PartViewSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('placement'), title: z.string().nullable() }),
  z.strictObject({ kind: z.literal('recommendations'), title: z.string().nullable(), mode: z.enum(['inline', 'list', 'prioritized']), items: z.array(z.string()).min(1) }),
  z.strictObject({ kind: z.literal('text'), title: z.string().nullable(), paragraphs: z.array(z.string()).min(1) }),
]);
export type PartView = z.output<typeof PartViewSchema>;

export const NarrativeViewSchema = z.strictObject({
  country: CountryViewSchema,
  year: z.number().int(),
  /** "paren": "CHINA (TIER 2 WATCH LIST)"; "colon": "CHINA: TIER 2 WATCH LIST". */
  header: z.enum(['paren', 'colon']),
  placement: PlacementViewSchema,
  parts: z.array(PartViewSchema).min(2),
});
export type NarrativeView = z.output<typeof NarrativeViewSchema>;

/** A heading with the country's name put in ("RECOMMENDATIONS FOR {country}:"), in capitals when the heading is. */
function headingOf(layout: Layout, part: Part, name: string): string | null {
  const h = layout.headings[part];
  if (h === null) return null;
  const rest = h.replace('{country}', '');
  return h.replace('{country}', rest === rest.toUpperCase() ? name.toUpperCase() : name);
}

function partView(part: Part, layout: Layout, name: string, evidence: Evidence, recommendations: string[], ph: Placeholders): PartView | null {
  const title = headingOf(layout, part, name);
  switch (part) {
    case 'placement':
      return { kind: 'placement', title };
    case 'recommendations':
      // In the eras that end the tier paragraph with them, the recommendations are in the placement.
      if (layout.recommendations === 'sentence' || recommendations.length === 0) return null;
      return { kind: 'recommendations', title, mode: layout.recommendations, items: recommendations };
    default:
      return { kind: 'text', title, paragraphs: proseOrFigures(evidence, part, ph) };
  }
}

export function buildNarrativeView(assessment: Assessment, evidence: Evidence, law: LawView, layout: Layout, ph: Placeholders): NarrativeView {
  const recommendations = draftRecommendations(assessment);
  const country = countryView(assessment);
  return NarrativeViewSchema.parse({
    country,
    year: assessment.year,
    header: layout.header,
    placement: placementView(assessment, evidence, law, layout, recommendations),
    parts: layout.order.map((p) => partView(p, layout, country.name, evidence, recommendations, ph)).filter((p) => p !== null),
  });
}
