import { readdirSync } from 'node:fs';
import { InputError } from '../diagnostics/diagnostic.js';
import { readRegularFile } from '../fsutil/read.js';
import { DEFAULT_MAX_BYTES } from '../load/source.js';

/**
 * The evidence files of a batch folder: every `*.yaml` directly inside it (not in subfolders),
 * sorted by name in code-unit order so that the order, and hence every output, is the same on
 * every machine and locale. An entry that is not a regular file (a FIFO, a link to /dev/zero) is
 * listed too: reading it is refused with a diagnostic, so it shows as a failed file, never as a
 * hang or a silent omission.
 */
export function listEvidenceFiles(dir: string, shownAs: string = dir): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const found = code === 'ENOENT' ? 'no such folder' : code === 'ENOTDIR' ? 'a file' : String(code ?? err);
    throw new InputError([{ file: shownAs, line: 0, col: 0, path: [], code: 'unreadable-folder', expected: 'a folder of evidence files (*.yaml)', found }]);
  }
  return entries
    .filter((e) => !e.isDirectory() && e.name.endsWith('.yaml') && !e.name.startsWith('.'))
    .map((e) => e.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The report year a file declares, read from its text without parsing it, or null when it cannot
 * be told. Only a top-level `report_year: NNNN` line counts (a key at column 1; block scalars and
 * nested keys are indented), and only when there is exactly one, so a file with a repeated or
 * unusual key is assessed in full and its errors reported rather than skipped on a guess.
 * This lets a folder that holds many years be filtered without parsing every file.
 */
export function peekReportYear(text: string): number | null {
  const matches = [...text.matchAll(/^report_year:[ \t]*(\d{4})[ \t]*(?:#.*)?$/gm)];
  if (matches.length !== 1) return null;
  return Number(matches[0]![1]);
}

/**
 * The report year a file declares (peekReportYear), read with the loader's bounds: a regular
 * file of at most 1 MiB. Null when it cannot be told; the full load then reports why.
 */
export function peekFileYear(path: string): number | null {
  const read = readRegularFile(path, DEFAULT_MAX_BYTES);
  if (!read.ok) return null;
  return peekReportYear(Buffer.from(read.bytes.buffer, read.bytes.byteOffset, read.bytes.length).toString('utf8'));
}
