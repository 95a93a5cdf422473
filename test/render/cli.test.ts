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
  test('--doc all --out DIR writes the five drafts atomically, identical on every run', async () => {
    const a = tempDir();
    const b = tempDir();
    const before = sha(CHINA);
    const first = await tip('render', CHINA, '--doc', 'all', '--out', a);
    expect(first.code).toBe(0);
    expect(first.out).toBe(['narrative', 'demarche', 'nonpaper', 'press', 'action-plan'].map((d) => `wrote ${join(a, `CHN-2009-${d}.txt`)}\n`).join(''));
    // Without --history the clock is not applied, and the desk officer is told so.
    expect(first.err).toMatch(/^note: No tier history was given/);
    expect((await tip('render', CHINA, '--doc', 'all', '--out', b)).code).toBe(0);
    const files = readdirSync(a).sort();
    expect(files).toEqual(['CHN-2009-action-plan.txt', 'CHN-2009-demarche.txt', 'CHN-2009-narrative.txt', 'CHN-2009-nonpaper.txt', 'CHN-2009-press.txt']);
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
    expect((await tip('render', CHINA, '--doc', 'cable')).err).toMatch(/--doc expects one of narrative, demarche, nonpaper, press, action-plan, or all, found "cable"/);
    expect((await tip('render', CHINA, '--doc', 'all', '--format', 'html')).code).toBe(2);
    expect((await tip('render', '--doc', 'all')).code).toBe(2);
  });

  test('--help', async () => {
    const r = await tip('render', '--help');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Usage: tip render FILE --doc/);
  });

  test('a year nobody has settings for (2026): placeholders, listed as warnings, exit 0; --strict refuses them; --settings fills them', async () => {
    const dir = tempDir();
    const evidence = join(dir, 'TST-2026.yaml');
    writeFileSync(evidence, stringify(baseEvidence(2026)));
    const out = join(dir, 'drafts');
    const r = await tip('render', evidence, '--doc', 'all', '--out', out);
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['TST-2026-action-plan.txt', 'TST-2026-demarche.txt', 'TST-2026-narrative.txt', 'TST-2026-nonpaper.txt', 'TST-2026-press.txt']);
    const demarche = readFileSync(join(out, 'TST-2026-demarche.txt'), 'utf8');
    expect(demarche).toContain('2. On [RELEASE DATE], at [RELEASE TIME], the Secretary will release the 2026 Trafficking in Persons (TIP) Report.');
    expect(demarche).toContain('no earlier than [DELIVERY WINDOWS]');
    expect(demarche).toMatch(/\n\[SECRETARY\]\n$/);
    // Every placeholder once, with the files that carry it and what to do.
    for (const token of ['[RELEASE DATE]', '[RELEASE TIME]', '[SECRETARY]', '[OFFICE SYMBOL]', '[HEAD OF THE OFFICE]', '[DELIVERY WINDOWS]', '[COUNTRY TAG]', '[POST]']) {
      expect(r.err, token).toContain(`warning: ${token} in TST-2026-demarche.txt`);
      expect(demarche).toContain(token);
    }
    expect(r.err).toMatch(/warning: \[RELEASE DATE\] in TST-2026-demarche\.txt, TST-2026-nonpaper\.txt: unknown for the 2026 Report: the release date; .*tip settings 2026 --out FILE/);

    const strict = await tip('render', evidence, '--doc', 'all', '--strict', '--out', join(dir, 'strict'));
    expect(strict.code).toBe(1);
    expect(strict.err).toContain('error: [RELEASE DATE] in TST-2026-demarche.txt, TST-2026-nonpaper.txt');
    expect(strict.err).toContain('error: not written (--strict): TST-2026-demarche.txt, TST-2026-nonpaper.txt');
    // --doc all is never all-or-nothing: the narrative, the press guidance and the action plan have no placeholder and are written.
    expect(readdirSync(join(dir, 'strict')).sort()).toEqual(['TST-2026-action-plan.txt', 'TST-2026-narrative.txt', 'TST-2026-press.txt']);

    const settings = join(dir, 'settings.yaml');
    writeFileSync(
      settings,
      stringify({
        years: {
          2026: {
            release: { date: '2026-06-25', time: '10:00' },
            secretary: { name: 'A. Secretary', signature: 'SECRETARY' },
            office: { symbol: 'J/TIP', name: 'Office to Monitor and Combat Trafficking in Persons' },
            head: null,
            delivery: [{ bureaus: ['WHA', 'AF', 'EUR', 'NEA', 'SCA', 'EAP'], days_before_release: 1, time: '12:00' }],
          },
        },
      }),
    );
    const before = sha(settings);
    const ok = await tip('render', evidence, '--doc', 'demarche', '--settings', settings);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('2. On June 25, 2026, at 10:00 a.m. EDT, the Secretary will release the 2026 Trafficking in Persons (TIP) Report.');
    expect(ok.out).toContain('no earlier than 12 noon local time Wednesday June 24 for WHA, AF, EUR, NEA, SCA, and EAP posts');
    expect(ok.out).toMatch(/\nSECRETARY\n$/);
    // The only placeholders left are the country's cable tag and post (Testland has none).
    expect(ok.err.match(/^warning: \[[A-Z ]+\]/gm)).toEqual(['warning: [COUNTRY TAG]', 'warning: [POST]']);
    expect(sha(settings)).toBe(before);
  });

  test('every report year 2001-2025 renders all five drafts with no --settings', async () => {
    const dir = tempDir();
    for (let year = 2001; year <= 2025; year++) {
      const evidence = join(dir, `TST-${year}.yaml`);
      writeFileSync(evidence, stringify(baseEvidence(year)));
      const r = await tip('render', evidence, '--doc', 'all', '--out', join(dir, String(year)));
      expect(r.code, `${year}: ${r.err}`).toBe(0);
      expect(readdirSync(join(dir, String(year))), `${year}`).toHaveLength(5);
      // The release date is known for every one of these years.
      expect(r.err, `${year}`).not.toContain('[RELEASE DATE]');
    }
  }, 60_000);

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
