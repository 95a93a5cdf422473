import { mkdtempSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { formatDiagnostic } from '../../src/diagnostics/diagnostic.js';
import { loadYamlFile } from '../../src/load/index.js';
import { inputErrorOf } from '../support/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'tip-load-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const Schema = z.strictObject({
  name: z.string(),
  year: z.number().int(),
  tags: z.array(z.string()).optional(),
});

function write(name: string, content: string | Uint8Array): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}


describe('loadYamlFile', () => {
  it('returns the typed value and the located document', () => {
    const p = write('ok.yaml', 'name: China\nyear: 2009\ntags: [a, b]\n');
    const { value, located } = loadYamlFile(p, Schema);
    expect(value).toEqual({ name: 'China', year: 2009, tags: ['a', 'b'] });
    expect(located.file).toBe(p);
    expect(located.locate(['tags', 1])).toEqual({ line: 3, col: 11 });
  });

  it('throws one InputError carrying every schema problem, in order', () => {
    const p = write('bad.yaml', 'nmae: China\nyear: two\ntags: [a, 3]\n');
    const err = inputErrorOf(() => loadYamlFile(p, Schema));
    expect(err.diagnostics.map(formatDiagnostic)).toEqual([
      `${p}:1:1: name: expected a string, found nothing`,
      `${p}:1:1: nmae: expected one of the keys name, year, tags, found the key nmae (did you mean "name"?)`,
      `${p}:2:7: year: expected a whole number, found two`,
      `${p}:3:11: tags[1]: expected a string, found 3`,
    ]);
    expect(err.message.split('\n')).toHaveLength(4);
  });

  it('throws the parse problems when the YAML itself is refused', () => {
    const p = write('dup.yaml', 'name: a\nname: b\nyear: 1\n');
    const err = inputErrorOf(() => loadYamlFile(p, Schema));
    expect(err.diagnostics.map((d) => [d.code, d.line, d.col])).toEqual([['duplicate-key', 2, 1]]);
  });

  it('reads bytes, so invalid UTF-8 in a file is located', () => {
    const p = write('latin1.yaml', Uint8Array.from([...Buffer.from('name: caf'), 0xe9, 0x0a]));
    const err = inputErrorOf(() => loadYamlFile(p, Schema));
    expect(err.diagnostics.map(formatDiagnostic)).toEqual([
      `${p}:1:10: (document): expected UTF-8 text, found the byte 0xe9, which is not valid UTF-8 (save the file as UTF-8)`,
    ]);
  });

  it('refuses a file over the cap without reading it', () => {
    const p = write('huge.yaml', '');
    truncateSync(p, 3 * 1024 * 1024); // sparse: no 3 MiB written
    const err = inputErrorOf(() => loadYamlFile(p, Schema));
    expect(err.diagnostics.map(formatDiagnostic)).toEqual([
      `${p}: (document): expected a file of at most 1.0 MiB (1048576 bytes), found 3.0 MiB (3145728 bytes)`,
    ]);
  });

  it('honours a smaller cap', () => {
    const p = write('small.yaml', 'name: China\nyear: 2009\n');
    expect(inputErrorOf(() => loadYamlFile(p, Schema, { maxBytes: 10 })).diagnostics[0]?.code).toBe('too-large');
  });

  it.each([
    ['a missing file', 'nope.yaml', 'no such file'],
    ['a directory', '.', 'a directory'],
  ])('refuses %s with exit-1 input error, not a crash', (_what, name, found) => {
    const p = join(dir, name);
    const err = inputErrorOf(() => loadYamlFile(p, Schema));
    expect(err.diagnostics.map((d) => [d.code, formatDiagnostic(d)])).toEqual([
      ['unreadable', `${p}: (document): expected a readable file, found ${found}`],
    ]);
  });

  it('never modifies its input', () => {
    const content = 'nmae: x\nyear: 1.5\n';
    const p = write('untouched.yaml', content);
    const before = statSync(p);
    inputErrorOf(() => loadYamlFile(p, Schema));
    const after = statSync(p);
    expect(readFileSync(p, 'utf8')).toBe(content);
    expect(after.mtimeMs).toBe(before.mtimeMs);
    expect(after.size).toBe(before.size);
  });
});
