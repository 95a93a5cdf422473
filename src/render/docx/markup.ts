/**
 * The markup the templates produce in the `docx` format: the plain text of the draft, paragraphs
 * separated by a blank line as in the cable, with a few private-use characters marking what plain
 * text cannot say (a heading and its level, bold, a list item, the cable's header block). Evidence
 * text can never forge a mark: `sanitizeView` removes these characters from every string of the
 * view model before a `docx` render.
 */

export const MARK = {
  /** Followed by the level digit, then the heading text, then headingEnd. */
  heading: '\uE000',
  headingEnd: '\uE001',
  bold: '\uE002',
  boldEnd: '\uE003',
  /** At the start of a paragraph: a list item. */
  bullet: '\uE004',
  /** At the start of a paragraph: the cable's header lines, kept line by line. */
  cable: '\uE005',
} as const;

const ANY_MARK = /[\uE000-\uE00F]/g;

/** The view model with every mark character removed from its strings (a deep copy). */
export function sanitizeView<T>(value: T): T {
  if (typeof value === 'string') return value.replace(ANY_MARK, '') as T;
  if (Array.isArray(value)) return value.map((v) => sanitizeView(v)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, sanitizeView(v)])) as T;
  }
  return value;
}

/** A run of text inside a paragraph. */
export interface Span {
  text: string;
  bold: boolean;
}

export type Block =
  | { kind: 'heading'; level: number; spans: Span[] }
  | { kind: 'paragraph'; lines: Span[][] }
  | { kind: 'bullet'; lines: Span[][] }
  | { kind: 'cable'; lines: string[] };

/** Splits one line into plain and bold runs. */
function spans(line: string): Span[] {
  const out: Span[] = [];
  let bold = false;
  let current = '';
  for (const ch of line) {
    if (ch === MARK.bold || ch === MARK.boldEnd) {
      if (current) out.push({ text: current, bold });
      current = '';
      bold = ch === MARK.bold;
    } else current += ch;
  }
  if (current) out.push({ text: current, bold });
  return out;
}

function block(text: string): Block | null {
  if (text.trim() === '') return null;
  if (text.startsWith(MARK.cable)) return { kind: 'cable', lines: text.slice(1).split('\n') };
  if (text.startsWith(MARK.heading)) {
    const level = Number(text[1]);
    const end = text.indexOf(MARK.headingEnd);
    return { kind: 'heading', level, spans: spans(text.slice(2, end === -1 ? undefined : end)) };
  }
  const bullet = text.startsWith(MARK.bullet);
  const body = bullet ? text.slice(1).replace(/^ /, '') : text;
  const lines = body.split('\n').map(spans);
  return bullet ? { kind: 'bullet', lines } : { kind: 'paragraph', lines };
}

/** The paragraphs of a rendered draft: split at blank lines, each classified by its leading mark. */
export function parseMarkup(text: string): Block[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .map((t) => block(t.replace(/^\n+|\n+$/g, '')))
    .filter((b): b is Block => b !== null);
}

/** The plain text of a block, for tests and for matching placeholders. */
export function blockText(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return b.spans.map((s) => s.text).join('');
    case 'cable':
      return b.lines.join('\n');
    default:
      return b.lines.map((l) => l.map((s) => s.text).join('')).join('\n');
  }
}
