import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { formatDiagnostic } from '../../src/diagnostics/diagnostic.js';
import { DEFAULT_REPORT_YEARS_PATH, defaultReportYears, loadReportYears, resolveReportYear } from '../../src/report-year/resolve.js';
import { standardsWording } from '../../src/report-year/wording.js';
import { inputErrorOf } from '../support/errors.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function settingsFile(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'tip-settings-'));
  dirs.push(dir);
  const path = join(dir, 'settings.yaml');
  writeFileSync(path, text);
  return path;
}


describe('bundled report-year settings', () => {
  test('2009, as the cable gives it', () => {
    const s = resolveReportYear(2009);
    expect(s.release).toEqual({ date: '2009-06-16', time: '10:00', zone: 'EDT' });
    expect(s.secretary).toEqual({ name: 'Hillary Rodham Clinton', signature: 'CLINTON' });
    expect(s.ambassador).toEqual({ name: 'Luis CdeBaca', surname: 'CdeBaca' });
    expect(s.briefing).toEqual({ date: '2009-06-17', time: '15:30', zone: 'EDT' });
    expect(s.edition).toBe(9);
    expect(s.delivery).toEqual([
      { bureaus: ['WHA', 'AF', 'EUR', 'NEA'], days_before_release: 1, time: '12:00' },
      { bureaus: ['SCA', 'EAP'], days_before_release: 0, time: 'OOB' },
    ]);
  });
  test('every known release date is in its year and from tvpa-rules.md §6', () => {
    const years = defaultReportYears().value.years;
    const dates = Object.fromEntries(Object.entries(years).flatMap(([y, e]) => (e.release?.date ? [[y, e.release.date]] : [])));
    expect(dates).toEqual({ 2009: '2009-06-16', 2013: '2013-06-19', 2014: '2014-06-20', 2017: '2017-06-27', 2019: '2019-06-20', 2020: '2020-06-25' });
    for (const e of Object.values(years)) expect(e.sources?.length ?? 0).toBeGreaterThan(0);
  });
});

describe('a year without complete settings', () => {
  test('no entry at all: the error names the year and --settings', () => {
    const err = inputErrorOf(() => resolveReportYear(2011));
    expect(err.diagnostics).toHaveLength(1);
    const d = err.diagnostics[0]!;
    expect(d.path).toEqual(['years', '2011']);
    expect(d.file).toBe('data/report-years.yaml');
    expect(formatDiagnostic(d)).toMatch(/2011 Report/);
    expect(d.hint).toMatch(/--settings FILE/);
  });
  test('a partial entry (2013: date and Secretary only): each missing field, with the year', () => {
    const err = inputErrorOf(() => resolveReportYear(2013));
    const paths = err.diagnostics.map((d) => d.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['years.2013.release.time', 'years.2013.release.zone', 'years.2013.delivery']));
    for (const d of err.diagnostics) {
      expect(d.line).toBeGreaterThan(0);
      expect(d.hint).toMatch(/2013/);
    }
  });
});

describe('--settings FILE', () => {
  const complete2013 = `years:
  2013:
    release: {time: "11:00", zone: EDT}
    delivery:
      - {bureaus: [WHA, AF, EUR, NEA, SCA, EAP], days_before_release: 1, time: "09:00"}
`;
  test('is merged over the defaults field by field', () => {
    const s = resolveReportYear(2013, { override: loadReportYears(settingsFile(complete2013)) });
    expect(s.release).toEqual({ date: '2013-06-19', time: '11:00', zone: 'EDT' });
    expect(s.secretary.signature).toBe('KERRY');
    expect(s.delivery).toHaveLength(1);
    expect(s.edition).toBe(13);
  });
  test('overrides a default value (a delivery list is replaced whole)', () => {
    const file = settingsFile('years:\n  2009:\n    release: {time: "11:30"}\n    delivery:\n      - {bureaus: [WHA, AF, EUR, NEA, SCA, EAP], days_before_release: 0, time: OOB}\n');
    const s = resolveReportYear(2009, { override: loadReportYears(file) });
    expect(s.release).toEqual({ date: '2009-06-16', time: '11:30', zone: 'EDT' });
    expect(s.delivery).toEqual([{ bureaus: ['WHA', 'AF', 'EUR', 'NEA', 'SCA', 'EAP'], days_before_release: 0, time: 'OOB' }]);
  });
  test('an unknown key is an error at its line and column, with a suggestion', () => {
    const file = settingsFile('years:\n  2009:\n    relase: {time: "11:30"}\n');
    const err = inputErrorOf(() => loadReportYears(file));
    expect(err.diagnostics[0]).toMatchObject({ file, line: 3, col: 5, path: ['years', '2009', 'relase'], code: 'unknown-key' });
    expect(err.diagnostics[0]!.hint).toMatch(/release/);
  });
  test('a bad time points at the settings file that supplied it', () => {
    const file = settingsFile('years:\n  2009:\n    release: {time: "10am"}\n');
    const err = inputErrorOf(() => loadReportYears(file));
    expect(err.diagnostics[0]).toMatchObject({ file, line: 3, path: ['years', '2009', 'release', 'time'] });
    expect(err.diagnostics[0]!.expected).toMatch(/HH:MM/);
  });
  test('inconsistent settings: release outside the year, a bureau without a window', () => {
    const file = settingsFile('years:\n  2009:\n    release: {date: 2010-06-16}\n    delivery:\n      - {bureaus: [WHA, AF], days_before_release: 1, time: "12:00"}\n');
    const err = inputErrorOf(() => resolveReportYear(2009, { override: loadReportYears(file) }));
    const byPath = Object.fromEntries(err.diagnostics.map((d) => [d.path.join('.'), d]));
    expect(byPath['years.2009.release.date']).toMatchObject({ file, line: 3, found: '2010-06-16' });
    expect(byPath['years.2009.delivery']!.found).toBe('none for EAP, EUR, NEA, SCA');
  });
  test('the files read are never modified', () => {
    const file = settingsFile(complete2013);
    const hash = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');
    const before = [hash(file), hash(DEFAULT_REPORT_YEARS_PATH)];
    resolveReportYear(2013, { override: loadReportYears(file) });
    expect([hash(file), hash(DEFAULT_REPORT_YEARS_PATH)]).toEqual(before);
  });
});

describe('standards wording', () => {
  test('"comply" through the 2017 report, "meet" from 2018', () => {
    expect([2009, 2017, 2018, 2024].map(standardsWording)).toEqual(['comply', 'comply', 'meet', 'meet']);
  });
});
