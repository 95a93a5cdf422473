/**
 * Where a new row goes in a ledger, so that the file keeps its own order. The published ledger is
 * sorted by country name then year; others may be sorted by iso3, or not at all. A new year of a
 * country goes among that country's rows, by year; a new country goes where the file's order puts
 * it, or at the end of a file that has no order.
 */

export interface Row {
  fields: string[];
}

export interface RowKey {
  iso3: string;
  year: number;
  /** The name the new row will carry in the `country` column, if the ledger has one. */
  name: string;
}

interface Columns {
  iso: number;
  year: number;
  country: number;
}

const codeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const collator = new Intl.Collator('en', { sensitivity: 'base' });

type Key = (r: Row) => string;

/** The order the rows are in: by name (code units, then as an English reader sorts), by iso3. */
function fileOrder(rows: readonly Row[], cols: Columns): { key: Key; compare: (a: string, b: string) => number } | undefined {
  const year = (r: Row): number => Number(r.fields[cols.year]);
  const byName: Key = (r) => (r.fields[cols.country] ?? '').trim();
  const byIso: Key = (r) => (r.fields[cols.iso] ?? '').trim();
  const candidates: { key: Key; compare: (a: string, b: string) => number }[] = [
    ...(cols.country >= 0 ? [{ key: byName, compare: codeUnits }, { key: byName, compare: collator.compare }] : []),
    { key: byIso, compare: codeUnits },
  ];
  return candidates.find(({ key, compare }) =>
    rows.every((r, i) => {
      if (i === 0) return true;
      const prev = rows[i - 1]!;
      const c = compare(key(prev), key(r));
      return c < 0 || (c === 0 && year(prev) <= year(r));
    }),
  );
}

/** Index in `rows` before which the new row goes (rows.length: at the end). */
export function insertionIndex(rows: readonly Row[], cols: Columns, row: RowKey): number {
  const iso = (r: Row): string => (r.fields[cols.iso] ?? '').trim();
  const own = rows.flatMap((r, i) => (iso(r) === row.iso3 ? [i] : []));
  if (own.length > 0) {
    // Among the country's rows: after the last earlier year, else before its first row.
    const earlier = own.filter((i) => Number(rows[i]!.fields[cols.year]) < row.year);
    return earlier.length > 0 ? earlier[earlier.length - 1]! + 1 : own[0]!;
  }
  const order = fileOrder(rows, cols);
  if (!order) return rows.length;
  const newKey = order.key({ fields: fieldsFor(cols, row) });
  // Upper bound: after every row whose key sorts before or with the new one.
  let at = 0;
  while (at < rows.length && order.compare(order.key(rows[at]!), newKey) <= 0) at++;
  return at;
}

function fieldsFor(cols: Columns, row: RowKey): string[] {
  const fields: string[] = [];
  fields[cols.iso] = row.iso3;
  fields[cols.year] = String(row.year);
  if (cols.country >= 0) fields[cols.country] = row.name;
  return fields;
}
