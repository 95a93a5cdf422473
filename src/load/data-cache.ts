import { isDeepStrictEqual } from 'node:util';
import { join, relative, sep } from 'node:path';
import type * as z from 'zod';
import { PACKAGE_ROOT } from '../paths.js';
import { fileSha256 as sha256, readBuildCache, writeBuildCache } from './build-cache.js';
import { loadYamlFile } from './load-file.js';

/**
 * A build-time cache of the package's own YAML data files (the cable formats and posts, the
 * narrative layouts, the what-if fact classes), as the rule corpus and the report years have
 * theirs: `npm run build` checks each file against its schema and writes the checked value as
 * JSON, with the SHA-256 of the file's bytes, into dist/data-cache.json; a run uses a value only
 * while its file is byte-identical and the value passes today's schema, and otherwise reads the
 * YAML, so an edited file (or an edited schema) always wins.
 * Parsing located YAML is the costly part of a cold start (docs/performance.md); hashing a few
 * kilobytes is not.
 */
export const DATA_CACHE_PATH = join(PACKAGE_ROOT, 'dist', 'data-cache.json');
const FORMAT = 1;

interface Entry {
  sha256: string;
  value: unknown;
}

const keyOf = (path: string) => relative(PACKAGE_ROOT, path).split(sep).join('/');

let entries: Record<string, Entry> | null | undefined;

function readEntries(cachePath: string): Record<string, Entry> | null {
  return readBuildCache<{ files: Record<string, Entry> }>(cachePath, FORMAT, (c) => c.files !== undefined)?.files ?? null;
}

/** The checked value of one of the package's YAML data files: from the build's cache while the file is unchanged, else from the file. */
export function loadBundledYaml<S extends z.ZodType>(path: string, schema: S, cachePath: string = DATA_CACHE_PATH): z.output<S> {
  const files = cachePath === DATA_CACHE_PATH ? (entries ??= readEntries(DATA_CACHE_PATH)) : readEntries(cachePath);
  const hit = files?.[keyOf(path)];
  if (hit !== undefined && hit.sha256 === sha256(path)) {
    // Checked again with today's schema: a cache written under another schema (a stale dist/) is
    // no cache. Parsing the stored value costs little beside parsing the YAML with positions.
    const again = schema.safeParse(hit.value);
    if (again.success) return again.data as z.output<S>;
  }
  return loadYamlFile(path, schema).value;
}

/**
 * Checks each file and writes the cache (atomically). A value that JSON would change (a Map, a
 * Date, undefined in an array) is refused: the cache must give back exactly what the file gives.
 */
export function writeDataCache(files: readonly { path: string; schema: z.ZodType }[], cachePath: string = DATA_CACHE_PATH): string[] {
  const out: Record<string, Entry> = {};
  for (const f of files) {
    const value = loadYamlFile(f.path, f.schema).value;
    if (!isDeepStrictEqual(JSON.parse(JSON.stringify(value)), value)) throw new Error(`${keyOf(f.path)}: its checked value does not survive JSON, so it cannot be cached`);
    // A run parses the stored value again (loadBundledYaml): that must give the same value.
    const again = f.schema.safeParse(value);
    if (!again.success || !isDeepStrictEqual(again.data, value)) throw new Error(`${keyOf(f.path)}: its schema does not give back its own checked value, so it cannot be cached`);
    out[keyOf(f.path)] = { sha256: sha256(f.path), value };
  }
  writeBuildCache(cachePath, FORMAT, { files: out });
  entries = undefined;
  return Object.keys(out);
}
