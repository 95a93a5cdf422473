import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { editDistance, suggestKey } from '../../src/load/index.js';

describe('editDistance (optimal string alignment)', () => {
  it.each([
    ['', '', 0],
    ['tier', 'tier', 0],
    ['tier', 'teir', 1], // transposition costs 1
    ['nmae', 'name', 1],
    ['kitten', 'sitting', 3],
    ['report_year', 'reprot_year', 1],
    ['abc', '', 3],
    ['ca', 'abc', 3], // OSA, not full Damerau: no edit after a transposition
  ])('%s → %s = %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });

  it('is a bounded, symmetric distance', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        const d = editDistance(a, b);
        expect(d).toBe(editDistance(b, a));
        expect(d === 0).toBe(a === b);
        expect(d).toBeLessThanOrEqual(Math.max(Array.from(a).length, Array.from(b).length));
      }),
    );
  });
});

describe('suggestKey', () => {
  const keys = ['country', 'report_year', 'tier', 'prosecution', 'protection', 'prevention', 'sources'];
  it.each([
    ['countyr', 'country'],
    ['reportyear', 'report_year'],
    ['report-year', 'report_year'],
    ['Report_Year', 'report_year'],
    ['teir', 'tier'],
    ['prosecutoin', 'prosecution'],
    ['protecton', 'protection'],
    ['source', 'sources'],
  ])('%s → %s', (typed, want) => {
    expect(suggestKey(typed, keys)).toBe(want);
  });

  it.each([['colour'], ['xy'], ['narrative'], ['t']])('no suggestion for %s', (typed) => {
    expect(suggestKey(typed, keys)).toBeUndefined();
  });

  it('allows more slips in long keys (a third of the length)', () => {
    // 4 edits in a 15-letter key: over 2, but within 15 / 3 = 5.
    expect(suggestKey('victim_idntfctn', ['victim_identification', 'victims'])).toBeUndefined();
    expect(suggestKey('vctim_identifcatin', ['victim_identification', 'victims'])).toBe('victim_identification');
  });

  it('breaks ties by schema order', () => {
    expect(suggestKey('ab', ['aa', 'bb'])).toBe('aa');
    expect(suggestKey('ab', ['bb', 'aa'])).toBe('bb');
  });
});
