import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { bufferIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { PACKAGE_ROOT } from '../../src/paths.js';

async function tip(args: string[], cwd = PACKAGE_ROOT) {
  const io = bufferIo(cwd);
  const code = await main(args, io);
  return { code, out: io.out(), err: io.err() };
}

const COMMANDS = ['validate', 'init', 'schema', 'assess', 'rules', 'history', 'check-history', 'record', 'render', 'batch', 'demo'];

describe('the tip command line', () => {
  test('--help lists every command; each command has its own --help', async () => {
    const top = await tip(['--help']);
    expect(top.code).toBe(0);
    for (const c of COMMANDS) {
      expect(top.out).toContain(c);
      const one = await tip([c, '--help']);
      expect(one.code, c).toBe(0);
      expect(one.out, c).toMatch(/^Usage: tip /);
    }
  });

  test('an unknown command or option is a usage error (exit 2), never a stack trace', async () => {
    const unknown = await tip(['asses']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('did you mean "assess"?');
    const option = await tip(['assess', 'examples/CHN-2009.yaml', '--jsn']);
    expect(option.code).toBe(2);
    expect(option.err).toContain('unknown option --jsn (did you mean --json?)');
    expect(option.err).not.toMatch(/\n\s+at /);
    const year = await tip(['rules', '--year', '19x9']);
    expect(year.code).toBe(2);
  });

  test('--effective moves a single-version rule; an unknown id or a versioned provision is a usage error', async () => {
    const moved = await tip(['assess', 'examples/CHN-2009.yaml', '--effective', '22usc7106.b.12=2010', '--json']);
    // b12 out of force in 2009: the example's b12 finding is then a criterion not in force.
    // Under --json the error is JSON on standard output.
    expect(moved.code).toBe(1);
    expect(JSON.parse(moved.out).error.diagnostics.map((d: { field: string }) => d.field)).toContain('criteria.b12');
    const unknown = await tip(['assess', 'examples/CHN-2009.yaml', '--effective', '22usc7106.b99=2006']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('names no rule');
    const versioned = await tip(['assess', 'examples/CHN-2009.yaml', '--effective', '22usc7106.b.1.data-presumption=2004']);
    expect(versioned.code).toBe(2);
    expect(versioned.err).toContain('dated versions');
  });

  test('an output that cannot be written is an error naming the path (exit 1), not an internal error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tip-cli-'));
    writeFileSync(join(dir, 'afile'), 'x');
    const r = await tip(['schema', '--out', 'afile/schema.json'], dir);
    expect(r.code).toBe(1);
    expect(r.err).toContain('afile');
    expect(r.err).not.toContain('internal error');
  });

  test('tip validate: the example is valid (exit 0)', async () => {
    const r = await tip(['validate', 'examples/CHN-2009.yaml']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('valid (China, 2009 report)');
  });

  test('tip validate: a misspelt top-level key is FILE:LINE:COL with the intended key (exit 1)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tip-cli-'));
    const text = readFileSync(join(PACKAGE_ROOT, 'examples', 'CHN-2009.yaml'), 'utf8').replace(/^prosecution:/m, 'prosecuton:');
    writeFileSync(join(dir, 'bad.yaml'), text);
    const line = text.split('\n').findIndex((l) => l.startsWith('prosecuton:')) + 1;
    const r = await tip(['validate', 'bad.yaml'], dir);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`bad.yaml:${line}:1: prosecuton: expected`);
    expect(r.err).toContain('did you mean "prosecution"?');
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  test('tip validate on a missing file or a binary file: a diagnostic, exit 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tip-cli-'));
    writeFileSync(join(dir, 'bin.yaml'), Buffer.from([0, 1, 2, 3]));
    expect((await tip(['validate', 'nope.yaml'], dir)).code).toBe(1);
    const bin = await tip(['validate', 'bin.yaml'], dir);
    expect(bin.code).toBe(1);
    expect(bin.err).toContain('bin.yaml');
  });

  test('tip init writes a skeleton and refuses to overwrite it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tip-cli-'));
    expect((await tip(['init', 'MYS', '--year', '2026'], dir)).code).toBe(0);
    const first = readFileSync(join(dir, 'MYS-2026.yaml'), 'utf8');
    expect(first).toContain('iso3: MYS');
    const again = await tip(['init', 'MYS', '--year', '2026'], dir);
    expect(again.code).toBe(1);
    expect(readFileSync(join(dir, 'MYS-2026.yaml'), 'utf8')).toBe(first);
    expect((await tip(['init', 'mys', '--year', '2026'], dir)).code).toBe(2);
  });

  test('tip rules --year lists the rules in force with their citations', async () => {
    const r2003 = JSON.parse((await tip(['rules', '--year', '2003', '--json'])).out);
    const r2019 = JSON.parse((await tip(['rules', '--year', '2019', '--json'])).out);
    const ids = (r: { rules: { id: string }[] }) => r.rules.map((x) => x.id);
    expect(ids(r2003)).not.toContain('22usc7107.b.2.A.iii');
    expect(ids(r2019)).toContain('22usc7107.b.3.B');
    expect(ids(r2019)).not.toContain('22usc7107.b.2.A.iii.III');
    for (const r of r2019.rules) expect(r.cites.length).toBeGreaterThan(0);
  });

  test('tip record writes the assessed tier into a ledger, and refuses to change it without --force', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tip-cli-'));
    const ledger = join(dir, 'tiers.csv');
    writeFileSync(ledger, readFileSync(join(PACKAGE_ROOT, 'examples', 'tiers.csv')));
    const evidence = join(PACKAGE_ROOT, 'examples', 'CHN-2009.yaml');
    const r = await tip(['record', evidence, '--history', ledger], dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain('added: CHN 2009 Tier 2 Watch List');
    expect(readFileSync(ledger, 'utf8')).toMatch(/^CHN,2009,2WL/m);
    const again = await tip(['record', evidence, '--history', ledger], dir);
    expect(again.out).toContain('unchanged');
    writeFileSync(ledger, readFileSync(ledger, 'utf8').replace('CHN,2009,2WL', 'CHN,2009,3'));
    const conflict = await tip(['record', evidence, '--history', ledger], dir);
    expect(conflict.code).toBe(1);
    expect((await tip(['record', evidence, '--history', ledger, '--force'], dir)).code).toBe(0);
    expect(readFileSync(ledger, 'utf8')).toMatch(/^CHN,2009,2WL/m);
  });

  test('tip demo (npm start) assesses the example and writes the four drafts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tip-cli-'));
    const r = await tip(['demo', '--out', 'drafts'], dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain('TIER: Tier 2 Watch List');
    for (const d of ['narrative', 'demarche', 'nonpaper', 'press']) expect(existsSync(join(dir, 'drafts', `CHN-2009-${d}.txt`)), d).toBe(true);
  });
});
