import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { stringify } from 'yaml';
import type { Evidence } from '../../src/evidence/schema.js';
import type { Tier } from '../../src/model/tier.js';
import { baseEvidence } from '../support/evidence.js';

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

