import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { afterEach, describe, expect, test } from 'vitest';
import { bufferIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { baseEvidence } from '../support/evidence.js';

const CHINA = join(PACKAGE_ROOT, 'examples', 'CHN-2009.yaml');
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'tip-render-'));
  dirs.push(d);
  return d;
}
const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

async function tip(...argv: string[]) {
  const io = bufferIo(PACKAGE_ROOT);
  const code = await main(argv, io);
  return { code, out: io.out(), err: io.err() };
}

describe('tip render', () => {
  test('--doc all --out DIR writes the four drafts atomically, identical on every run', async () => {
    const a = tempDir();
    const b = tempDir();
    const before = sha(CHINA);
    const first = await tip('render', CHINA, '--doc', 'all', '--out', a);
    expect(first.code).toBe(0);
    expect(first.out).toBe(['narrative', 'demarche', 'nonpaper', 'press'].map((d) => `wrote ${join(a, `CHN-2009-${d}.txt`)}\n`).join(''));
    // Without --history the clock is not applied, and the desk officer is told so.
    expect(first.err).toMatch(/^note: No tier history was given/);
    expect((await tip('render', CHINA, '--doc', 'all', '--out', b)).code).toBe(0);
    const files = readdirSync(a).sort();
    expect(files).toEqual(['CHN-2009-demarche.txt', 'CHN-2009-narrative.txt', 'CHN-2009-nonpaper.txt', 'CHN-2009-press.txt']);
    for (const f of files) expect(readFileSync(join(b, f), 'utf8')).toBe(readFileSync(join(a, f), 'utf8'));
    expect(readFileSync(join(a, 'CHN-2009-narrative.txt'), 'utf8')).toMatch(/^CHINA \(TIER 2 WATCH LIST\)\n/);
    expect(readFileSync(join(a, 'CHN-2009-demarche.txt'), 'utf8')).toContain('for WHA, AF, EUR, and NEA posts');
    expect(sha(CHINA)).toBe(before);
  });

  test('one document goes to standard output; Markdown on request', async () => {
    const r = await tip('render', CHINA, '--doc', 'press', '--format', 'markdown');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^# PRESS GUIDANCE: CHINA -- 2009 TIP REPORT\n\n\*\*Q1:\*\* Why was China placed on Tier 2 Watch List\?/);
  });

  test('several documents on standard output are labelled by file name', async () => {
    const r = await tip('render', CHINA, '--doc', 'narrative', '--doc', 'press');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^==> CHN-2009-narrative.txt <==\nCHINA \(TIER 2 WATCH LIST\)/);
    expect(r.out).toContain('\n==> CHN-2009-press.txt <==\nPRESS GUIDANCE');
  });

  test('usage errors exit 2', async () => {
    expect((await tip('render', CHINA)).code).toBe(2);
    expect((await tip('render', CHINA, '--doc', 'cable')).err).toMatch(/--doc expects one of narrative, demarche, nonpaper, press, or all, found "cable"/);
    expect((await tip('render', CHINA, '--doc', 'all', '--format', 'html')).code).toBe(2);
    expect((await tip('render', '--doc', 'all')).code).toBe(2);
  });

  test('--help', async () => {
    const r = await tip('render', '--help');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Usage: tip render FILE --doc/);
  });

  test('a year without settings: exit 1 naming the year and --settings; with --settings it renders', async () => {
    const dir = tempDir();
    const evidence = join(dir, 'TST-2011.yaml');
    writeFileSync(evidence, stringify(baseEvidence(2011)));
    const failed = await tip('render', evidence, '--doc', 'demarche');
    expect(failed.code).toBe(1);
    expect(failed.err).toMatch(/data\/report-years\.yaml:\d+:\d+: years\.2011: expected settings for the 2011 Report/);
    expect(failed.err).toMatch(/--settings FILE/);
    // The narrative needs no release settings.
    expect((await tip('render', evidence, '--doc', 'narrative')).code).toBe(0);

    const settings = join(dir, 'settings.yaml');
    writeFileSync(
      settings,
      stringify({
        years: {
          2011: {
            release: { date: '2011-06-27', time: '10:00', zone: 'EDT' },
            secretary: { name: 'Hillary Rodham Clinton', signature: 'CLINTON' },
            delivery: [{ bureaus: ['WHA', 'AF', 'EUR', 'NEA', 'SCA', 'EAP'], days_before_release: 1, time: '12:00' }],
          },
        },
      }),
    );
    const before = sha(settings);
    const ok = await tip('render', evidence, '--doc', 'demarche', '--settings', settings);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('2. On June 27, 2011, at 10:00 a.m. EDT, the Secretary will release the 2011 Trafficking in Persons (TIP) Report.');
    expect(ok.out).toContain('no earlier than 12 noon local time Sunday June 26 for WHA, AF, EUR, NEA, SCA, and EAP posts');
    expect(ok.out).toMatch(/\nCLINTON\n$/);
    expect(sha(settings)).toBe(before);
  });

  test('a bad settings file: exit 1 with file:line:col', async () => {
    const dir = tempDir();
    const settings = join(dir, 'settings.yaml');
    writeFileSync(settings, 'years:\n  2009:\n    release: {zone: PST}\n');
    const r = await tip('render', CHINA, '--doc', 'nonpaper', '--settings', settings);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${settings}:3:`);
    expect(r.err).toContain('years.2009.release.zone: expected');
  });
});
