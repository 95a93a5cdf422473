import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { writeFileAtomic } from '../fsutil/atomic-write.js';
import { OutputError } from '../fsutil/errors.js';
import { isTempName } from '../fsutil/temp-files.js';
import type { BackgroundWriter, WrittenFile } from './background-writer.js';

/**
 * OUT/manifest.json: the list of every file a batch wrote, with its SHA-256 and size, written
 * LAST. A batch removes the old manifest before it writes anything, so:
 * - no manifest: the run was killed (or failed) midway; the folder may mix old and new drafts;
 * - a manifest: the run finished; `verifyManifest` tells whether every file is still the one it
 *   wrote (a later run killed midway would have removed the manifest first).
 * The manifest holds no time or path outside OUT, so the same inputs give the same bytes.
 */

export const MANIFEST_NAME = 'manifest.json';
export const MANIFEST_FORMAT = 1;

export interface Manifest {
  format: number;
  /** The report year of the batch. */
  year: number;
  /** Paths relative to OUT, with `/`, sorted. */
  files: { path: string; sha256: string; bytes: number }[];
}

/** Before a batch writes into OUT: the old manifest goes, so a killed run is never taken for a finished one. */
export function invalidateManifest(outDir: string): void {
  try {
    rmSync(join(outDir, MANIFEST_NAME), { force: true });
  } catch (err) {
    // No folder there (yet, or a file in its place): nothing to remove; the first write says why it fails.
    if ((err as NodeJS.ErrnoException).code === 'ENOTDIR') return;
    throw OutputError.from(join(outDir, MANIFEST_NAME), err);
  }
}

function toEntry(outDir: string, f: WrittenFile): Manifest['files'][number] {
  return { path: relative(outDir, f.path).split(sep).join('/'), sha256: f.sha256, bytes: f.bytes };
}

/**
 * Writes the report files (after every draft is on disk), then the manifest of everything the
 * writer wrote. Returns the paths written, relative to OUT, manifest last.
 */
export async function finishOutput(outDir: string, year: number, writer: BackgroundWriter, reportFiles: readonly (readonly [string, string | Uint8Array])[]): Promise<string[]> {
  await writer.flush();
  for (const [name, content] of reportFiles) await writer.write(join(outDir, name), content);
  await writer.flush();
  const files = writer.written().map((f) => toEntry(outDir, f)).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const manifest: Manifest = { format: MANIFEST_FORMAT, year, files };
  writeFileAtomic(join(outDir, MANIFEST_NAME), JSON.stringify(manifest, null, 2) + '\n');
  return [...reportFiles.map(([name]) => name), MANIFEST_NAME];
}

export interface ManifestCheck {
  /** A manifest was found and read. */
  complete: boolean;
  /** Listed but absent. */
  missing: string[];
  /** Listed, present, different bytes. */
  changed: string[];
  /** Present in OUT (outside our temporary files) but not listed: left by an earlier run. */
  unlisted: string[];
}

function filesUnder(dir: string, root = dir): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return filesUnder(p, root);
    return e.name === MANIFEST_NAME && dir === root ? [] : [relative(root, p).split(sep).join('/')];
  });
}

/** Compares OUT with its manifest: what a reader can check after a crash or a copy. */
export function verifyManifest(outDir: string): ManifestCheck {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(join(outDir, MANIFEST_NAME), 'utf8')) as Manifest;
  } catch {
    return { complete: false, missing: [], changed: [], unlisted: filesUnder(outDir).filter((p) => !isTempName(p.split('/').pop() ?? '')) };
  }
  const listed = new Set(manifest.files.map((f) => f.path));
  const missing: string[] = [];
  const changed: string[] = [];
  for (const f of manifest.files) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(join(outDir, f.path));
    } catch {
      missing.push(f.path);
      continue;
    }
    if (createHash('sha256').update(bytes).digest('hex') !== f.sha256) changed.push(f.path);
  }
  const unlisted = filesUnder(outDir).filter((p) => !listed.has(p) && !isTempName(p.split('/').pop() ?? ''));
  return { complete: true, missing, changed, unlisted };
}
