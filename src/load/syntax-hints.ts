import type { Document, YAMLError } from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { pathAtOffset, type PathSegment } from './located.js';

/**
 * The two YAML traps desk officers fall into, each turned into one diagnostic they can act on
 * instead of the parser's cascade (issue 10):
 * - a tab used to indent a line: YAML forbids it, and yaml reports it with up to seven errors
 *   whose field paths are made of the words that follow;
 * - a colon and a space inside unquoted prose ("Malaysia: it did not"), which YAML reads as a new
 *   key: yaml says "Nested mappings are not allowed in compact mappings".
 * Anything else is left to the caller's generic "expected valid YAML" diagnostics.
 */

interface Line {
  text: string;
  start: number;
}

/** The text's lines, without their line ends, with the offset each starts at. */
function linesOf(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  for (const raw of text.split('\n')) {
    out.push({ text: raw.endsWith('\r') ? raw.slice(0, -1) : raw, start });
    start += raw.length + 1;
  }
  return out;
}

/** `  - title: Report: 2009` -> the key's column and the value after `key: `. */
const KEY_LINE = /^([ \t]*(?:-[ \t]+)*)([^\s#"'\-?:{[][^:#]*?|"[^"]*"|'[^']*'):(?:[ \t]+(.*))?$/;

/** Path of the key on line `i`, read from the parsed (possibly broken) document at that key. */
function keyPath(doc: Document, lines: Line[], i: number): PathSegment[] | undefined {
  const line = lines[i];
  const m = line ? KEY_LINE.exec(line.text) : null;
  if (!line || !m) return undefined;
  return pathAtOffset(doc, line.start + (m[1] as string).length);
}

/** The field a line belongs to: its own key, or the one opened by the previous key line. */
export function pathNear(doc: Document, lines: Line[], i: number): PathSegment[] {
  const own = keyPath(doc, lines, i);
  if (own && !/^[ \t]*\t/.test(lines[i]!.text)) return own;
  for (let j = i - 1; j >= 0; j--) {
    const text = lines[j]!.text;
    if (text.trim() === '' || text.trimStart().startsWith('#')) continue;
    const m = KEY_LINE.exec(text);
    const p = keyPath(doc, lines, j);
    if (!m || !p) continue;
    // `key:` or `key: >-` opens a block: the line is inside it. Otherwise it is a sibling.
    const value = (m[3] ?? '').trim();
    return value === '' || /^[|>][-+0-9]*(\s+#.*)?$/.test(value) ? p : p.slice(0, -1);
  }
  return [];
}

function tabLines(lines: Line[]): number[] {
  return lines.flatMap((l, i) => (/^[ ]*\t/.test(l.text) && l.text.trim() !== '' ? [i] : []));
}

/** Where a plain (unquoted) value holds `: `, looking through its continuation lines too. */
function colonInPlainValue(lines: Line[], i: number): { line: number; col: number; value: string; key: string; lastLine: number } | undefined {
  const m = KEY_LINE.exec(lines[i]!.text);
  const first = m?.[3];
  if (!m || first === undefined || /^["'[{|>&*!%@`]/.test(first)) return undefined;
  const keyIndent = (m[1] as string).length;
  const parts = [{ line: i, col: lines[i]!.text.length - first.length, text: first }];
  for (let j = i + 1; j < lines.length; j++) {
    const t = lines[j]!.text;
    const indent = t.length - t.trimStart().length;
    if (t.trim() === '' || indent <= keyIndent) break;
    parts.push({ line: j, col: indent, text: t.trimStart() });
  }
  let before = 0;
  for (const p of parts) {
    const at = p.text.search(/:(\s|$)/);
    if (at >= 0) {
      const value = parts.map((x) => x.text).join(' ');
      return { line: p.line, col: p.col + at, value: around(value, before + at), key: (m[2] as string).trim(), lastLine: parts[parts.length - 1]!.line };
    }
    before += p.text.length + 1;
  }
  return undefined;
}

/** The text around the colon at `at`, so the "found" shows the colon itself. */
function around(value: string, at: number): string {
  const from = Math.max(0, at - 28);
  const to = Math.min(value.length, at + 14);
  return `${from > 0 ? '…' : ''}${value.slice(from, to)}${to < value.length ? '…' : ''}`;
}

const COLON_CODES = new Set(['BLOCK_AS_IMPLICIT_KEY', 'MULTILINE_IMPLICIT_KEY', 'IMPLICIT_KEY', 'MISSING_CHAR', 'UNEXPECTED_TOKEN']);

export interface Explained {
  diagnostics: Diagnostic[];
  /** yaml's errors that neither trap explains, for the generic diagnostic. */
  remaining: YAMLError[];
}

/**
 * Diagnostics for yaml's errors that come from a tab or a colon. `lineOf` gives the 0-based line
 * of an offset; `lines` are the text's lines (linesOf).
 */
export function explainSyntax(errors: readonly YAMLError[], lines: Line[], doc: Document, file: string, lineOf: (offset: number) => number): Explained {
  if (errors.length === 0) return { diagnostics: [], remaining: [] };
  const tabs = tabLines(lines);
  const firstErrorLine = errors.reduce((min, e) => Math.min(min, lineOf(e.pos[0])), Infinity);
  if (tabs.length > 0 && tabs[0]! <= firstErrorLine + 1) {
    const diagnostics = tabs.slice(0, 20).map((i) => ({
      file, line: i + 1, col: lines[i]!.text.indexOf('\t') + 1, path: pathNear(doc, lines, i), code: 'tab-indent',
      expected: 'indentation with spaces', found: 'a tab',
      hint: 'YAML does not allow tabs for indentation: replace the tab with spaces, lined up with the lines around it',
    }));
    // Everything else yaml says is the tab seen again from another angle.
    return { diagnostics, remaining: [] };
  }
  const out: Diagnostic[] = [];
  const covered = new Set<number>();
  for (const e of errors) {
    const line = lineOf(e.pos[0]);
    if (covered.has(line) || !COLON_CODES.has(e.code)) continue;
    // The error sits on the value's line; the key is on that line (or, for a continuation line, above).
    let keyLine = line;
    while (keyLine > 0 && !KEY_LINE.test(lines[keyLine]!.text)) keyLine--;
    const c = colonInPlainValue(lines, keyLine);
    if (!c) continue;
    for (let k = keyLine; k <= c.lastLine; k++) covered.add(k);
    out.push({
      file, line: c.line + 1, col: c.col + 1, path: keyPath(doc, lines, keyLine) ?? pathNear(doc, lines, keyLine), code: 'colon-in-text',
      expected: 'text in quotes when it holds a colon followed by a space (YAML reads ": " as the start of a new key)',
      found: JSON.stringify(c.value),
      hint: `write ${c.key}: "…" with the text in double quotes (a " inside becomes \\"), or ${c.key}: >- with the text on the next lines, indented`,
    });
  }
  // yaml's other errors on the lines explained are the same mistake seen again.
  return { diagnostics: out, remaining: errors.filter((e) => !covered.has(lineOf(e.pos[0]))) };
}

export { linesOf, type Line };
