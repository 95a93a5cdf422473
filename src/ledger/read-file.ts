import { DiagnosticList } from '../diagnostics/collect.js';
import { InputError } from '../diagnostics/diagnostic.js';
import { readRegularFile } from '../fsutil/read.js';
import { sortDiagnostics } from '../load/order.js';
import { decodeSource } from '../load/source.js';
import { readHeader, type Header } from './cells.js';
import { parseCsv, type CsvRecord } from './csv.js';

/**
 * Reading a ledger or waivers file: a regular file (never a FIFO or a device, which would block
 * or never end), of at most LEDGER_MAX_BYTES, in UTF-8. A file in another encoding is refused with
 * the line and column of its first bad byte rather than read with replacement characters: a
 * cp1252 "Côte d’Ivoire" would otherwise come back from `tip record` as U+FFFD, for good.
 */

/**
 * The published ledger is 72 KB for 25 reports of some 190 countries; 4 MiB holds over fifty
 * times that. At the cap, the worst file (every row a duplicate) is refused in about 3 s.
 */
export const LEDGER_MAX_BYTES = 4 * 1024 * 1024;

export function readCsvText(path: string, shownAs: string, maxBytes = LEDGER_MAX_BYTES): string {
  const read = readRegularFile(path, maxBytes, shownAs);
  if (!read.ok) throw new InputError([{ ...read.diagnostic, code: read.diagnostic.code === 'unreadable' ? 'unreadable-file' : read.diagnostic.code, expected: read.diagnostic.code === 'unreadable' ? 'a readable CSV file' : read.diagnostic.expected }]);
  const decoded = decodeSource(read.bytes, shownAs, maxBytes);
  if (!decoded.ok) throw new InputError(decoded.diagnostics);
  // The decoder drops a byte-order mark; it is kept here, so a rewrite keeps it too (csv-parse skips it).
  const b = read.bytes;
  return b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? `\ufeff${decoded.text}` : decoded.text;
}

/** The CSV records of a file, or undefined (the syntax error is in the list). */
export function parseRecords(text: string, file: string, diagnostics: DiagnosticList): CsvRecord[] | undefined {
  const csv = parseCsv(text, file);
  if (!csv.ok) {
    diagnostics.push(csv.diagnostic);
    return undefined;
  }
  return csv.records;
}

/**
 * A CSV file's header (with the `required` columns) and its rows, or an InputError when either
 * cannot be read. The rows' problems are for the caller to add to `diagnostics`.
 */
export function parseTable(text: string, file: string, required: readonly string[]): { header: Header; rows: CsvRecord[]; diagnostics: DiagnosticList } {
  const diagnostics = new DiagnosticList();
  const records = parseRecords(text, file, diagnostics);
  if (!records) fail(diagnostics);
  const header = readHeader(records[0], file, required, diagnostics);
  if (!header) fail(diagnostics);
  return { header, rows: records.slice(1), diagnostics };
}

export function fail(diagnostics: DiagnosticList): never {
  throw new InputError(sortDiagnostics(diagnostics.items), diagnostics.omitted);
}

export { DiagnosticList };
