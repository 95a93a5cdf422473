import { z } from 'zod';
import type { Assessment } from '../assess/types.js';
import type { Evidence } from '../evidence/schema.js';
import type { ReportYearSettings } from '../report-year/schema.js';
import type { Corpus } from '../rules/corpus.js';
import { lawOfYear, LawViewSchema } from './law.js';
import { CountryClockSchema, CountryViewSchema, TierSchema, countryClock, countryView, MomentSchema } from './view-common.js';

/**
 * The non-paper: the TVPA background of that report year (tiers, scope, Special Watch List,
 * Tier 2 Watch List and the downgrade clock, Tier 3 consequences), the year's theme, the country's
 * own clock, and the embargo. The law comes from lawOfYear (the rule corpus and cited constants).
 */
const moment = MomentSchema;

export const NonpaperViewSchema = z.strictObject({
  country: CountryViewSchema,
  year: z.number().int(),
  previousYear: z.number().int(),
  nextYear: z.number().int(),
  tier: TierSchema,
  /** 9 for 2009: "the ninth annual TIP Report". */
  edition: z.number().int().min(1),
  release: moment,
  briefing: moment.nullable(),
  website: z.string().nullable(),
  theme: z.array(z.string()),
  law: LawViewSchema,
  countryClock: CountryClockSchema,
});
export type NonpaperView = z.output<typeof NonpaperViewSchema>;

export function buildNonpaperView(assessment: Assessment, _evidence: Evidence, settings: ReportYearSettings, corpus?: Corpus): NonpaperView {
  const effective = (assessment.options.effective ?? {}) as Record<string, { from?: number; to?: number }>;
  const law = lawOfYear(assessment.year, corpus, effective);
  return NonpaperViewSchema.parse({
    country: countryView(assessment),
    year: assessment.year,
    previousYear: assessment.year - 1,
    nextYear: assessment.year + 1,
    tier: assessment.tier,
    edition: settings.edition,
    release: settings.release,
    briefing: settings.briefing ?? null,
    website: settings.website ?? null,
    theme: settings.theme,
    law,
    countryClock: countryClock(assessment, law.firstCountedYear),
  });
}
