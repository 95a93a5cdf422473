import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { bufferIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { readLedger } from '../../src/ledger/ledger.js';
import { EXAMPLES_DIR } from '../../src/paths.js';
import { inputErrorOf } from '../support/errors.js';

/**
 * Issue 11 items 6 and 10: unbounded reads and small inputs that slipped through. A FIFO blocked
 * validate and batch forever; /dev/zero (or a *.yaml link to it) grew without bound; a 50 MB
 * ledger of duplicate rows ran out of memory joining its errors. Each is now refused at once.
 */

const root = mkdtempSync(join(tmpdir(), 'tip-refuse-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const CHN = join(EXAMPLES_DIR, 'CHN-2009.yaml');
const TIERS = join(EXAMPLES_DIR, 'tiers.csv');
const chnText = readFileSync(CHN, 'utf8');

async function tip(args: string[]) {
  const io = bufferIo(root);
  const code = await main(args, io);
  return { code, out: io.out(), err: io.err() };
}

const fifo = join(root, 'x.yaml');
execFileSync('mkfifo', [fifo]);
const fifoCsv = join(root, 'x.csv');
execFileSync('mkfifo', [fifoCsv]);
const zeroLink = join(root, 'zero.yaml');
symlinkSync('/dev/zero', zeroLink);
const batchDir = join(root, 'batch');
mkdirSync(batchDir);
writeFileSync(join(batchDir, 'CHN-2009.yaml'), chnText);
symlinkSync('/dev/zero', join(batchDir, 'ZERO-2009.yaml'));
execFileSync('mkfifo', [join(batchDir, 'PIPE-2009.yaml')]);

describe('not a regular file: refused at once, in every command', () => {
  const cases: [string, string[], RegExp][] = [
    ['validate a FIFO', ['validate', fifo], /x\.yaml: \(document\): expected a readable file, found a named pipe \(FIFO\)/],
    ['validate /dev/zero', ['validate', '/dev/zero'], /found a character device/],
    ['validate a link to /dev/zero', ['validate', zeroLink], /zero\.yaml: \(document\): expected a readable file, found a character device/],
    ['assess a FIFO', ['assess', fifo], /found a named pipe/],
    ['render a link to /dev/zero', ['render', zeroLink, '--doc', 'press'], /found a character device/],
    ['check-history /dev/zero', ['check-history', '/dev/zero'], /\/dev\/zero: \(document\): expected a readable CSV file, found a character device/],
    ['check-history a FIFO', ['check-history', fifoCsv], /found a named pipe/],
    ['assess with a FIFO for a ledger', ['assess', CHN, '--history', fifoCsv], /found a named pipe/],
  ];
  for (const [name, args, message] of cases) {
    test(name, { timeout: 10_000 }, async () => {
      const r = await tip(args);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(message);
    });
  }

  test('batch: a FIFO and a link to /dev/zero among the files fail as files; the others are assessed', { timeout: 20_000 }, async () => {
    const r = await tip(['batch', batchDir, '--year', '2009', '--history', TIERS, '--no-drafts', '--out', join(root, 'batch-out')]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('1 assessed');
    expect(r.err).toMatch(/PIPE-2009\.yaml: \(document\): expected a readable file, found a named pipe/);
    expect(r.err).toMatch(/ZERO-2009\.yaml: \(document\): expected a readable file, found a character device/);
  });
});

describe('size caps and capped error lists', () => {
  test('a ledger over 4 MiB is refused without being read', () => {
    const p = join(root, 'huge.csv');
    writeFileSync(p, 'iso3,year,tier\n');
    truncateSync(p, 50 * 1024 * 1024); // sparse: nothing written
    const d = inputErrorOf(() => readLedger(p)).diagnostics;
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ code: 'too-large', expected: 'a file of at most 4.0 MiB (4194304 bytes)' });
  });

  test('a ledger of 50,000 duplicate rows: the first 200 problems and "… and N more", in one short message', async () => {
    const p = join(root, 'dup.csv');
    writeFileSync(p, 'iso3,year,tier\n' + 'RUS,2013,3\n'.repeat(50_001));
    const r = await tip(['check-history', p]);
    expect(r.code).toBe(1);
    expect(r.err.split('\n').length).toBe(200 + 3);
    expect(r.err).toContain('… and 49,800 more\n50000 errors\n');
    const err = inputErrorOf(() => readLedger(p));
    expect(err.diagnostics).toHaveLength(200);
    expect(err.omitted).toBe(49_800);
    expect(err.message.length).toBeLessThan(20_000);
  });
});

describe('small inputs that slipped through', () => {
  test('a CR-only evidence file reads as the same file with LF', async () => {
    const p = join(root, 'cr.yaml');
    writeFileSync(p, chnText.replace(/\n/g, '\r'));
    expect((await tip(['validate', p])).out).toContain('valid (China, 2009 report)');
    const bad = join(root, 'cr-bad.yaml');
    writeFileSync(bad, chnText.replace('bureau: EAP', 'bureau: XYZ').replace(/\n/g, '\r'));
    const r = await tip(['validate', bad]);
    const line = chnText.split('\n').findIndex((l) => l.includes('bureau: EAP')) + 1;
    expect(r.err).toContain(`cr-bad.yaml:${line}:11: country.bureau: expected one of`);
  });

  test.each([
    ['"\\0"', 'U+0000 (NUL)'],
    ['"\\x00"', 'U+0000 (NUL)'],
    ['"\\uD800"', 'an unpaired surrogate U+D800'],
    ['"\\e[2J"', 'U+001B (ESC)'],
  ])('the escape %s in a value is refused, with where and what', async (escape, what) => {
    const p = join(root, 'esc.yaml');
    writeFileSync(p, chnText.replace('  name: China', `  name: ${escape}`));
    const r = await tip(['validate', p]);
    expect(r.code).toBe(1);
    const line = chnText.split('\n').indexOf('  name: China') + 1;
    expect(r.err).toMatch(new RegExp(`esc\\.yaml:${line}:9: country\\.name: expected text without control characters or unpaired surrogates, found [^\\n]*${what.replace(/[()+]/g, '\\$&')}`));
  });

  test.each(['javascript:alert(1)', 'data:text/html,<script>x</script>', 'file:///etc/passwd', 'ftp://example.org/x'])('a source URL %s is refused', async (url) => {
    const p = join(root, 'url.yaml');
    writeFileSync(p, chnText.replace('sources: [{title: "2009 TIP Report, China narrative (09STATE60447 para 8)"}]', `sources: [{title: "x", url: "${url}"}]`));
    const r = await tip(['validate', p]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/standards\.a1\.sources\[0\]\.url: expected a web address starting with http:\/\/ or https:\/\//);
  });
});
