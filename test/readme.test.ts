import { mkdtempSync, mkdirSync, copyFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { assessFile, bundledCorpus, computeClock, countryHistory, lawOf, readLedger, renderDocuments, runBatch, whatIf } from '../src/index.js';
import { PACKAGE_ROOT } from '../src/paths.js';

test('the README: opens with the two commands, and its library example does what it says', async () => {
  const readme = readFileSync(join(PACKAGE_ROOT, 'README.md'), 'utf8');
  const firstBlock = readme.slice(readme.indexOf('```sh'), readme.indexOf('```', readme.indexOf('```sh') + 5));
  expect(firstBlock).toContain('npm install && npm start');
  expect(firstBlock).toContain('npm test');

  const at = (p: string) => join(PACKAGE_ROOT, p);
  const { assessment, evidence } = await assessFile(at('examples/CHN-2009.yaml'), { historyPath: at('examples/tiers.csv') });
  expect(assessment.tier).toBe('2WL');
  expect(assessment.clock?.earliestDowngradeYear).toBe(2011);
  const press = renderDocuments(assessment, evidence, { docs: ['press'], format: 'text' });
  expect(press).toHaveLength(1);
  expect(press[0]!.content).toContain('Why was China again given a ranking of Tier 2 Watch List?');
  expect(computeClock(countryHistory(readLedger(at('examples/tiers.csv')), 'CHN'), 2009, lawOf(bundledCorpus())).watchListPlacement).toBe('allowed');
  const w = await whatIf({ evidence, ledger: readLedger(at('examples/tiers.csv')) });
  expect(w.plan[0]?.field).toBe('comparison_with_previous_year.increasing_efforts');
  expect(w.nextYear.summary[0]).toMatch(/^If nothing changes, /);
  expect(renderDocuments(assessment, evidence, { docs: ['action-plan'], whatIf: w })[0]!.doc).toBe('action-plan');

  const dir = mkdtempSync(join(tmpdir(), 'tip-readme-'));
  mkdirSync(join(dir, 'evidence'));
  copyFileSync(at('examples/CHN-2009.yaml'), join(dir, 'evidence', 'CHN-2009.yaml'));
  const year = await runBatch(join(dir, 'evidence'), { year: 2009, historyPath: at('examples/tiers.csv'), outDir: join(dir, 'out') });
  expect(year.failures).toHaveLength(0);
});
