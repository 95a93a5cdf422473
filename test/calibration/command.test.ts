import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { calibrate, ledgerBefore } from '../../src/calibrate/calibrate.js';
import { bufferIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { readLedger } from '../../src/ledger/ledger.js';

const SYNTHETIC = join(import.meta.dirname, 'synthetic');
const LEDGER = join(SYNTHETIC, 'tiers.csv');

describe('tip calibrate', () => {
  test('the agreement table, the confusion matrix and the agreement figure', async () => {
    const r = await calibrate(SYNTHETIC, { historyPath: LEDGER });
    expect(r.rows.map((x) => [x.file, x.published, x.engine, x.rubric, x.agrees])).toEqual([
      ['XAA-2012.yaml', '1', '1', '1', true],
      ['XAB-2016.yaml', '2WL', '2WL', '2', true],
      ['XAC-2021.yaml', '3', '2', '2', false],
    ]);
    expect(r.rows[0]!.decidedBy).toEqual(['22usc7107.b.1.A']);
    expect(r.rows[0]!.unknowns).toBe(1);
    expect(r.confusion.counts['1']['1']).toBe(1);
    expect(r.confusion.counts['2WL']['2WL']).toBe(1);
    expect(r.confusion.counts['3']['2']).toBe(1);
    expect(Object.values(r.confusion.counts).flatMap((row) => Object.values(row)).reduce((a, b) => a + b, 0)).toBe(3);
    expect(r.agreement).toEqual({ agree: 2, total: 3, ratio: 2 / 3, openIncludingPublished: 0 });
    expect(Object.values(r.confusion.open).reduce((a, b) => a + b, 0)).toBe(0);
  });

  test('the engine never reads the published answer: the ledger is cut before the report year', () => {
    const ledger = readLedger(LEDGER);
    const cut = ledgerBefore(ledger, 'XAB', 2016);
    expect([...cut.byCountry.get('XAB')!.keys()]).toEqual([2014, 2015]);
    expect([...cut.byCountry.get('XAA')!.keys()]).toEqual([2011, 2012]);
    expect([...ledger.byCountry.get('XAB')!.keys()]).toEqual([2014, 2015, 2016]);
  });

  test('text and JSON from the command line; exit 0', async () => {
    const io = bufferIo(SYNTHETIC);
    expect(await main(['calibrate', '.', '--history', 'tiers.csv'], io)).toBe(0);
    expect(io.out()).toContain('Agreement: 2 of 3 (66.7%)');
    expect(io.out()).toContain('Misses: XAC-2021.yaml (published Tier 3, engine Tier 2)');
    // Columns 1, 2, 2WL, 3, special, then open (the tiers a ledger gap leaves undecided).
    expect(io.out()).toMatch(/^3 {9}0 {7}1 {7}0 {7}0 {7}0 {7}0$/m);
    const json = bufferIo(SYNTHETIC);
    expect(await main(['calibrate', '.', '--history', 'tiers.csv', '--json'], json)).toBe(0);
    const parsed = JSON.parse(json.out());
    expect(parsed.agreement.agree).toBe(2);
    expect(parsed.rows).toHaveLength(3);
  });

  test('a file without a calibration block is skipped, an invalid one fails the run (exit 1) and is named', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tip-calibrate-'));
    copyFileSync(join(SYNTHETIC, 'XAA-2012.yaml'), join(dir, 'XAA-2012.yaml'));
    writeFileSync(join(dir, 'bad.yaml'), 'evidence_version: 2\nreport_year: 2012\n');
    const r = await calibrate(dir);
    expect(r.rows.map((x) => x.file)).toEqual(['XAA-2012.yaml']);
    expect(r.failures.map((f) => f.file)).toEqual(['bad.yaml']);
    const io = bufferIo(dir);
    expect(await main(['calibrate', '.'], io)).toBe(1);
    expect(io.out()).toContain('Failed bad.yaml');
  });
});
