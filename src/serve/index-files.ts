import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { DEFAULT_MAX_BYTES, parseYaml } from '../load/index.js';
import { tooLarge } from '../load/source.js';
import type { Workspace } from './workspace.js';

/**
 * What each evidence file of the workspace is about (country and report year), read from the
 * file and remembered until the file changes, so finding "last year's file" or listing the
 * workspace does not parse every file on every request.
 */

export interface FileIdentity {
  path: string;
  iso3: string | null;
  year: number | null;
  name: string | null;
  /** The parsed value, or undefined when the text is not YAML the loader accepts. */
  value: unknown;
  /** The file's bytes (empty when it is over the loader's 1 MiB cap, which the checks then report). */
  bytes: Uint8Array;
  /** The bytes as text, for the page. */
  text: string;
  /** Set when the file is over the 1 MiB cap: it is then neither read nor parsed. */
  oversize: Diagnostic | null;
  stamp: string;
}

export class FileIndex {
  private readonly known = new Map<string, FileIdentity>();

  constructor(private readonly workspace: Workspace) {}

  identity(rel: string): FileIdentity | undefined {
    const abs = join(this.workspace.root, ...rel.split('/'));
    const st = statSync(abs, { throwIfNoEntry: false });
    if (!st || !st.isFile()) return undefined;
    const stamp = `${st.mtimeMs}:${st.size}`;
    const hit = this.known.get(rel);
    if (hit && hit.stamp === stamp) return hit;
    // Never more than the loader would read: a larger file is reported, not loaded.
    const oversize = st.size > DEFAULT_MAX_BYTES ? tooLarge(rel, st.size, DEFAULT_MAX_BYTES) : null;
    const bytes = oversize ? new Uint8Array(0) : readFileSync(abs);
    const text = Buffer.from(bytes).toString('utf8');
    const parsed = oversize ? null : parseYaml(bytes, rel);
    const value = parsed?.ok ? parsed.doc.value : undefined;
    const obj = (value ?? {}) as { country?: { iso3?: unknown; name?: unknown }; report_year?: unknown };
    const identity: FileIdentity = {
      path: rel,
      iso3: typeof obj.country?.iso3 === 'string' ? obj.country.iso3 : null,
      year: typeof obj.report_year === 'number' ? obj.report_year : null,
      name: typeof obj.country?.name === 'string' ? obj.country.name : null,
      value,
      bytes,
      text,
      oversize,
      stamp,
    };
    this.known.set(rel, identity);
    return identity;
  }

  all(): FileIdentity[] {
    return this.workspace.listEvidence().flatMap((rel) => this.identity(rel) ?? []);
  }

  /** The country's file for the year before, or else its latest earlier file in the workspace. */
  previous(iso3: string, year: number): FileIdentity | undefined {
    const earlier = this.all().filter((f) => f.iso3 === iso3 && f.year !== null && f.year < year && f.value !== undefined);
    earlier.sort((a, b) => b.year! - a.year! || (a.path < b.path ? -1 : 1));
    return earlier[0];
  }
}
