import { copyFileSync, mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { lazyLocated, readReportYearsCache, writeReportYearsCache } from '../../src/report-year/cache.js';
import { DEFAULT_REPORT_YEARS_PATH, loadReportYears } from '../../src/report-year/resolve.js';

const dir = mkdtempSync(join(tmpdir(), 'tip-years-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the build-time cache of the bundled settings', () => {
  test('gives the value the YAML gives, and only while the YAML is byte-identical', () => {
    const yaml = join(dir, 'report-years.yaml');
    const cache = join(dir, 'report-years.json');
    copyFileSync(DEFAULT_REPORT_YEARS_PATH, yaml);
    const loaded = loadReportYears(yaml);
    writeReportYearsCache(yaml, loaded.value, cache);
    expect(readReportYearsCache(yaml, cache)).toEqual(loaded.value);
    writeFileSync(yaml, readFileSync(yaml, 'utf8').replace('date: 2009-06-16', 'date: 2009-06-17'));
    expect(readReportYearsCache(yaml, cache)).toBeUndefined();
    writeFileSync(cache, '{ damaged');
    expect(readReportYearsCache(yaml, cache)).toBeUndefined();
  });
  test('positions for a diagnostic come from the YAML, parsed on first need', () => {
    const loaded = loadReportYears(DEFAULT_REPORT_YEARS_PATH);
    let parsed = 0;
    const lazy = lazyLocated(loaded.value, loaded.file, () => (parsed++, loaded.located));
    expect(parsed).toBe(0);
    expect(lazy.locate(['years', '2009', 'release'])).toEqual(loaded.located.locate(['years', '2009', 'release']));
    lazy.locate(['years', '2010']);
    expect(parsed).toBe(1);
  });
});
