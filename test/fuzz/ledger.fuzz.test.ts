import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import { formatDiagnostic, InputError } from '../../src/diagnostics/diagnostic.js';
import { csvField, neutraliseFormula } from '../../src/ledger/csv.js';
import { splitLayout } from '../../src/ledger/layout.js';
import { parseLedger } from '../../src/ledger/ledger.js';
import { writePlacement } from '../../src/ledger/record.js';
import { TIERS } from '../../src/model/tier.js';
import { fuzz, FUZZ_TIMEOUT } from './config.js';

/**
 * Ledgers of every layout (row order, quoting, LF, CRLF or CR, a byte-order mark, with or without
 * a final newline, names with commas, quotes, line breaks and formula characters) and a placement
 * recorded into each: the file keeps every other record byte for byte, in order, and reads back
 * with the placement in it; no cell it writes starts a spreadsheet formula.
 */

const root = mkdtempSync(join(tmpdir(), 'tip-fuzz-ledger-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;

const iso3 = fc.constantFrom('AFG', 'CHN', 'PRK', 'RUS', 'MYS', 'ABW', 'ZZZ');
const name = fc.oneof(
  fc.constantFrom('China', 'Korea, North', 'Say "hi"', 'Two\nLines', ' padded ', "Côte d'Ivoire", '=1+1', '@SUM(A1)', '-x', '+x', '\tx'),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
);
const row = fc.record({ iso3, year: fc.integer({ min: 2001, max: 2026 }), tier: fc.constantFrom(...TIERS), name, quoteAll: fc.boolean() });
const ledger = fc.record({
  rows: fc.uniqueArray(row, { selector: (r) => `${r.iso3}${r.year}`, maxLength: 12 }),
  eol: fc.constantFrom('\n', '\r\n', '\r'),
  bom: fc.boolean(),
  finalEol: fc.boolean(),
  blankLine: fc.boolean(),
});
type Ledger = typeof ledger extends fc.Arbitrary<infer T> ? T : never;

type Row = typeof row extends fc.Arbitrary<infer T> ? T : never;
const one = (tier: Row['tier']): Ledger => ({ rows: [{ iso3: 'RUS', year: 2012, tier, name: '+x', quoteAll: false }], eol: '\n', bom: false, finalEol: false, blankLine: false });
const REGRESSIONS: [Ledger, Row, boolean][] = [
  // Seed 11202611: a forced replacement rewrote its row with the row's own name "+x", a formula.
  [one('2'), { iso3: 'RUS', year: 2012, tier: '1', name: '', quoteAll: false }, true],
  // Its first fix made the same placement on that row a conflict (the name differed): it is unchanged.
  [one('2'), { iso3: 'RUS', year: 2012, tier: '2', name: '', quoteAll: false }, false],
];

function text(l: Ledger): string {
  const q = (v: string, all: boolean) => (all ? `"${v.replace(/"/g, '""')}"` : csvField(v));
  const lines = ['country,iso3,year,tier', ...l.rows.map((r) => [q(r.name, r.quoteAll), r.iso3, String(r.year), r.tier].join(','))];
  if (l.blankLine && lines.length > 1) lines.splice(1, 0, '');
  return (l.bom ? '\ufeff' : '') + lines.join(l.eol) + (l.finalEol ? l.eol : '');
}

describe('recording into a ledger of any layout', () => {
  test('one record changes, every other is kept byte for byte and in order; the placement reads back', { timeout: FUZZ_TIMEOUT }, () => {
    fc.assert(
      fc.property(ledger, row, fc.boolean(), (l, p, force) => {
        const before = text(l);
        // A name with a bare CR in a CR-only file, or an empty record, is not a valid ledger: skip those.
        let valid = true;
        try {
          parseLedger(before, 'l.csv');
        } catch (e) {
          if (!(e instanceof InputError)) throw e;
          valid = false;
        }
        fc.pre(valid);
        const path = join(root, `l${++n}.csv`);
        writeFileSync(path, before);
        let result;
        const sameTier = l.rows.some((r) => r.iso3 === p.iso3 && r.year === p.year && r.tier === p.tier);
        try {
          result = writePlacement(path, { iso3: p.iso3, year: p.year, tier: p.tier, country: p.name }, { force });
        } catch (e) {
          if (e instanceof InputError && e.diagnostics[0]!.code === 'conflicting-row' && !force && !sameTier) return; // refused: unchanged
          throw e;
        }
        const after = readFileSync(path, 'utf8');
        const a = splitLayout(before);
        const b = splitLayout(after);
        expect(b.bom).toBe(a.bom);
        const kept = (x: typeof a) => x.records.map((r) => r.text);
        const removed = kept(a).filter((t, i) => !kept(b).includes(t) || kept(a).indexOf(t) !== i);
        expect(removed.length).toBeLessThanOrEqual(result.outcome === 'replaced' ? 1 : 0);
        // The others, in the same order.
        const others = kept(a).filter((t) => !removed.includes(t));
        expect(kept(b).filter((t) => others.includes(t))).toEqual(others);
        expect(b.records.length).toBe(a.records.length + (result.outcome === 'added' ? 1 : 0));
        // Line ends: every record but a new last one ends as the file's records did.
        const ends = new Set(a.records.map((r) => r.eol).filter(Boolean));
        for (const r of b.records.slice(0, -1)) expect(ends.size === 0 || ends.has(r.eol), JSON.stringify(r.eol)).toBe(true);
        const read = parseLedger(after, path).byCountry.get(p.iso3)?.get(p.year);
        expect(read?.tier).toBe(result.outcome === 'unchanged' ? read?.tier : p.tier);
        // What we wrote is never a formula.
        if (result.outcome !== 'unchanged') {
          const line = after.split(/\r\n|\r|\n/).find((x) => x.includes(`,${p.iso3},${p.year},`));
          if (line !== undefined) expect(line.replace(/^"/, '')).not.toMatch(/^[=+\-@\t\r]/);
        }
      }),
      fuzz(11202611, 100, REGRESSIONS),
    );
  });

  test('neutraliseFormula: never a leading formula character; otherwise the same text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 20 }), (s) => {
        const out = neutraliseFormula(s);
        expect(out).not.toMatch(/^[=+\-@\t\r]/);
        expect(out === s || out === `'${s}`).toBe(true);
      }),
      fuzz(112026, 300),
    );
  });

  test('ledger diagnostics on arbitrary CSV text are one line each, never internal', { timeout: FUZZ_TIMEOUT }, () => {
    const cell = fc.constantFrom('iso3', 'year', 'tier', 'waiver', 'RUS', 'rus', '2013', '13', '2WL', 'Tier 3', 'true', 'yes', '"', '""', '"a,b"', ',', '\n', '\r\n', '\r', ' ', 'é', '\u2028');
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 40 }), (cells) => {
        const csv = cells.join('');
        try {
          parseLedger(csv, 'x.csv');
        } catch (e) {
          if (!(e instanceof InputError)) throw e;
          for (const d of e.diagnostics) {
            expect(d.code).not.toBe('internal');
            expect(formatDiagnostic(d)).not.toMatch(/[\n\r\u2028]/);
          }
        }
      }),
      fuzz(20260611, 200),
    );
  });
});
