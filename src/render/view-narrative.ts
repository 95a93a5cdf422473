import { z } from 'zod';
import type { Assessment } from '../assess/types.js';
import type { Evidence } from '../evidence/schema.js';
import { CountryViewSchema, PlacementViewSchema, countryView, draftRecommendations, placementView } from './view-common.js';

/**
 * The country narrative: "CHINA (TIER 2 WATCH LIST)", the profile, the tier paragraph,
 * "Recommendations for China: ...", then Prosecution, Protection and Prevention.
 */
export const NarrativeViewSchema = z.strictObject({
  country: CountryViewSchema,
  year: z.number().int(),
  placement: PlacementViewSchema,
  profile: z.array(z.string()).min(1),
  recommendations: z.array(z.string()),
  prosecution: z.array(z.string()),
  protection: z.array(z.string()),
  prevention: z.array(z.string()),
});
export type NarrativeView = z.output<typeof NarrativeViewSchema>;

export function buildNarrativeView(assessment: Assessment, evidence: Evidence): NarrativeView {
  return NarrativeViewSchema.parse({
    country: countryView(assessment),
    year: assessment.year,
    placement: placementView(assessment, evidence),
    profile: evidence.narrative.profile,
    recommendations: draftRecommendations(assessment),
    prosecution: evidence.narrative.prosecution,
    protection: evidence.narrative.protection,
    prevention: evidence.narrative.prevention,
  });
}
