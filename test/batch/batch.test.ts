import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import type { BatchReport } from '../../src/batch/report-model.js';
import { run } from '../../src/cli/commands/batch.js';
import { bufferIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { TIERS } from '../../src/model/tier.js';
import { evidenceFor, snapshotTree, writeEvidence } from './support.js';

// 2009: a year with bundled report-year settings, so the demarche and the non-paper render.
const YEAR = 2009;
const COUNTRIES = [
  ['AAA', 'Alphaland', '1'],
  ['BBB', 'Betaland', '2'],
  ['CCC', 'Gammaland', '2WL'],
  ['DDD', 'Deltaland', '3'],
] as const;

let root: string;
let dir: string;
let brokenLine: number;
let brokenCol: number;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'tip-batch-'));
  dir = join(root, 'evidence');
  mkdirSync(dir);
  for (const [iso3, name, tier] of COUNTRIES) writeEvidence(dir, `${iso3}-${YEAR}.yaml`, evidenceFor(YEAR, iso3, name, tier));
  // A file of another year in the same folder: listed as skipped, never assessed.
  writeEvidence(dir, 'AAA-2008.yaml', evidenceFor(2008, 'AAA', 'Alphaland', '2'));
  // A broken file of the year: a count that is not a number.
  const text = stringify(evidenceFor(YEAR, 'EEE', 'Epsilonland', '2')).replace(/^ {2}investigations: 10$/m, '  investigations: many');
  const lines = text.split('\n');
  brokenLine = lines.indexOf('  investigations: many') + 1;
  brokenCol = lines[brokenLine - 1]!.indexOf('many') + 1;
  writeFileSync(join(dir, `EEE-${YEAR}.yaml`), text);
  // Not evidence (not *.yaml), and a subfolder: both ignored.
  writeFileSync(join(dir, 'notes.txt'), 'not evidence');
  mkdirSync(join(dir, 'old'));
  writeEvidence(join(dir, 'old'), `FFF-${YEAR}.yaml`, evidenceFor(YEAR, 'FFF', 'Zetaland', '2'));
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

async function batch(out: string, extra: string[] = []) {
  const io = bufferIo(root);
  const code = await run(['evidence', '--year', String(YEAR), '--out', out, ...extra], io);
  return { code, out: io.out(), err: io.err() };
}

describe('tip batch over a folder with a broken file', () => {
  let first: Awaited<ReturnType<typeof batch>>;
  let report: BatchReport;

  beforeAll(async () => {
    first = await batch('out1');
    report = JSON.parse(readFileSync(join(root, 'out1', 'report.json'), 'utf8')) as BatchReport;
  });

  test('exits 1 and reports the broken file with file:line:col, field, expected and found', () => {
    expect(brokenLine).toBeGreaterThan(0);
    expect(first.code).toBe(1);
    const line = first.err.split('\n').find((l) => l.includes('EEE-2009.yaml'));
    expect(line).toBeDefined();
    expect(line!.startsWith(`${join('evidence', 'EEE-2009.yaml')}:${brokenLine}:${brokenCol}: prosecution.investigations: expected `)).toBe(true);
    expect(line).toContain('found');
    expect(line).toContain('many');
  });

  test('assesses every other file of the year, skips the other year, ignores other files', () => {
    expect(report.totals).toEqual({ assessed: COUNTRIES.length, failed: 1, skipped: 1 });
    expect(report.countries.map((c) => c.iso3).sort()).toEqual(COUNTRIES.map(([iso3]) => iso3).sort());
    for (const [iso3, , tier] of COUNTRIES) expect(report.countries.find((c) => c.iso3 === iso3)?.tier).toBe(tier);
    expect(report.skipped).toEqual([{ file: 'AAA-2008.yaml', reportYear: 2008, reason: 'report_year is 2008, not 2009' }]);
    expect(report.failures.map((f) => f.file)).toEqual(['EEE-2009.yaml']);
    expect(report.failures[0]!.errors[0]).toMatch(new RegExp(`^EEE-2009\\.yaml:${brokenLine}:${brokenCol}: prosecution\\.investigations: `));
  });

  test('counts by tier add up and follow the tiers assessed', () => {
    expect(report.counts.map((c) => c.tier)).toEqual([...TIERS]);
    for (const c of report.counts) expect(c.count).toBe(report.countries.filter((r) => r.tier === c.tier).length);
    expect(report.counts.reduce((s, c) => s + c.count, 0)).toBe(report.totals.assessed);
  });

  test('writes the three report files and four drafts per country', () => {
    for (const f of ['report.md', 'report.json', 'report.html']) expect(existsSync(join(root, 'out1', f))).toBe(true);
    for (const [iso3] of COUNTRIES) {
      for (const doc of ['narrative', 'demarche', 'nonpaper', 'press']) {
        const p = join(root, 'out1', 'drafts', `${iso3}-${YEAR}-${doc}.txt`);
        expect(existsSync(p), p).toBe(true);
        expect(readFileSync(p, 'utf8').length).toBeGreaterThan(100);
      }
    }
    expect(existsSync(join(root, 'out1', 'drafts', `EEE-${YEAR}-narrative.txt`))).toBe(false);
    expect(first.out).toMatch(/^tip batch 2009: 4 assessed \(Tier 1 1, Tier 2 1, Tier 2 Watch List 1, Tier 3 1\), 1 failed, 1 skipped; /);
  });

  test('the report names the interim assessment date (Feb 1 of the next year) and the Tier 3 country', () => {
    expect(report.interimAssessment?.due).toBe(`${YEAR + 1}-02-01`);
    expect(report.tier3.map((t) => t.iso3)).toEqual(['DDD']);
    const md = readFileSync(join(root, 'out1', 'report.md'), 'utf8');
    expect(md).toContain(`Interim assessment due ${YEAR + 1}-02-01`);
    expect(md).toContain('| Deltaland | DDD |');
  });

  test('the output is byte-identical across two runs, and never names the folders it ran in', async () => {
    const second = await batch('out2');
    expect(second.code).toBe(1);
    const a = snapshotTree(join(root, 'out1'));
    const b = snapshotTree(join(root, 'out2'));
    expect([...b.keys()]).toEqual([...a.keys()]);
    expect(a.size).toBe(4 + 1 + 4 * COUNTRIES.length); // the report files, manifest.json, the drafts
    for (const [name, content] of a) expect(b.get(name)!.equals(content), name).toBe(true);
    for (const f of ['report.md', 'report.json', 'report.html']) expect(a.get(f)!.toString('utf8')).not.toContain(root);
    // No temporary files left behind by the atomic writes.
    expect([...a.keys()].filter((k) => k.includes('.tip-tmp-'))).toEqual([]);
  });

  test('never modifies its input', () => {
    const before = snapshotTree(dir);
    return batch('out3').then(() => {
      const after = snapshotTree(dir);
      expect([...after.keys()]).toEqual([...before.keys()]);
      for (const [k, v] of before) expect(after.get(k)!.equals(v)).toBe(true);
    });
  });
});

describe('tip batch options', () => {
  test('--format writes only the formats asked for; --no-drafts writes no drafts', async () => {
    const r = await batch('only-json', ['--format', 'json', '--no-drafts']);
    expect(r.code).toBe(1);
    expect(existsSync(join(root, 'only-json', 'report.json'))).toBe(true);
    expect(existsSync(join(root, 'only-json', 'report.md'))).toBe(false);
    expect(existsSync(join(root, 'only-json', 'report.html'))).toBe(false);
    expect(existsSync(join(root, 'only-json', 'drafts'))).toBe(false);
  });

  test('usage errors exit 2: no --year, a bad --format, no folder', async () => {
    const io = bufferIo(root);
    await expect(run(['evidence'], io)).rejects.toThrow(/--year is required/);
    await expect(run(['evidence', '--year', '2009', '--format', 'md,pdf'], io)).rejects.toThrow(/found "pdf"/);
    await expect(run(['evidence', '--year', '2009', '--format', 'md,md'], io)).rejects.toThrow(/without repeats/);
    await expect(run(['--year', '2009'], io)).rejects.toThrow(/expected exactly one folder/);
    // Through the CLI's entry point, each of those is exit code 2, as is an --effective that names no rule.
    for (const argv of [['evidence'], ['evidence', '--year', '2009', '--format', 'md,pdf'], ['evidence', '--year', '2009', '--effective', 'no.such.rule=2006']]) {
      const cli = bufferIo(root);
      expect(await main(['batch', ...argv], cli), argv.join(' ')).toBe(2);
    }
  });

  test('a folder that does not exist is an input error naming it', async () => {
    const io = bufferIo(root);
    await expect(run(['missing', '--year', '2009', '--out', 'x'], io)).rejects.toThrow(/no such folder/);
  });

  test('a year with no evidence file exits 1 and says so', async () => {
    const r = await batch('none', ['--year', '2011']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('no evidence file for the 2011 report');
  });

  test('progress goes to standard error only on a terminal', async () => {
    const quiet = bufferIo(root);
    await run(['evidence', '--year', String(YEAR), '--out', 'p1', '--no-drafts'], quiet);
    expect(quiet.err()).not.toMatch(/countries/);
    const tty = { ...bufferIo(root), stderrIsTTY: true };
    let err = '';
    tty.stderr = (t: string) => {
      err += t;
    };
    await run(['evidence', '--year', String(YEAR), '--out', 'p2', '--no-drafts'], tty);
    expect(err).toContain('\r5/5 countries');
    expect(err).toContain('\r1/5 countries');
  });
});

describe('tip batch with a tier ledger', () => {
  let report: BatchReport;
  let code: number;

  beforeAll(async () => {
    writeFileSync(join(root, 'tiers.csv'), ['iso3,year,tier', 'AAA,2008,2', 'BBB,2008,2', 'CCC,2007,2', 'CCC,2008,2WL', 'DDD,2008,2WL', 'ZZZ,2008,1'].join('\n') + '\n');
    const r = await batch('with-history', ['--history', 'tiers.csv', '--no-drafts']);
    code = r.code;
    report = JSON.parse(readFileSync(join(root, 'with-history', 'report.json'), 'utf8')) as BatchReport;
  });

  test('gives last year\'s tier and the change from the ledger', () => {
    expect(code).toBe(1); // the broken file still fails
    const rows = Object.fromEntries(report.countries.map((c) => [c.iso3, [c.previousTier, c.change]]));
    expect(rows).toEqual({ AAA: ['2', 'upgrade'], BBB: ['2', 'same'], CCC: ['2WL', 'same'], DDD: ['2WL', 'downgrade'] });
    expect(report.inputs.history).toBe('tiers.csv');
  });

  test('lists the Special Watch List: the upgrade to Tier 1 and the Watch List country (22 U.S.C. 7107(b)(2)(A))', () => {
    expect(report.specialWatchList.map((s) => s.iso3)).toEqual(['AAA', 'CCC']);
  });

  test('dates the Tier 3 determination window from the 2009 release (June 16): 45 to 90 days, FY2010', () => {
    expect(report.tier3).toHaveLength(1);
    expect(report.tier3[0]).toMatchObject({ iso3: 'DDD', fiscalYear: 2010, determinationWindow: { minDays: 45, maxDays: 90, from: '2009-07-31', to: '2009-09-14' } });
  });

  test('draws each timeline from the earliest ledger year to this year', () => {
    const ccc = report.timelines.find((t) => t.iso3 === 'CCC')!;
    expect(ccc.years.map((y) => [y.year, y.tier, y.counted])).toEqual([
      [2007, '2', null],
      [2008, '2WL', null], // before the 2009 report: never counted
      [2009, '2WL', 1],
    ]);
    expect(report.timelines.find((t) => t.iso3 === 'AAA')!.years.map((y) => y.tier)).toEqual([null, '2', '1']);
  });

  test('the report with a ledger is byte-identical across runs', async () => {
    await batch('with-history-2', ['--history', 'tiers.csv', '--no-drafts']);
    const a = snapshotTree(join(root, 'with-history'));
    const b = snapshotTree(join(root, 'with-history-2'));
    expect([...a.keys()]).toEqual(['manifest.json', 'report.docx', 'report.html', 'report.json', 'report.md']);
    for (const [name, content] of a) expect(b.get(name)!.equals(content), name).toBe(true);
  });

  test('a bad ledger stops the batch with its file:line:col', async () => {
    writeFileSync(join(root, 'bad.csv'), 'iso3,year,tier\nAAA,2008,Tier 9\n');
    const io = bufferIo(root);
    await expect(run(['evidence', '--year', '2009', '--history', 'bad.csv', '--out', 'bad-out'], io)).rejects.toThrow(/bad\.csv:2:10: tier: expected one of/);
    expect(existsSync(join(root, 'bad-out'))).toBe(false);
  });
});
