import { join } from 'node:path';
import { readLedger, type Ledger } from '../../src/ledger/ledger.js';
import { PACKAGE_ROOT } from '../../src/paths.js';

/** The published placements and waivers (read in place, never copied into the project). */
export const DATA = join(PACKAGE_ROOT, '..', 'shared', 'data');
export const TIERS_CSV = join(DATA, 'tip-tiers.csv');
export const WAIVERS_CSV = join(DATA, 'tip-downgrade-waivers.csv');

let cached: Ledger | undefined;
export function published(): Ledger {
  cached ??= readLedger(TIERS_CSV, { waiversPath: WAIVERS_CSV });
  return cached;
}
