import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import * as z from 'zod';
import { loadBundledYaml, writeDataCache } from '../../src/load/data-cache.js';
import { loadYamlFile } from '../../src/load/index.js';
import { CABLE_COUNTRIES_PATH, CABLE_FORMAT_PATH, CountriesFileSchema, FormatFileSchema } from '../../src/render/view-cable.js';
import { LAYOUTS_PATH, LayoutsFileSchema } from '../../src/render/layout.js';
import { CLASSES_FILE, ClassesFileSchema } from '../../src/whatif/classes.js';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'tip-data-cache-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const Schema = z.strictObject({ items: z.array(z.strictObject({ name: z.string(), n: z.number() })) });

describe('the build-time cache of the package data files', () => {
  test('each bundled data file gives the same value from the cache as from its YAML', () => {
    const cache = join(tmp(), 'cache.json');
    const files = [
      { path: CABLE_FORMAT_PATH, schema: FormatFileSchema },
      { path: CABLE_COUNTRIES_PATH, schema: CountriesFileSchema },
      { path: LAYOUTS_PATH, schema: LayoutsFileSchema },
      { path: CLASSES_FILE, schema: ClassesFileSchema },
    ];
    expect(writeDataCache(files, cache)).toEqual(['data/cable-format.yaml', 'data/cable-countries.yaml', 'data/narrative-layouts.yaml', 'rules/facts/classes.yaml']);
    for (const f of files) expect(loadBundledYaml(f.path, f.schema, cache)).toEqual(loadYamlFile(f.path, f.schema).value);
  });

  test('an edited file wins over the cache; a damaged or missing cache is no cache', () => {
    const d = tmp();
    const file = join(d, 'data.yaml');
    const cache = join(d, 'cache.json');
    writeFileSync(file, 'items:\n  - { name: a, n: 1 }\n');
    writeDataCache([{ path: file, schema: Schema }], cache);
    expect(loadBundledYaml(file, Schema, cache)).toEqual({ items: [{ name: 'a', n: 1 }] });
    writeFileSync(file, 'items:\n  - { name: b, n: 2 }\n');
    expect(loadBundledYaml(file, Schema, cache)).toEqual({ items: [{ name: 'b', n: 2 }] });
    writeFileSync(cache, '{"format": 1, "files": ');
    expect(loadBundledYaml(file, Schema, cache)).toEqual({ items: [{ name: 'b', n: 2 }] });
    expect(loadBundledYaml(file, Schema, join(d, 'none.json'))).toEqual({ items: [{ name: 'b', n: 2 }] });
    // A cache entry is a value, not trusted code: a changed file that breaks the schema is an error, as without a cache.
    writeFileSync(file, 'items:\n  - { name: b, n: two }\n');
    expect(() => loadBundledYaml(file, Schema, cache)).toThrow();
  });

  test('a cache written under another schema is no cache: the YAML is read with today\'s', () => {
    const d = tmp();
    const file = join(d, 'data.yaml');
    const cache = join(d, 'cache.json');
    writeFileSync(file, 'items:\n  - { name: a, n: 1 }\n');
    writeDataCache([{ path: file, schema: Schema }], cache);
    // Today's schema wants another field: the stored value fails it, so the file is read (and fails too).
    const Stricter = z.strictObject({ items: z.array(z.strictObject({ name: z.string(), n: z.number(), unit: z.string() })) });
    expect(() => loadBundledYaml(file, Stricter, cache)).toThrow();
    // Today's schema adds a default: the stored value gets it.
    const Defaulted = z.strictObject({ items: z.array(z.strictObject({ name: z.string(), n: z.number(), unit: z.string().default('each') })) });
    expect(loadBundledYaml(file, Defaulted, cache)).toEqual({ items: [{ name: 'a', n: 1, unit: 'each' }] });
  });

  test('a value JSON would change is refused at build time', () => {
    const d = tmp();
    const file = join(d, 'data.yaml');
    writeFileSync(file, 'when: 2020\n');
    const Mapped = z.strictObject({ when: z.number().transform((y) => new Map([[y, y]])) });
    expect(() => writeDataCache([{ path: file, schema: Mapped }], join(d, 'cache.json'))).toThrow(/does not survive JSON/);
  });
});
