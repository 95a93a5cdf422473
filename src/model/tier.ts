/**
 * The placements of the TIP Report. `2WL` is Tier 2 Watch List (22 U.S.C. 7107(b)(2)(A)(iii));
 * `special` is a Special Case (State Department practice, no statutory basis: docs/law.md).
 */
export const TIERS = ['1', '2', '2WL', '3', 'special'] as const;
export type Tier = (typeof TIERS)[number];

export function isTier(value: unknown): value is Tier {
  return typeof value === 'string' && (TIERS as readonly string[]).includes(value);
}

/** Tiers on the §110(b)(1)(B) list: Tier 2 and Tier 2 Watch List. */
export function isOnListB(tier: Tier): boolean {
  return tier === '2' || tier === '2WL';
}

/** The name used in the report: "Tier 2 Watch List", "Special Case". */
export function tierName(tier: Tier): string {
  switch (tier) {
    case '1':
      return 'Tier 1';
    case '2':
      return 'Tier 2';
    case '2WL':
      return 'Tier 2 Watch List';
    case '3':
      return 'Tier 3';
    case 'special':
      return 'Special Case';
  }
}

/**
 * Rank for comparing placements: higher is better. A Special Case has no rank.
 * Used to say "upgraded" / "lowered"; never used to decide a tier.
 */
export function tierRank(tier: Tier): number | undefined {
  switch (tier) {
    case '1':
      return 4;
    case '2':
      return 3;
    case '2WL':
      return 2;
    case '3':
      return 1;
    case 'special':
      return undefined;
  }
}

export const REGIONAL_BUREAUS = ['AF', 'EAP', 'EUR', 'NEA', 'SCA', 'WHA'] as const;
export type RegionalBureau = (typeof REGIONAL_BUREAUS)[number];

/** First report year (the TVPA of 2000 required the first report in 2001). */
export const FIRST_REPORT_YEAR = 2001;

/**
 * The last report year that can exist: next year's report (a desk officer drafts it this year).
 * Ledgers and evidence naming a later year are refused: such a year is a typing error, and the
 * Watch List clock would read every year up to it.
 */
export const LAST_REPORT_YEAR = new Date().getUTCFullYear() + 1;
