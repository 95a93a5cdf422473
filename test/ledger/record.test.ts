import { copyFileSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { InputError } from '../../src/diagnostics/diagnostic.js';
import { parseLedger } from '../../src/ledger/ledger.js';
import { recordPlacement, writePlacement } from '../../src/ledger/record.js';
import { LAST_REPORT_YEAR, TIERS, type Tier } from '../../src/model/tier.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { inputErrorOf } from '../support/errors.js';

function tmp(name = 'ledger.csv', content?: string | Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'tip-ledger-'));
  const path = join(dir, name);
  if (content !== undefined) writeFileSync(path, content);
  return path;
}

/** Lines of `after` not in `before` and the other way round, by position-free comparison. */
function lineDiff(before: string, after: string): { added: string[]; removed: string[] } {
  const a = before.split(/(?<=\n)/);
  const b = after.split(/(?<=\n)/);
  const count = (xs: string[]) => xs.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<string, number>());
  const ca = count(a);
  const cb = count(b);
  const added = [...cb].flatMap(([l, n]) => Array(Math.max(0, n - (ca.get(l) ?? 0))).fill(l) as string[]);
  const removed = [...ca].flatMap(([l, n]) => Array(Math.max(0, n - (cb.get(l) ?? 0))).fill(l) as string[]);
  return { added, removed };
}

describe('recordPlacement keeps the file as it is but for one row', () => {
  test('creates a ledger with the required columns', () => {
    const p = tmp();
    expect(recordPlacement(p, { iso3: 'RUS', year: 2013, tier: '3' })).toBe('added');
    expect(readFileSync(p, 'utf8')).toBe('iso3,year,tier\nRUS,2013,3\n');
  });

  test('the published ledger (sorted by name): adding a row is a one-line diff, at its place', () => {
    const p = tmp('tip-tiers.csv');
    copyFileSync(join(PACKAGE_ROOT, '..', 'shared', 'data', 'tip-tiers.csv'), p);
    const before = readFileSync(p, 'utf8');
    expect(writePlacement(p, { iso3: 'MYS', year: 2026, tier: '2WL', country: 'Malaysia' }).outcome).toBe('added');
    const after = readFileSync(p, 'utf8');
    expect(lineDiff(before, after)).toEqual({ added: ['Malaysia,MYS,2026,2WL\n'], removed: [] });
    const lines = after.split('\n');
    const at = lines.indexOf('Malaysia,MYS,2026,2WL');
    expect(lines[at - 1]).toMatch(/^Malaysia,MYS,2025,/);
    expect(lines[at + 1]).toMatch(/^Maldives,MDV,/);
    // A country the ledger does not have goes where its name sorts.
    recordPlacement(p, { iso3: 'QAR', year: 2026, tier: '2', country: 'Arcadia' });
    const withNew = readFileSync(p, 'utf8').split('\n');
    const added = withNew.indexOf('Arcadia,QAR,2026,2');
    expect(withNew[added - 1]).toMatch(/^Antigua and Barbuda,/);
    expect(withNew[added + 1]).toMatch(/^Argentina,/);
    // Replacing a row changes that line only.
    const beforeReplace = readFileSync(p, 'utf8');
    expect(recordPlacement(p, { iso3: 'AFG', year: 2003, tier: '3' }, { force: true })).toBe('replaced');
    expect(lineDiff(beforeReplace, readFileSync(p, 'utf8'))).toEqual({ added: ['Afghanistan,AFG,2003,3\n'], removed: ['Afghanistan,AFG,2003,special\n'] });
  });

  test('a ledger sorted by iso3 stays so; an unsorted one gets the new country at the end', () => {
    const byIso = tmp('a.csv', 'iso3,year,tier\nAFG,2010,2\nCHN,2010,3\nRUS,2010,3\n');
    recordPlacement(byIso, { iso3: 'MYS', year: 2010, tier: '2' });
    expect(readFileSync(byIso, 'utf8')).toBe('iso3,year,tier\nAFG,2010,2\nCHN,2010,3\nMYS,2010,2\nRUS,2010,3\n');
    const unsorted = tmp('b.csv', 'iso3,year,tier\nRUS,2010,3\nAFG,2010,2\nRUS,2012,3\n');
    recordPlacement(unsorted, { iso3: 'MYS', year: 2010, tier: '2' });
    recordPlacement(unsorted, { iso3: 'RUS', year: 2011, tier: '2WL' });
    recordPlacement(unsorted, { iso3: 'AFG', year: 2009, tier: '2' });
    // Among a country's rows by year, even where they are not together; a new country at the end.
    expect(readFileSync(unsorted, 'utf8')).toBe('iso3,year,tier\nRUS,2010,3\nRUS,2011,2WL\nAFG,2009,2\nAFG,2010,2\nRUS,2012,3\nMYS,2010,2\n');
  });

  test('quoting, CRLF, CR-only, a byte-order mark and a missing final newline are kept', () => {
    const quoted = tmp('q.csv', 'country,iso3,year,tier\r\n"China",CHN,2008,2WL\r\n"Korea, North",PRK,2008,3\r\n');
    recordPlacement(quoted, { iso3: 'PRK', year: 2009, tier: '3' });
    expect(readFileSync(quoted, 'utf8')).toBe('country,iso3,year,tier\r\n"China",CHN,2008,2WL\r\n"Korea, North",PRK,2008,3\r\n"Korea, North",PRK,2009,3\r\n');
    const cr = tmp('cr.csv', '\ufeffiso3,year,tier\rCHN,2008,2WL');
    recordPlacement(cr, { iso3: 'CHN', year: 2009, tier: '2WL' });
    expect(readFileSync(cr, 'utf8')).toBe('\ufeffiso3,year,tier\rCHN,2008,2WL\rCHN,2009,2WL');
  });

  test('a waiver adds the waiver column: a trailing comma on every row, the rest unchanged', () => {
    const p = tmp('l.csv', '\ufeffiso3,year,tier\r\nRUS,2010,2WL\r\n');
    expect(recordPlacement(p, { iso3: 'RUS', year: 2011, tier: '2WL', waiver: true })).toBe('added');
    expect(readFileSync(p, 'utf8')).toBe('\ufeffiso3,year,tier,waiver\r\nRUS,2010,2WL,\r\nRUS,2011,2WL,true\r\n');
  });

  test('an identical row leaves the file untouched', () => {
    const text = 'iso3,year,tier\nRUS,2013,3\nCHN,2013,3\n';
    const p = tmp('l.csv', text);
    const before = statSync(p).mtimeMs;
    expect(recordPlacement(p, { iso3: 'RUS', year: 2013, tier: '3' })).toBe('unchanged');
    expect(readFileSync(p, 'utf8')).toBe(text);
    expect(statSync(p).mtimeMs).toBe(before);
  });

  test('a different row is refused without force (conflicting-row, with its line) and replaced with it', () => {
    const text = 'iso3,year,tier\nCHN,2013,3\nRUS,2013,3\n';
    const p = tmp('l.csv', text);
    const d = inputErrorOf(() => recordPlacement(p, { iso3: 'RUS', year: 2013, tier: '2WL' })).diagnostics[0]!;
    expect(d).toMatchObject({ code: 'conflicting-row', line: 3, file: p });
    expect(d.expected).toMatch(/line 3 has tier 3/);
    expect(readFileSync(p, 'utf8')).toBe(text);
    expect(recordPlacement(p, { iso3: 'RUS', year: 2013, tier: '2WL' }, { force: true })).toBe('replaced');
    expect(readFileSync(p, 'utf8')).toBe('iso3,year,tier\nCHN,2013,3\nRUS,2013,2WL\n');
  });

  test('an invalid ledger is reported and not rewritten; a bad placement is refused', () => {
    const text = 'iso3,year,tier\nRUS,2013,9\n';
    const p = tmp('l.csv', text);
    expect(() => recordPlacement(p, { iso3: 'CHN', year: 2013, tier: '3' })).toThrow(InputError);
    expect(readFileSync(p, 'utf8')).toBe(text);
    expect(() => recordPlacement(p, { iso3: 'rus', year: 2013, tier: '3' })).toThrow(/alpha-3/);
    expect(() => recordPlacement(p, { iso3: 'RUS', year: 1999, tier: '3' })).toThrow(/report year/);
    expect(() => recordPlacement(p, { iso3: 'RUS', year: 2013, tier: '4' as Tier })).toThrow(/one of/);
  });
});

describe('a ledger that is not UTF-8 is refused, never rewritten (issue 11 item 2)', () => {
  test('cp1252 "Côte d’Ivoire": not-utf8 with line and column; record leaves the bytes as they were', () => {
    const bytes = Buffer.concat([Buffer.from('country,iso3,year,tier\nChina,CHN,2009,2WL\nC'), Buffer.from([0xf4]), Buffer.from('te d'), Buffer.from([0x92]), Buffer.from('Ivoire,CIV,2009,2\n')]);
    const p = tmp('cp1252.csv', bytes);
    const d = inputErrorOf(() => recordPlacement(p, { iso3: 'RUS', year: 2013, tier: '3' })).diagnostics[0]!;
    expect(d).toMatchObject({ code: 'not-utf8', line: 3, col: 2, file: p });
    expect(d.found).toContain('0xf4');
    expect(readFileSync(p).equals(bytes)).toBe(true);
  });
});

describe('CSV formula injection (issue 11 item 4)', () => {
  test.each(['=HYPERLINK("http://x.example","click")', '@SUM(A1:A9)', '+1+1', '-2+3', '\t=1', '\r=1'])('a country name %j is written as text, with a note', (name) => {
    const p = tmp('f.csv', 'country,iso3,year,tier\nChina,CHN,2009,2WL\n');
    const r = writePlacement(p, { iso3: 'ZZZ', year: 2009, tier: '2', country: name });
    expect(r.notes[0]).toContain('spreadsheet formula');
    const rows = readFileSync(p, 'utf8');
    const cells = rows.split(/\r?\n/).filter(Boolean).map((l) => l.replace(/^"/, ''));
    for (const c of cells) expect(c).not.toMatch(/^[=+\-@\t\r]/);
    expect(rows).toContain(`'${name.replace(/"/g, '""')}`);
  });

  test('an ordinary name is written as it is, with no note', () => {
    const p = tmp('f.csv', 'country,iso3,year,tier\n');
    expect(writePlacement(p, { iso3: 'CIV', year: 2009, tier: '2', country: "Côte d'Ivoire" })).toMatchObject({ notes: [] });
    expect(readFileSync(p, 'utf8')).toBe("country,iso3,year,tier\nCôte d'Ivoire,CIV,2009,2\n");
  });
});

const iso3 = fc.constantFrom('CHN', 'PRK', 'RUS', 'MYS', 'ABW');
const NAMES: Record<string, string> = { CHN: 'China', PRK: 'Korea, North', RUS: 'Say "hi"', MYS: 'Two\nLines', ABW: ' padded ' };
const tier = fc.constantFrom(...TIERS);
const year = fc.integer({ min: 2001, max: LAST_REPORT_YEAR });

describe('ledger writes (fast-check)', () => {
  test('the same placements, recorded in any order into a new ledger, give the same bytes and read back', () => {
    const rows = fc.uniqueArray(fc.record({ iso3, year, tier }), { selector: (r) => `${r.iso3}${r.year}`, minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(rows, fc.func(fc.integer()), (placements, order) => {
        const [a, b] = [tmp(), tmp()];
        writeFileSync(a, 'country,iso3,year,tier\n');
        writeFileSync(b, 'country,iso3,year,tier\n');
        for (const p of placements) recordPlacement(a, { ...p, country: NAMES[p.iso3] });
        for (const p of [...placements].sort((x, y) => order(x) - order(y))) recordPlacement(b, { ...p, country: NAMES[p.iso3] });
        const bytes = readFileSync(a, 'utf8');
        expect(readFileSync(b, 'utf8')).toBe(bytes);
        const got = [...parseLedger(bytes, a).byCountry.values()].flatMap((m) => [...m.values()].map((p) => `${p.iso3} ${p.year} ${p.tier}`)).sort();
        expect(got).toEqual(placements.map((p) => `${p.iso3} ${p.year} ${p.tier}`).sort());
      }),
      { numRuns: 20, seed: 1122 },
    );
  });

  test('model-based: recording, refusing and forcing keep the file equal to a map of placements, one line at a time', () => {
    type Model = Map<string, Tier>;
    class Record implements fc.Command<Model, { path: string }> {
      constructor(readonly iso3: string, readonly year: number, readonly tier: Tier, readonly force: boolean) {}
      check(): boolean {
        return true;
      }
      run(model: Model, real: { path: string }): void {
        const key = `${this.iso3} ${this.year}`;
        const had = model.get(key);
        let before = '';
        try {
          before = readFileSync(real.path, 'utf8');
        } catch {
          // a new ledger
        }
        if (had !== undefined && had !== this.tier && !this.force) {
          expect(() => recordPlacement(real.path, { iso3: this.iso3, year: this.year, tier: this.tier })).toThrow(InputError);
          expect(readFileSync(real.path, 'utf8')).toBe(before);
          return;
        }
        const outcome = recordPlacement(real.path, { iso3: this.iso3, year: this.year, tier: this.tier }, { force: this.force });
        expect(outcome).toBe(had === undefined ? 'added' : had === this.tier ? 'unchanged' : 'replaced');
        model.set(key, this.tier);
        const text = readFileSync(real.path, 'utf8');
        const diff = lineDiff(before, text);
        if (before !== '') expect(diff.added.length + diff.removed.length).toBeLessThanOrEqual(outcome === 'replaced' ? 2 : outcome === 'added' ? 1 : 0);
        const got = [...parseLedger(text, real.path).byCountry.values()].flatMap((m) => [...m.values()].map((p) => [`${p.iso3} ${p.year}`, p.tier] as const));
        expect(new Map(got)).toEqual(model);
      }
      toString(): string {
        return `record(${this.iso3},${this.year},${this.tier}${this.force ? ',force' : ''})`;
      }
    }
    const command = fc.tuple(iso3, fc.integer({ min: 2008, max: 2012 }), tier, fc.boolean()).map(([i, y, t, f]) => new Record(i, y, t, f));
    fc.assert(
      fc.property(fc.commands([command], { maxCommands: 25 }), (cmds) => {
        fc.modelRun(() => ({ model: new Map<string, Tier>(), real: { path: tmp() } }), cmds);
      }),
      { numRuns: 25, seed: 2211 },
    );
  });
});
