/**
 * Characters a text value must not hold. A NUL byte in the file is refused as binary before
 * parsing, but YAML's escapes can still produce one ("\0", "\x00", "\u0000"), and "\uD800" gives a
 * lone surrogate that no UTF-8 output can encode. Neither should reach a draft, a ledger or a
 * terminal; nor should the other control characters (an escape sequence such as "\e[2J" would
 * clear the terminal that prints the value). Tab, line feed, carriage return and NEL are text.
 */

// Built from code points so this file itself holds no control character.
const RANGES: [number, number][] = [
  [0x00, 0x08],
  [0x0b, 0x0c],
  [0x0e, 0x1f],
  [0x7f, 0x84],
  [0x86, 0x9f],
  [0xfffe, 0xffff],
];
const hex = (n: number): string => `\\u${n.toString(16).padStart(4, '0')}`;
const CONTROL = RANGES.map(([a, b]) => `${hex(a)}-${hex(b)}`).join('');
const BAD = new RegExp(`[${CONTROL}]|[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]`);

const NAMES: Record<number, string> = { 0x00: 'NUL', 0x07: 'BEL', 0x08: 'backspace', 0x0b: 'vertical tab', 0x0c: 'form feed', 0x1b: 'ESC', 0x7f: 'DEL' };

export interface BadCharacter {
  /** Index in the string (UTF-16 units). */
  index: number;
  /** "U+0000 (NUL)", "an unpaired surrogate U+D800". */
  description: string;
}

/** The first character of `text` that a value must not hold, or undefined. */
export function findBadCharacter(text: string): BadCharacter | undefined {
  const m = BAD.exec(text);
  if (!m) return undefined;
  const code = m[0].charCodeAt(0);
  const u = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const description = code >= 0xd800 && code <= 0xdfff ? `an unpaired surrogate ${u}` : `the control character ${u}${NAMES[code] ? ` (${NAMES[code]})` : ''}`;
  return { index: m.index, description };
}
