import { parse } from 'csv-parse/sync';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

/**
 * The CSV layer of the ledger: records with the line each starts on, and the writer that quotes a
 * field only when it must. Country names contain commas and quotes ("Korea, North"), so this uses
 * csv-parse rather than splitting lines.
 */

export interface CsvRecord {
  /** 1-based line on which the record starts (a quoted field may run over several lines). */
  line: number;
  fields: string[];
  /** 1-based column of each field when the record is plain (no quotes), else all 1. */
  cols: number[];
}

export type CsvResult = { ok: true; records: CsvRecord[] } | { ok: false; diagnostic: Diagnostic };

function lineBreaks(text: string): number {
  return (text.match(/\r\n|\r|\n/g) ?? []).length;
}

/** Where each field starts, when the raw text is exactly the fields joined by commas. */
function columnsOf(raw: string, fields: string[]): number[] {
  if (raw === fields.join(',')) {
    const cols: number[] = [];
    let col = 1;
    for (const f of fields) {
      cols.push(col);
      col += f.length + 1;
    }
    return cols;
  }
  return fields.map(() => 1);
}

interface CsvParseError {
  code?: string;
  message: string;
  lines?: number;
}

/**
 * Parses CSV text into records (header included). Accepts a byte-order mark, CRLF, LF or CR line
 * ends (mixed within a file too) and skips empty lines. A record with a different number of fields
 * from the header is returned as is: the caller reports it with its own wording.
 */
export function parseCsv(text: string, file: string): CsvResult {
  let rows: { record: string[]; info: { lines: number }; raw: string }[];
  try {
    rows = parse(text, {
      bom: true,
      info: true,
      raw: true,
      skip_empty_lines: true,
      relax_column_count: true,
      record_delimiter: ['\r\n', '\n', '\r'],
    }) as unknown as { record: string[]; info: { lines: number }; raw: string }[];
  } catch (err) {
    const e = err as CsvParseError;
    return {
      ok: false,
      diagnostic: {
        file,
        line: typeof e.lines === 'number' ? e.lines : 0,
        col: 1,
        path: [],
        code: 'csv-syntax',
        expected: 'well-formed CSV (RFC 4180: fields with commas, quotes or line breaks in double quotes, "" for a quote)',
        found: e.code ? `${e.code}: ${e.message.replace(/\s+/g, ' ')}` : e.message,
      },
    };
  }
  const records: CsvRecord[] = rows.map((r) => {
    // info.lines is the line the record ends on; only a quoted field can hold a line break, so the
    // breaks inside the fields say how many lines earlier the record starts. The raw text may carry
    // skipped empty lines and part of a CRLF around it, hence the trim before comparing.
    const inside = r.record.reduce((n, f) => n + lineBreaks(f), 0);
    const raw = r.raw.replace(/^[\r\n]+|[\r\n]+$/g, '');
    return { line: r.info.lines - inside, fields: r.record, cols: columnsOf(raw, r.record) };
  });
  return { ok: true, records };
}

/** RFC 4180 quoting, only when the field needs it, so a rewritten file stays byte-stable. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvLine(fields: readonly string[]): string {
  return fields.map(csvField).join(',');
}

/**
 * A cell a spreadsheet would run as a formula (`=HYPERLINK(...)`, `@SUM(...)`, `+1`, `-1`, or one
 * starting with a tab or a carriage return) gets a leading apostrophe, as OWASP's guidance on
 * CSV injection says: Excel, LibreOffice and Google Sheets then show it as text. Only free text
 * goes through this (the country name); codes, years and tiers are checked values.
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
