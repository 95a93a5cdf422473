import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { formatDiagnostic } from '../../src/diagnostics/diagnostic.js';
import { DEFAULT_REPORT_YEARS_PATH, defaultReportYears, loadReportYears, resolveReportYear } from '../../src/report-year/resolve.js';
import { SETTINGS_FIELDS, type ReportYearEntry } from '../../src/report-year/schema.js';
import { settingsText } from '../../src/report-year/settings-text.js';
import { washingtonZone } from '../../src/report-year/zone.js';
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

const YEARS = Array.from({ length: 25 }, (_, i) => 2001 + i);

describe('bundled report-year settings', () => {
  test('2009, as the cable gives it', () => {
    const s = resolveReportYear(2009);
    expect(s.release).toEqual({ date: '2009-06-16', time: '10:00', zone: 'EDT' });
    expect(s.secretary).toEqual({ name: 'Hillary Rodham Clinton', signature: 'CLINTON' });
    expect(s.office).toEqual({ symbol: 'G/TIP', name: 'Office to Monitor and Combat Trafficking in Persons' });
    expect(s.head).toMatchObject({ name: 'Luis CdeBaca', surname: 'CdeBaca', title: 'Ambassador-at-Large', styled: 'Director and Senior Advisor to the Secretary, Ambassador-at-Large' });
    expect(s.briefing).toEqual({ date: '2009-06-17', time: '15:30', zone: 'EDT' });
    expect(s.refs).toEqual(['STATE 59732', 'STATE 005577']);
    expect(s.edition).toBe(9);
    expect(s.delivery).toEqual([
      { bureaus: ['WHA', 'AF', 'EUR', 'NEA'], days_before_release: 1, time: '12:00' },
      { bureaus: ['SCA', 'EAP'], days_before_release: 0, time: 'OOB' },
    ]);
    expect(s.unknown).toEqual([]);
  });

  test('every report 2001-2025 has its release date (in its year) and its Secretary', () => {
    for (const y of YEARS) {
      const s = resolveReportYear(y);
      expect(s.release.date?.startsWith(`${y}-`), `${y}`).toBe(true);
      expect(s.secretary?.signature, `${y}`).toMatch(/^[A-Z]+$/);
      expect(s.unknown).not.toContain('release.date');
      expect(s.unknown).not.toContain('secretary');
    }
  });

  test('only values with a source are bundled: every field a year sets has a source for it', () => {
    const years = defaultReportYears().value.years;
    for (const [y, entry] of Object.entries(years)) {
      for (const f of SETTINGS_FIELDS) {
        if ((entry as ReportYearEntry)[f] === undefined) continue;
        const sources = entry.sources?.[f] ?? [];
        expect(sources.length, `${y}.${f} has no source`).toBeGreaterThan(0);
        // A source a reader can follow: a link, except for the notes that say where in a cable.
        for (const s of sources) expect(s.url ?? s.note, `${y}.${f}: ${s.title}`).toBeTruthy();
      }
    }
  });

  test('the office symbol: no office before its creation, G/TIP to 2011, J/TIP from 2012, unknown after the 2025 reorganization', () => {
    expect(resolveReportYear(2001).office).toBeNull();
    expect(resolveReportYear(2001).head).toBeNull();
    for (const y of YEARS.filter((y) => y > 2001 && y < 2025)) expect(resolveReportYear(y).office?.symbol, `${y}`).toBe(y < 2012 ? 'G/TIP' : 'J/TIP');
    expect(resolveReportYear(2025).unknown).toEqual(expect.arrayContaining(['office', 'head']));
  });

  test('the head of the office by year, with the title of that year', () => {
    const head = (y: number) => resolveReportYear(y).head;
    expect(head(2003)).toMatchObject({ name: 'John R. Miller', title: 'Director' });
    expect(head(2010)).toMatchObject({ name: 'Luis CdeBaca', title: 'Ambassador-at-Large' });
    expect(head(2018)).toMatchObject({ name: 'Kari Johnstone', title: 'Acting Director' });
    expect(head(2023)).toMatchObject({ name: 'Cindy Dyer', title: 'Ambassador-at-Large' });
    // Nobody confirmed on the release day of July 27, 2015: unknown, so a placeholder, never a guess.
    expect(resolveReportYear(2015).unknown).toContain('head');
  });

  test('a year after the bundled ones: every field the drafts need is unknown, and nothing fails', () => {
    const s = resolveReportYear(2026);
    expect(s.unknown).toEqual(['release.date', 'release.time', 'secretary', 'office', 'head', 'delivery']);
    expect(s.edition).toBe(26);
  });
});

describe('--settings FILE', () => {
  const complete2013 = `years:
  2013:
    release: {time: "11:00"}
    delivery:
      - {bureaus: [WHA, AF, EUR, NEA, SCA, EAP], days_before_release: 1, time: "09:00"}
`;
  test('is merged over the defaults field by field; the zone follows from the date', () => {
    const s = resolveReportYear(2013, { override: loadReportYears(settingsFile(complete2013)) });
    expect(s.release).toEqual({ date: '2013-06-19', time: '11:00', zone: 'EDT' });
    expect(s.secretary?.signature).toBe('KERRY');
    expect(s.delivery).toHaveLength(1);
    expect(s.unknown).toEqual([]);
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
  test('inconsistent settings: release outside the year, a bureau without a window, half a Secretary', () => {
    const file = settingsFile('years:\n  2026:\n    release: {date: 2010-06-16}\n    secretary: {name: A. Person}\n    delivery:\n      - {bureaus: [WHA, AF], days_before_release: 1, time: "12:00"}\n');
    const err = inputErrorOf(() => resolveReportYear(2026, { override: loadReportYears(file) }));
    const byPath = Object.fromEntries(err.diagnostics.map((d) => [d.path.join('.'), d]));
    expect(byPath['years.2026.release.date']).toMatchObject({ file, line: 3, found: '2010-06-16' });
    expect(byPath['years.2026.delivery']!.found).toBe('none for EAP, EUR, NEA, SCA');
    expect(byPath['years.2026.secretary']!.found).toBe('no signature');
    expect(formatDiagnostic(byPath['years.2026.secretary']!)).toMatch(/settings\.yaml:4:/);
  });
  test('the files read are never modified', () => {
    const file = settingsFile(complete2013);
    const hash = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');
    const before = [hash(file), hash(DEFAULT_REPORT_YEARS_PATH)];
    resolveReportYear(2013, { override: loadReportYears(file) });
    expect([hash(file), hash(DEFAULT_REPORT_YEARS_PATH)]).toEqual(before);
  });
});

describe('tip settings: the starting file', () => {
  test('for every year, the text is a settings file that gives back the same settings', () => {
    const empty = { file: 'empty.yaml', value: { years: {} }, located: { value: { years: {} }, file: 'empty.yaml', locate: () => ({ line: 1, col: 1 }) } };
    for (const y of [...YEARS, 2026]) {
      const s = resolveReportYear(y);
      const again = resolveReportYear(y, { defaults: loadReportYears(settingsFile(settingsText(s, { from: 'test' }))), override: empty });
      expect({ ...again, sources: {} }, `${y}`).toEqual({ ...s, sources: {} });
    }
  });
  test('an unknown field is written commented out, with the placeholder the drafts print', () => {
    const text = settingsText(resolveReportYear(2026), { from: 'test' });
    expect(text).toContain('# Unknown now: release.date, release.time, secretary, office, head, delivery.');
    expect(text).toMatch(/# unknown: the drafts print \[DELIVERY WINDOWS\].*\n {4}# delivery: \[/);
    expect(text).not.toMatch(/^ {4}delivery:/m);
  });
});

describe("Washington's time zone", () => {
  test('daylight time by the rules of 1987-2006 and from 2007', () => {
    expect(washingtonZone('2009-06-16')).toBe('EDT');
    expect(washingtonZone('2007-03-11')).toBe('EDT'); // second Sunday of March 2007
    expect(washingtonZone('2007-03-10')).toBe('EST');
    expect(washingtonZone('2006-04-01')).toBe('EST'); // before the first Sunday of April 2006
    expect(washingtonZone('2006-04-02')).toBe('EDT');
    expect(washingtonZone('2025-11-02')).toBe('EST'); // first Sunday of November
    expect(washingtonZone('2025-09-29')).toBe('EDT');
  });
});
