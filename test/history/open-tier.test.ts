import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { assessFile } from '../../src/assess/file.js';
import { runBatch } from '../../src/batch/run.js';
import { bufferIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { InputError } from '../../src/diagnostics/diagnostic.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { renderDocuments } from '../../src/render/index.js';
import { TIERS_CSV } from './published.js';

/**
 * Issue 9 items 8-9: Nicaragua 2019 (a waiver granted) with the published ledger, which has no 2016
 * row for Nicaragua. Filling 2016 as off the Watch List makes 2019 a waiver year (the Watch List,
 * by waiver); filling it as the Watch List makes 2019 barred (Tier 3). So the tier is open, and no
 * output may state either as definite.
 */
const NIC = join(PACKAGE_ROOT, 'examples', 'more', 'NIC-2019.yaml');

async function tip(args: string[], cwd: string) {
  const io = bufferIo(cwd);
  const code = await main(args, io);
  return { code, out: io.out(), err: io.err() };
}

describe('a tier the ledger leaves open', () => {
  test('the assessment carries the possible tiers and the missing year that decides', async () => {
    const { assessment } = await assessFile(NIC, { historyPath: TIERS_CSV });
    expect(assessment.open).toMatchObject({ tiers: ['2WL', '3'], decidingYears: [2016] });
    expect(assessment.open!.branches.map((b) => [b.watchListPlacement, b.tier])).toEqual([
      ['barred', '3'],
      ['needs-waiver', '2WL'],
    ]);
    expect(assessment.clockEffect).toBe('not-checked');
    expect(assessment.tierChange).toBe('unknown');
    expect(assessment.notes.join('\n')).toMatch(/The tier is open: depending on the ledger's missing year 2016/);
    // The waiver is set aside only where the missing year leaves the Watch List barred.
    expect(assessment.notes.join('\n')).toMatch(/set aside where the missing years leave the Watch List barred/);
  });

  test('with the missing year filled, the tier is definite, either way', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tip-open-'));
    const csv = readFileSync(TIERS_CSV, 'utf8').trimEnd();
    for (const [tier, expected] of [['2', '2WL'], ['2WL', '3']] as const) {
      const path = join(dir, `tiers-${tier}.csv`);
      writeFileSync(path, `${csv}\nNicaragua,NIC,2016,${tier}\n`);
      const { assessment } = await assessFile(NIC, { historyPath: path });
      expect(assessment.open).toBeNull();
      expect(assessment.tier).toBe(expected);
    }
  });

  test('tip assess never prints it as definite; tip record refuses it; the drafts refuse it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tip-open-'));
    copyFileSync(TIERS_CSV, join(dir, 'tiers.csv'));
    const before = readFileSync(join(dir, 'tiers.csv'), 'utf8');
    const a = await tip(['assess', NIC, '--history', 'tiers.csv'], dir);
    expect(a.code).toBe(0);
    expect(a.out).toMatch(/^TIER: OPEN: Tier 2 Watch List or Tier 3, depending on the ledger's missing year 2016$/m);
    expect(a.out).not.toMatch(/^TIER: Tier/m);
    const r = await tip(['record', NIC, '--history', 'tiers.csv'], dir);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/tier: expected a definite tier to record, found Tier 2 Watch List or Tier 3, depending on the ledger's missing year 2016/);
    expect(readFileSync(join(dir, 'tiers.csv'), 'utf8')).toBe(before);
    const { assessment, evidence } = await assessFile(NIC, { historyPath: TIERS_CSV });
    expect(() => renderDocuments(assessment, evidence, { docs: ['press'], format: 'text' })).toThrow(InputError);
  });

  test('tip batch lists it as open, with no placement and no drafts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tip-open-'));
    mkdirSync(join(dir, 'evidence'));
    copyFileSync(NIC, join(dir, 'evidence', 'NIC-2019.yaml'));
    const year = await runBatch(join(dir, 'evidence'), { year: 2019, historyPath: TIERS_CSV, outDir: join(dir, 'out'), drafts: false });
    expect(year.entries).toHaveLength(0);
    expect(year.failures.map((f) => [f.file, f.message])).toEqual([['NIC-2019.yaml', expect.stringMatching(/^the tier is open: Tier 2 Watch List or Tier 3, depending on the ledger's missing year 2016/)]]);
  });
});
