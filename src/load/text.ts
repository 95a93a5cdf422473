/**
 * Small text helpers shared by the loader's diagnostics: how a value "as written" is shown, and how
 * lists of allowed values are ordered. Kept apart so every diagnostic formats values the same way.
 */

/** Longest "found" text shown before truncating: enough to recognise a value, short enough for one line. */
export const FOUND_MAX = 40;

/** One line, at most FOUND_MAX characters (code points, so an emoji is never cut in half). */
export function shorten(text: string, max = FOUND_MAX): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  const chars = Array.from(oneLine);
  if (chars.length <= max) return oneLine;
  return chars.slice(0, max - 1).join('') + '…';
}

/**
 * Natural order ("2" < "2WL" < "3" < "special"), by code point so it does not depend on the locale.
 * zod 4 reorders enum values whose text is an integer (they become integer-like object keys), so the
 * loader sorts allowed values itself to print a stable, readable list.
 */
export function naturalCompare(a: string, b: string): number {
  const pa = a.match(/\d+|\D+/g) ?? [];
  const pb = b.match(/\d+|\D+/g) ?? [];
  const n = Math.min(pa.length, pb.length);
  for (let i = 0; i < n; i++) {
    const x = pa[i] as string;
    const y = pb[i] as string;
    const xd = /^\d/.test(x);
    const yd = /^\d/.test(y);
    if (xd && yd) {
      const d = Number(x) - Number(y);
      if (d !== 0) return d < 0 ? -1 : 1;
    } else if (xd !== yd) {
      return xd ? -1 : 1; // digits before letters, as in "1, 2, 2WL, 3, special"
    }
    if (x !== y) return x < y ? -1 : 1;
  }
  return pa.length - pb.length || (a < b ? -1 : a > b ? 1 : 0);
}

/** A literal as a desk officer would type it: bare when unambiguous, quoted otherwise. */
export function showLiteral(value: unknown): string {
  if (typeof value === 'string') {
    return /^[A-Za-z0-9_./-]+$/.test(value) ? value : JSON.stringify(value);
  }
  if (typeof value === 'bigint') return value.toString();
  if (value === undefined) return 'nothing';
  return String(value);
}

/** "one of a, b, c" or just "a" for a single allowed value. */
export function oneOf(values: readonly unknown[]): string {
  const shown = [...new Set(values.map(showLiteral))].sort(naturalCompare);
  if (shown.length === 1) return shown[0] as string;
  return `one of ${shown.join(', ')}`;
}

export function plural(n: number, one: string, many = one + 's'): string {
  return `${n} ${n === 1 ? one : many}`;
}
