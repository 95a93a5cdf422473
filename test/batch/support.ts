import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { stringify } from 'yaml';
import type { Evidence } from '../../src/evidence/schema.js';
import type { Tier } from '../../src/model/tier.js';
import { assessEvidence, type HistoryContext } from '../../src/assess/assess.js';
import type { BatchEntry } from '../../src/batch/types.js';
import { computeClock } from '../../src/history/clock.js';
import { specialWatchListFor } from '../../src/history/special-watch-list.js';
import { tier3Consequences } from '../../src/history/tier3-consequences.js';
import { historyFromTiers, type CountryHistory } from '../../src/ledger/history.js';
import { baseEvidence } from '../support/evidence.js';
import { LAW } from '../support/law.js';

/** Evidence patches that lead the rules to each tier (the analyst determination, or a Watch List ground). */
export function evidenceFor(year: number, iso3: string, name: string, tier: Exclude<Tier, 'special'>, patch: unknown = {}): Evidence {
  const country = { country: { iso3, name, adjective: `${name}ish`, government: { formal_name: `the Government of ${name}`, short_name: 'the government' } } };
  const byTier: Record<string, unknown> = {
    '1': { determination: { fully_meets: true, significant_efforts: true, rationale: 'every standard met' } },
    '2': {},
    '2WL': { comparison_with_previous_year: { increasing_efforts: false, rationale: 'no increase in efforts' } },
    '3': { determination: { fully_meets: false, significant_efforts: false, rationale: 'no significant efforts' } },
  };
  return baseEvidence(year, { ...country, ...(byTier[tier] as object), ...(patch as object) });
}

export function writeEvidence(dir: string, file: string, evidence: Evidence): string {
  const path = join(dir, file);
  writeFileSync(path, stringify(evidence));
  return path;
}

/** Every file under `dir`, relative path -> content, for byte-for-byte comparison of two runs. */
export function snapshotTree(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(relative(dir, p), readFileSync(p));
    }
  };
  walk(dir);
  return out;
}


/** A full history from 2001 to the year before `year` (no gaps unless `gap`, so the clock is certain): Tier 2, then the given last years. */
export function fullHistory(iso3: string, year: number, last: Record<number, Tier>, gap?: number): CountryHistory {
  const tiers: Record<number, Tier> = {};
  for (let y = 2001; y < year; y++) if (y !== gap) tiers[y] = '2';
  return historyFromTiers(iso3, { ...tiers, ...last });
}

/** A waiver of the automatic downgrade, with every condition met, granted or not. */
export const waiverPatch = (granted: boolean) => ({ waiver: { written_plan: true, plan_would_constitute_significant_efforts: true, sufficient_resources: true, granted } });

/** A real assessment of a country on a history (release on June 20 for the Special Watch List and Tier 3 dates). */
export async function assessedEntry(year: number, iso3: string, name: string, tier: Exclude<Tier, 'special'>, h: CountryHistory, patch: unknown = {}): Promise<BatchEntry> {
  const evidence = evidenceFor(year, iso3, name, tier, patch);
  const releaseDate = `${year}-06-20`;
  const context: HistoryContext = {
    clock: computeClock(h, year, LAW),
    previousTier: h.years.get(year - 1)?.tier ?? null,
    specialWatchList: (t) => specialWatchListFor(h, year, t, LAW, { releaseDate }),
    tier3: (t) => {
      const c = tier3Consequences(year, LAW, { releaseDate });
      return t === '3' && c.applies ? c : null;
    },
  };
  const assessment = await assessEvidence(evidence, context, {}, undefined, `${iso3}-${year}.yaml`);
  return { file: `${iso3}-${year}.yaml`, evidence, assessment };
}
