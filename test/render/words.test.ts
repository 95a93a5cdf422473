import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  addDays,
  cardinalWord,
  clauseList,
  decapitalize,
  formatClock,
  formatDate,
  joinAnd,
  ordinalSuffix,
  ordinalWord,
  possessive,
  withFinalPeriod,
  withoutFinalPeriod,
} from '../../src/render/words.js';

describe('numbers in words', () => {
  test('ordinals as the reports write them', () => {
    expect([1, 2, 3, 4, 5, 6, 8, 9, 12, 20, 21, 22, 33, 99].map(ordinalWord)).toEqual([
      'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'eighth', 'ninth', 'twelfth', 'twentieth', 'twenty-first', 'twenty-second', 'thirty-third', 'ninety-ninth',
    ]);
    expect(ordinalWord(101)).toBe('101st');
    expect([11, 12, 13, 111, 112, 21, 102].map(ordinalSuffix)).toEqual(['11th', '12th', '13th', '111th', '112th', '21st', '102nd']);
  });
  test('cardinals', () => {
    expect([0, 2, 4, 15, 40, 45, 90].map(cardinalWord)).toEqual(['zero', 'two', 'four', 'fifteen', 'forty', 'forty-five', 'ninety']);
    expect(cardinalWord(155)).toBe('155');
  });
  test('not a count: an error, never a silent word', () => {
    expect(() => ordinalWord(-1)).toThrow(RangeError);
    expect(() => cardinalWord(2.5)).toThrow(RangeError);
  });
  test('every ordinal word under 100 is distinct and ends like an ordinal', () => {
    const words = Array.from({ length: 99 }, (_, i) => ordinalWord(i + 1));
    expect(new Set(words).size).toBe(99);
    for (const w of words) expect(w).toMatch(/(first|second|third|th)$/);
  });
});

describe('dates and times', () => {
  test('the cable styles', () => {
    expect(formatDate('2009-06-16')).toBe('June 16, 2009');
    expect(formatDate('2009-06-16', 'day')).toBe('June 16');
    expect(formatDate('2009-06-15', 'weekday')).toBe('Monday June 15');
    expect(formatDate('2009-06-16', 'weekday')).toBe('Tuesday June 16');
  });
  test('bad dates are errors', () => {
    expect(() => formatDate('2009-02-30')).toThrow(RangeError);
    expect(() => formatDate('June 16')).toThrow(RangeError);
  });
  test('clock times', () => {
    expect(['10:00', '15:30', '12:00', '00:00', '00:15', '10:30', 'OOB'].map(formatClock)).toEqual([
      '10:00 a.m.', '3:30 p.m.', '12 noon', '12 midnight', '12:15 a.m.', '10:30 a.m.', 'OOB',
    ]);
    expect(() => formatClock('25:00')).toThrow(RangeError);
  });
  test('addDays crosses months and years, and undoes itself', () => {
    expect(addDays('2009-06-16', -1)).toBe('2009-06-15');
    expect(addDays('2009-06-16', 90)).toBe('2009-09-14');
    expect(addDays('2010-12-31', 1)).toBe('2011-01-01');
    fc.assert(
      fc.property(fc.date({ min: new Date('2001-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }), fc.integer({ min: -400, max: 400 }), (d, k) => {
        const iso = d.toISOString().slice(0, 10);
        expect(addDays(addDays(iso, k), -k)).toBe(iso);
      }),
    );
  });
});

describe('lists and names', () => {
  test('joinAnd keeps the serial comma of the cable', () => {
    expect(joinAnd(['WHA', 'AF', 'EUR', 'NEA'])).toBe('WHA, AF, EUR, and NEA');
    expect(joinAnd(['SCA', 'EAP'])).toBe('SCA and EAP');
    expect(joinAnd(['EAP'])).toBe('EAP');
    expect(joinAnd([])).toBe('');
  });
  test('possessives', () => {
    expect(possessive('China')).toBe("China's");
    expect(possessive('the Philippines')).toBe("the Philippines'");
  });
  test('recommendations as one sentence of clauses', () => {
    expect(clauseList(['revise the law', 'increase efforts.', 'adhere to obligations'], true)).toBe('Revise the law; increase efforts; and adhere to obligations.');
    expect(clauseList(['Revise the law', 'UNHCR access'], false)).toBe('revise the law; and UNHCR access.');
    expect(clauseList(['only one'], true)).toBe('Only one.');
    expect(decapitalize('ILO standards')).toBe('ILO standards');
  });
  test('final periods', () => {
    expect(withoutFinalPeriod('victims of trafficking.')).toBe('victims of trafficking');
    expect(withoutFinalPeriod('no period')).toBe('no period');
    expect(withFinalPeriod('no control of territory')).toBe('no control of territory.');
    expect(withFinalPeriod('a quote."')).toBe('a quote."');
  });
});
