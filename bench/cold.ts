import { join } from 'node:path';
import { PACKAGE_ROOT } from '../src/paths.js';
import { interleaved, type Measured } from './processes.js';

/**
 * `npm run bench`, section 1: a cold `tip assess` of the China 2009 example with its ledger,
 * beside Node's own start (`node -e 0`) and the import floor (a fresh process importing the runtime
 * dependencies an assessment uses: json-rules-engine, zod, yaml, handlebars and csv-parse). The
 * shipped `tip` is the launcher (dist/cli/tip.cjs) with the bundled assess engine and its V8 code
 * cache (scripts/bundle.mjs); the same without the cache (TIP_CODE_CACHE=0) and the unbundled
 * build (dist/src/cli/bin.js) are measured beside it, to show what each buys. CPU time is the
 * figure the targets use.
 */

export const BUNDLED_BIN = join(PACKAGE_ROOT, 'dist', 'cli', 'tip.cjs');
export const UNBUNDLED_BIN = join(PACKAGE_ROOT, 'dist', 'src', 'cli', 'bin.js');
const IMPORTS = "await import('json-rules-engine'); await import('zod'); await import('yaml'); await import('handlebars'); await import('csv-parse/sync');";
const CHINA = ['assess', join('examples', 'CHN-2009.yaml'), '--history', join('examples', 'tiers.csv')];

export interface ColdFigures {
  bare: Measured;
  floor: Measured;
  assess: Measured;
  noCache: Measured;
  unbundled: Measured;
}

export function measureCold(runs: number): ColdFigures {
  return interleaved(
    {
      bare: { args: ['-e', '0'] },
      floor: { args: ['--input-type=module', '-e', IMPORTS] },
      assess: { args: [BUNDLED_BIN, ...CHINA] },
      noCache: { args: [BUNDLED_BIN, ...CHINA], env: { TIP_CODE_CACHE: '0' } },
      unbundled: { args: [UNBUNDLED_BIN, ...CHINA] },
    },
    runs,
  );
}

const ms = (x: number) => `${x.toFixed(0).padStart(5)} ms`;

export function printCold(f: ColdFigures, runs: number): void {
  console.log(`1. cold start: tip assess examples/CHN-2009.yaml --history examples/tiers.csv (${runs} runs each, interleaved; medians)`);
  console.log('                                          CPU time   wall time');
  const row = (label: string, m: Measured) => console.log(`   ${label.padEnd(38)} ${ms(m.cpu)}   ${ms(m.wall)}`);
  row('node -e 0 (Node alone)', f.bare);
  row('import floor (5 runtime dependencies)', f.floor);
  row('tip assess (the shipped bin)', f.assess);
  row('tip assess, bundled, no code cache', f.noCache);
  row('tip assess, unbundled (dist/src)', f.unbundled);
}
