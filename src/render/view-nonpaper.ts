import * as z from 'zod';
import type { Assessment } from '../assess/types.js';
import { LawViewSchema, type LawView } from './law.js';
import type { Layout } from './layout.js';
import { CountryClockSchema, CountryViewSchema, TierSchema, countryClock, countryView } from './view-common.js';
import { ReleaseViewSchema, type ReleaseView } from './view-release.js';

/**
 * The non-paper: the TVPA background of that report year (tiers, scope, Special Watch List,
 * Tier 2 Watch List and the downgrade clock, Tier 3 consequences), the year's theme, the country's
 * own clock, and the embargo. The law comes from lawOfYear (the rule corpus), the release facts
 * from the year's settings (placeholders where unknown).
 */
export const NonpaperViewSchema = z.strictObject({
  country: CountryViewSchema,
  year: z.number().int(),
  previousYear: z.number().int(),
  nextYear: z.number().int(),
  tier: TierSchema,
  /** "comply" or "meet", as the Report of that era words the standards (data/narrative-layouts.yaml). */
  standards: z.enum(['comply', 'meet']),
  settings: ReleaseViewSchema,
  law: LawViewSchema,
  countryClock: CountryClockSchema,
});
export type NonpaperView = z.output<typeof NonpaperViewSchema>;

export function buildNonpaperView(assessment: Assessment, law: LawView, layout: Layout, release: ReleaseView): NonpaperView {
  return NonpaperViewSchema.parse({
    country: countryView(assessment),
    year: assessment.year,
    previousYear: assessment.year - 1,
    nextYear: assessment.year + 1,
    tier: assessment.tier,
    standards: layout.standards,
    settings: release,
    law,
    countryClock: countryClock(assessment, law.firstCountedYear),
  });
}
