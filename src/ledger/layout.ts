/**
 * A CSV file as it is laid out on disk: each record's exact text and line end, blank lines
 * included, so that a writer can change one record and leave every other byte as it was (the
 * order, the quoting, CRLF or LF, a byte-order mark, a missing final newline). `tip record` edits
 * a ledger this way; a one-line change is what a reviewer expects to see in git.
 */

export interface RawRecord {
  /** The record's text, without its line end (a quoted field may hold line breaks). */
  text: string;
  /** '\r\n', '\n', '\r', or '' for a last line with no line end. */
  eol: string;
  /** True for an empty line, which CSV readers skip. */
  blank: boolean;
}

export interface Layout {
  bom: string;
  records: RawRecord[];
}

/**
 * Splits CSV text into records at the line ends outside double quotes. The text must be
 * well-formed CSV (the ledger reader checks it first): there, a quote either opens or closes a
 * quoted field, or is one of the pair "" that stands for a quote and toggles twice.
 */
export function splitLayout(text: string): Layout {
  const bom = text.startsWith('\ufeff') ? '\ufeff' : '';
  const records: RawRecord[] = [];
  let start = bom.length;
  let quoted = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) {
      const eol = c === '\r' && text[i + 1] === '\n' ? '\r\n' : c;
      const body = text.slice(start, i);
      records.push({ text: body, eol, blank: body === '' });
      i += eol.length - 1;
      start = i + 1;
    }
  }
  if (start < text.length) records.push({ text: text.slice(start), eol: '', blank: false });
  return { bom, records };
}

export function joinLayout(layout: Layout): string {
  return layout.bom + layout.records.map((r) => r.text + r.eol).join('');
}

/** The line end most records use (CRLF, LF or CR), LF for a file with none. */
export function usualEol(layout: Layout): string {
  const counts = new Map<string, number>();
  for (const r of layout.records) if (r.eol !== '') counts.set(r.eol, (counts.get(r.eol) ?? 0) + 1);
  let best = '\n';
  let most = 0;
  for (const [eol, n] of counts) {
    if (n > most) {
      best = eol;
      most = n;
    }
  }
  return best;
}

/** Indexes (in `records`) of the records that are not blank: the header first, then the rows. */
export function contentIndexes(layout: Layout): number[] {
  return layout.records.flatMap((r, i) => (r.blank ? [] : [i]));
}

/**
 * Inserts a record before `records[at]` (at the end when `at` is the length), with the file's
 * usual line end. A file that did not end with a line end still does not: the record before the
 * new last one gets the line end instead.
 */
export function insertRecord(layout: Layout, at: number, text: string): void {
  const eol = usualEol(layout);
  const last = layout.records[layout.records.length - 1];
  if (at === layout.records.length && last && last.eol === '') {
    last.eol = eol;
    layout.records.push({ text, eol: '', blank: false });
    return;
  }
  layout.records.splice(at, 0, { text, eol, blank: false });
}
