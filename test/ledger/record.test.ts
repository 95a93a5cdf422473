import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { InputError } from '../../src/diagnostics/diagnostic.js';
import { parseLedger } from '../../src/ledger/ledger.js';
import { normalizeLedgerText, recordPlacement } from '../../src/ledger/record.js';
import { LAST_REPORT_YEAR, TIERS, type Tier } from '../../src/model/tier.js';

function tmp(name = 'ledger.csv', content?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'tip-ledger-'));
  const path = join(dir, name);
  if (content !== undefined) writeFileSync(path, content);
  return path;
}

describe('recordPlacement', () => {
  test('creates a ledger with the required columns', () => {
    const p = tmp();
    expect(recordPlacement(p, { iso3: 'RUS', year: 2013, tier: '3' })).toBe('added');
    expect(readFileSync(p, 'utf8')).toBe('iso3,year,tier\nRUS,2013,3\n');
  });

  test('keeps the columns, fills the country name, sorts by iso3 then year, quotes only when needed', () => {
    const p = tmp('l.csv', 'country,iso3,year,tier\nRussia,RUS,2013,3\n"Korea, North",PRK,2012,3\nChina,CHN,2013,3\n');
    expect(recordPlacement(p, { iso3: 'PRK', year: 2013, tier: '3' })).toBe('added');
    expect(recordPlacement(p, { iso3: 'CHN', year: 2009, tier: '2WL' })).toBe('added');
    expect(readFileSync(p, 'utf8')).toBe(
      'country,iso3,year,tier\nChina,CHN,2009,2WL\nChina,CHN,2013,3\n"Korea, North",PRK,2012,3\n"Korea, North",PRK,2013,3\nRussia,RUS,2013,3\n',
    );
  });

  test('an identical row leaves the file untouched', () => {
    const text = 'iso3,year,tier\nRUS,2013,3\nCHN,2013,3\n'; // unsorted on purpose: unchanged means not rewritten
    const p = tmp('l.csv', text);
    const before = statSync(p).mtimeMs;
    expect(recordPlacement(p, { iso3: 'RUS', year: 2013, tier: '3' })).toBe('unchanged');
    expect(readFileSync(p, 'utf8')).toBe(text);
    expect(statSync(p).mtimeMs).toBe(before);
  });

  test('a different row is refused without force (conflicting-row, with its line) and replaced with it', () => {
    const text = 'iso3,year,tier\nCHN,2013,3\nRUS,2013,3\n';
    const p = tmp('l.csv', text);
    let err: unknown;
    try {
      recordPlacement(p, { iso3: 'RUS', year: 2013, tier: '2WL' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    const d = (err as InputError).diagnostics[0]!;
    expect(d).toMatchObject({ code: 'conflicting-row', line: 3, file: p });
    expect(d.expected).toMatch(/line 3 has tier 3/);
    expect(readFileSync(p, 'utf8')).toBe(text);
    expect(recordPlacement(p, { iso3: 'RUS', year: 2013, tier: '2WL' }, { force: true })).toBe('replaced');
    expect(readFileSync(p, 'utf8')).toBe('iso3,year,tier\nCHN,2013,3\nRUS,2013,2WL\n');
  });

  test('a waiver adds the waiver column; CRLF and a byte-order mark are kept', () => {
    const p = tmp('l.csv', '\ufeffiso3,year,tier\r\nRUS,2010,2WL\r\n');
    expect(recordPlacement(p, { iso3: 'RUS', year: 2011, tier: '2WL', waiver: true })).toBe('added');
    expect(readFileSync(p, 'utf8')).toBe('\ufeffiso3,year,tier,waiver\r\nRUS,2010,2WL,\r\nRUS,2011,2WL,true\r\n');
  });

  test('an invalid ledger is reported and not rewritten', () => {
    const text = 'iso3,year,tier\nRUS,2013,9\n';
    const p = tmp('l.csv', text);
    expect(() => recordPlacement(p, { iso3: 'CHN', year: 2013, tier: '3' })).toThrow(InputError);
    expect(readFileSync(p, 'utf8')).toBe(text);
  });

  test('a bad placement is refused', () => {
    const p = tmp();
    expect(() => recordPlacement(p, { iso3: 'rus', year: 2013, tier: '3' })).toThrow(/alpha-3/);
    expect(() => recordPlacement(p, { iso3: 'RUS', year: 1999, tier: '3' })).toThrow(/report year/);
    expect(() => recordPlacement(p, { iso3: 'RUS', year: 2013, tier: '4' as Tier })).toThrow(/one of/);
  });
});

const iso3 = fc.constantFrom('CHN', 'PRK', 'RUS', 'MYS', 'ABW');
const tier = fc.constantFrom(...TIERS);
const year = fc.integer({ min: 2001, max: LAST_REPORT_YEAR });
const name = fc.constantFrom('China', 'Korea, North', 'Say "hi"', 'Two\nLines', ' padded ', 'Aruba');

describe('ledger writes are byte-stable (fast-check)', () => {
  test('the same placements, recorded in any order, give the same bytes; reading them back gives the placements', () => {
    const rows = fc.uniqueArray(fc.record({ iso3, year, tier, country: name }), { selector: (r) => `${r.iso3}${r.year}`, minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(rows, fc.func(fc.integer()), (placements, order) => {
        const a = tmp();
        const b = tmp();
        writeFileSync(a, 'country,iso3,year,tier\n');
        writeFileSync(b, 'country,iso3,year,tier\n');
        for (const p of placements) recordPlacement(a, p);
        const shuffled = [...placements].sort((x, y) => order(x) - order(y) || 0);
        for (const p of shuffled) recordPlacement(b, p);
        const bytes = readFileSync(a, 'utf8');
        expect(readFileSync(b, 'utf8')).toBe(bytes);
        expect(normalizeLedgerText(bytes, a)).toBe(bytes);
        const l = parseLedger(bytes, a);
        const got = [...l.byCountry.values()].flatMap((m) => [...m.values()].map((p) => `${p.iso3} ${p.year} ${p.tier}`)).sort();
        expect(got).toEqual(placements.map((p) => `${p.iso3} ${p.year} ${p.tier}`).sort());
      }),
      { numRuns: 30 },
    );
  });

  test('write, read, write: identical bytes', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.record({ iso3, year, tier }), { selector: (r) => `${r.iso3}${r.year}`, maxLength: 15 }), (placements) => {
        const p = tmp();
        for (const x of placements) recordPlacement(p, x);
        if (placements.length === 0) return;
        const once = readFileSync(p, 'utf8');
        expect(normalizeLedgerText(once, p)).toBe(once);
        // Re-recording every row changes nothing.
        for (const x of placements) expect(recordPlacement(p, x)).toBe('unchanged');
        expect(readFileSync(p, 'utf8')).toBe(once);
      }),
      { numRuns: 30 },
    );
  });

  test('model-based: recording, refusing and forcing keep the file equal to a map of placements', () => {
    type Model = Map<string, Tier>;
    interface Real {
      path: string;
    }
    class Record implements fc.Command<Model, Real> {
      constructor(
        readonly iso3: string,
        readonly year: number,
        readonly tier: Tier,
        readonly force: boolean,
      ) {}
      check(): boolean {
        return true;
      }
      run(model: Model, real: Real): void {
        const key = `${this.iso3} ${this.year}`;
        const had = model.get(key);
        const before = (() => {
          try {
            return readFileSync(real.path, 'utf8');
          } catch {
            return undefined;
          }
        })();
        if (had !== undefined && had !== this.tier && !this.force) {
          expect(() => recordPlacement(real.path, { iso3: this.iso3, year: this.year, tier: this.tier })).toThrow(InputError);
          expect(readFileSync(real.path, 'utf8')).toBe(before);
        } else {
          const outcome = recordPlacement(real.path, { iso3: this.iso3, year: this.year, tier: this.tier }, { force: this.force });
          expect(outcome).toBe(had === undefined ? 'added' : had === this.tier ? 'unchanged' : 'replaced');
          model.set(key, this.tier);
        }
        const text = readFileSync(real.path, 'utf8');
        const l = parseLedger(text, real.path);
        const got = [...l.byCountry.values()].flatMap((m) => [...m.values()].map((p) => [`${p.iso3} ${p.year}`, p.tier] as const));
        expect(new Map(got)).toEqual(model);
        const keys = got.map(([k]) => k);
        const sorted = [...keys].sort((a, b) => (a.slice(0, 3) < b.slice(0, 3) ? -1 : a.slice(0, 3) > b.slice(0, 3) ? 1 : Number(a.slice(4)) - Number(b.slice(4))));
        expect(keys).toEqual(sorted);
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
      { numRuns: 40 },
    );
  });
});
