import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { writeFileAtomic } from '../fsutil/atomic-write.js';

/**
 * The files `npm run build` writes beside dist/src so that a run need not parse the package's own
 * YAML (dist/corpus.json, dist/report-years.json, dist/data-cache.json): a JSON object with a
 * `format` number, whose other fields each cache defines, and which a run reads only to compare
 * them with the sources it has (`current`: true when the cache still matches them). Missing,
 * damaged, of another format, not current, or when comparing it fails (a source gone), a cache
 * file is no cache: the YAML files are the source of truth.
 */
export function readBuildCache<T extends object>(path: string, format: number, current: (cache: Partial<T>) => boolean): Partial<T> | undefined {
  if (!existsSync(path)) return undefined;
  try {
    const cache = JSON.parse(readFileSync(path, 'utf8')) as { format?: unknown } & Partial<T>;
    return cache.format === format && current(cache) ? cache : undefined;
  } catch {
    return undefined;
  }
}

/** Writes a build cache atomically: `body` with its `format`. */
export function writeBuildCache(path: string, format: number, body: object): void {
  writeFileAtomic(path, JSON.stringify({ format, ...body }) + '\n');
}

/** The SHA-256 of a file's bytes, in hex: what a build cache compares its sources by. */
export function fileSha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}
