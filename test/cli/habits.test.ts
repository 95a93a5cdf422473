import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { bufferIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { EXAMPLES_DIR, PACKAGE_ROOT } from '../../src/paths.js';
import { finished, moduleUrl, scriptProcess } from '../support/processes.js';

/** Issue 12 item 5, the CLI's habits: did-you-mean, YAML hints, -v, help CMD, -, --json, packaging. */

const root = mkdtempSync(join(tmpdir(), 'tip-habits-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const CHN = join(EXAMPLES_DIR, 'CHN-2009.yaml');
const TIERS = join(EXAMPLES_DIR, 'tiers.csv');
const chnText = readFileSync(CHN, 'utf8');

async function tip(args: string[], stdin = '', cwd = PACKAGE_ROOT) {
  const io = bufferIo(cwd, stdin);
  const code = await main(args, io);
  return { code, out: io.out(), err: io.err() };
}

function variant(name: string, edit: (text: string) => string): string {
  const p = join(root, name);
  writeFileSync(p, edit(chnText));
  return p;
}

describe('did you mean', () => {
  test('a command, an option, an option value', async () => {
    expect((await tip(['asess'])).err).toContain('unknown command "asess" (did you mean "assess"?)');
    const hist = await tip(['assess', CHN, '--hist', TIERS]);
    expect(hist.code).toBe(2);
    expect(hist.err).toBe('tip assess: unknown option --hist (did you mean --history?)\nRun `tip help assess` for usage.\n');
    expect((await tip(['assess', CHN, '--rule-f', 'literl'])).err).toContain('found "literl" (did you mean literal?)');
    expect((await tip(['rules', '--year'])).err).toContain('--year needs a value');
    expect((await tip(['rules', '--json=yes'])).err).toContain('--json takes no value');
  });

  test('misspelt values in an evidence file: partially_met, EAPP', async () => {
    const p = variant('enum.yaml', (t) => t.replace('finding: partly_met', 'finding: partially_met').replace('bureau: EAP', 'bureau: EAPP'));
    const r = await tip(['validate', p]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/standards\.a1\.finding: expected one of .*, found partially_met \(did you mean partly_met\?\)/);
    expect(r.err).toMatch(/country\.bureau: expected one of .*, found EAPP \(did you mean EAP\?\)/);
  });
});

describe('the two YAML traps of prose (issue 10): one actionable diagnostic each', () => {
  test('a colon inside a rationale', async () => {
    const p = variant('colon.yaml', (t) => t.replace(/rationale: >-\n\s+China prohibits[^\n]*\n[^\n]*\n[^\n]*\n/, 'rationale: The law is narrow. Note: it covers abduction only.\n'));
    const r = await tip(['validate', p]);
    expect(r.code).toBe(1);
    const lines = r.err.trim().split('\n');
    expect(lines).toHaveLength(2); // the diagnostic and the count
    expect(lines[0]).toMatch(/^.*colon\.yaml:\d+:\d+: standards\.a1\.rationale: expected text in quotes when it holds a colon followed by a space/);
    expect(lines[0]).toContain('Note: it covers');
    expect(lines[0]).toContain('rationale: "…"');
  });

  test('one tab: one diagnostic at the field, not seven with made-up paths', async () => {
    const p = variant('tab.yaml', (t) => t.replace('\n  bureau: EAP', '\n\tbureau: EAP'));
    const r = await tip(['validate', p]);
    const lines = r.err.trim().split('\n');
    expect(lines).toHaveLength(2);
    const line = chnText.split('\n').indexOf('  bureau: EAP') + 1;
    expect(lines[0]).toContain(`tab.yaml:${line}:1: country: expected indentation with spaces, found a tab`);
  });

  test('a key holding a line break stays on one line, quoted', async () => {
    const p = join(root, 'odd.yaml');
    writeFileSync(p, chnText.replace('country:\n', 'country:\n  "na\\nme": x\n'));
    const r = await tip(['validate', p]);
    expect(r.err).toContain('country."na\\nme": expected one of the keys');
    for (const line of r.err.trim().split('\n')) expect(line).toMatch(/^(\/|\d+ error)/);
    const raw = join(root, 'raw.yaml');
    writeFileSync(raw, ' x\n\ncountry: 1\n');
    const r2 = await tip(['validate', raw]);
    expect(r2.err.trim().split('\n')).toHaveLength(2);
  });
});

describe('-v, -V, --version and tip help CMD', () => {
  const version = (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  test.each(['-v', '-V', '--version'])('%s prints the package version', async (f) => {
    expect(await tip([f])).toEqual({ code: 0, out: `${version}\n`, err: '' });
  });
  test('tip help CMD is tip CMD --help', async () => {
    for (const c of ['assess', 'record', 'batch', 'validate']) expect((await tip(['help', c])).out).toBe((await tip([c, '--help'])).out);
    expect((await tip(['help'])).out).toContain('Commands:');
    expect((await tip(['help', 'asess'])).code).toBe(2);
  });
});

describe('- reads standard input', () => {
  test('validate, assess and check-history', async () => {
    expect(await tip(['validate', '-'], chnText)).toMatchObject({ code: 0, out: '<stdin>: valid (China, 2009 report)\n' });
    const bad = await tip(['validate', '-'], 'country: 1\n');
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/^<stdin>:1:10: country: expected a mapping/m);
    const assess = await tip(['assess', '-', '--history', TIERS, '--json'], chnText);
    expect(JSON.parse(assess.out).tier).toBe('2WL');
    const check = await tip(['check-history', '-', '--json'], readFileSync(TIERS, 'utf8'));
    expect(check.code).toBe(0);
    expect(JSON.parse(check.out).violations).toEqual([]);
    expect((await tip(['record', CHN, '--history', '-'])).code).toBe(2);
  });
});

describe('--json: one JSON value on standard output, failures included', () => {
  test('validate', async () => {
    const bad = variant('bad.yaml', (t) => t.replace('bureau: EAP', 'bureau: EAPP'));
    const r = await tip(['validate', CHN, bad, '--json']);
    expect(r.code).toBe(1);
    expect(r.err).toBe('');
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({ ok: false, valid: 1, invalid: 1 });
    expect(j.files[0]).toEqual({ file: CHN, valid: true, country: 'China', reportYear: 2009 });
    expect(j.files[1].diagnostics[0]).toMatchObject({ field: 'country.bureau', code: 'invalid-value', hint: 'did you mean EAP?' });
  });

  test('render, to standard output and with --out', async () => {
    const r = await tip(['render', CHN, '--history', TIERS, '--doc', 'press', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.documents.map((d: { fileName: string }) => d.fileName)).toEqual(['CHN-2009-press.txt']);
    expect(j.documents[0].content).toContain('Watch List');
    const out = join(root, 'drafts');
    const w = JSON.parse((await tip(['render', CHN, '--history', TIERS, '--doc', 'all', '--out', out, '--json'])).out);
    expect(w.written).toHaveLength(5);
    for (const f of w.written) expect(existsSync(f)).toBe(true);
  });

  test('record', async () => {
    const ledger = join(root, 'record.csv');
    writeFileSync(ledger, readFileSync(TIERS));
    const r = await tip(['record', CHN, '--history', ledger, '--json']);
    expect(JSON.parse(r.out)).toMatchObject({ ok: true, outcome: 'added', iso3: 'CHN', year: 2009, tier: '2WL', ledger });
  });

  test('batch, with a failed file', async () => {
    const dir = join(root, 'batch-in');
    execFileSync('mkdir', ['-p', dir]);
    writeFileSync(join(dir, 'CHN-2009.yaml'), chnText);
    writeFileSync(join(dir, 'BAD-2009.yaml'), 'report_year: 2009\ncountry: 1\n');
    const r = await tip(['batch', dir, '--year', '2009', '--history', TIERS, '--out', join(root, 'batch-out'), '--json']);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({ ok: false, exitCode: 1, year: 2009, totals: { assessed: 1, failed: 1 } });
    expect(j.failures[0].file).toBe('BAD-2009.yaml');
    expect(j.failures[0].diagnostics.map((d: { field: string }) => d.field)).toContain('country');
    expect(j.written).toContain('manifest.json');
  });

  test.each([
    ['validate', ['validate', 'nope.yaml', '--json'], 1],
    ['render', ['render', 'nope.yaml', '--doc', 'press', '--json'], 1],
    ['record', ['record', 'nope.yaml', '--history', 'x.csv', '--json'], 1],
    ['batch', ['batch', 'nope', '--year', '2009', '--json'], 1],
    ['assess (a usage error)', ['assess', CHN, '--json', '--bogus'], 2],
    ['check-history', ['check-history', 'nope.csv', '--json'], 1],
  ] as const)('%s: bad input still prints JSON', async (_name, args, code) => {
    const r = await tip([...args], '', root);
    expect(r.code).toBe(code);
    const j = JSON.parse(r.out);
    expect(j.ok).toBe(false);
    if (j.error) expect(j.error.kind).toBe(code === 2 ? 'usage' : 'input');
    else expect(j.files[0].valid).toBe(false);
  });
});

describe('the package', () => {
  test('LICENSE is MIT, as package.json says; the JSON Schema is shipped', () => {
    const pkg = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { license: string; files: string[]; bin: { tip: string } };
    expect(pkg.license).toBe('MIT');
    expect(readFileSync(join(PACKAGE_ROOT, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n\nCopyright/);
    const packed = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: PACKAGE_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })) as { files: { path: string }[] }[];
    const paths = packed[0]!.files.map((f) => f.path);
    expect(paths).toContain('LICENSE');
    expect(paths).toContain('tip-evidence.schema.json');
    // The bin is the launcher `npm run build` writes (scripts/bundle.mjs), with its engines and code caches.
    expect(pkg.bin.tip).toBe('dist/cli/tip.cjs');
    expect(paths).toContain(pkg.bin.tip);
    expect(paths).toContain('dist/cli/engines/assess.cjs');
    expect(paths.some((p) => /^dist\/cli\/cache\/assess\.[0-9a-f]{16}\.v8$/.test(p))).toBe(true);
  });

  test('the build prints nothing on standard output (so `npm pack --json` is JSON)', async () => {
    const r = await finished(scriptProcess(`await import(${JSON.stringify(moduleUrl('src/rules/write-corpus-cache.js'))});`, root));
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('rule corpus:');
  });

  test("tip init's schema line points at the package's schema from wherever the file is written", async () => {
    for (const out of ['MYS-2026.yaml', join('deep', 'er', 'MYS-2026.yaml')]) {
      expect((await tip(['init', 'MYS', '--year', '2026', '--out', out], '', root)).code).toBe(0);
      const path = join(root, out);
      const ref = /^# yaml-language-server: \$schema=(.*)$/m.exec(readFileSync(path, 'utf8'))![1]!;
      expect(realpathSync(resolve(dirname(path), ref))).toBe(realpathSync(join(PACKAGE_ROOT, 'tip-evidence.schema.json')));
    }
  });
});
