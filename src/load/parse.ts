import { LineCounter, isScalar, parseDocument, visit, type Document, type Node, type YAMLError } from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { makeLocated, pathAtOffset, type Located } from './located.js';
import { internalDiagnostic, sortDiagnostics } from './order.js';
import { checkFlowDepth } from './depth.js';
import { DEFAULT_MAX_BYTES, decodeSource } from './source.js';
import { plural, shorten } from './text.js';
import { RESERVED_KEYS, structuralChecks } from './structure.js';
import { explainSyntax, linesOf, pathNear, type Line } from './syntax-hints.js';

/**
 * Default bound on aliases (`*name`). Anchors are a normal YAML convenience (one list of sources
 * reused under several criteria), so forbidding them outright (0) would reject honest files; yet an
 * evidence, rule or test file never needs many. 10 is an order of magnitude under yaml's own default
 * of 100, and the same bound passed to `toJS({ maxAliasCount })` caps nested expansion (yaml counts
 * uses × aliases inside the anchored node), so a "billion laughs" file fails fast.
 */
export const DEFAULT_MAX_ALIASES = 10;

export { RESERVED_KEYS };

export interface ParseOptions {
  /** Refuse larger inputs (bytes of UTF-8). Default 1 MiB. */
  maxBytes?: number;
  /** Refuse more aliases than this. Default DEFAULT_MAX_ALIASES; 0 forbids aliases. */
  maxAliases?: number;
}

export type ParseResult = { ok: true; doc: Located<unknown> } | { ok: false; diagnostics: Diagnostic[] };

/** Parse YAML text or bytes. Never throws for bad input: returns diagnostics. */
export function parseYaml(source: string | Uint8Array, file: string, opts: ParseOptions = {}): ParseResult {
  try {
    return parseUnsafe(source, file, opts);
  } catch (err) {
    return { ok: false, diagnostics: [internalDiagnostic(file, err)] };
  }
}

type At = (offset: number) => { line: number; col: number };

function parseUnsafe(source: string | Uint8Array, file: string, opts: ParseOptions): ParseResult {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxAliases = opts.maxAliases ?? DEFAULT_MAX_ALIASES;
  const decoded = decodeSource(source, file, maxBytes);
  if (!decoded.ok) return decoded;
  // A lone CR ends a line (YAML 1.2 §5.4), but yaml counts lines by LF only: a file saved with old
  // Mac line ends would read as one line. CRLF is left alone; the columns do not change.
  const text = decoded.text.includes('\r') ? decoded.text.replace(/\r(?!\n)/g, '\n') : decoded.text;
  const tooDeep = checkFlowDepth(text, file);
  if (tooDeep) return { ok: false, diagnostics: [tooDeep] };

  const { doc, lc } = parseTree(text);
  const at: At = (offset) => lc.linePos(offset);
  const diagnostics = syntaxDiagnostics(doc, text, file, at);
  const root = doc.contents as Node | null;
  if (root === null || (isScalar(root) && root.value === null && text.slice(root.range?.[0] ?? 0, root.range?.[1] ?? 0).trim() === '')) {
    if (diagnostics.length === 0) {
      diagnostics.push({ file, line: 0, col: 0, path: [], code: 'empty-document', expected: 'a YAML document', found: 'an empty file (nothing but blank lines or comments)' });
    }
    return { ok: false, diagnostics: sortDiagnostics(diagnostics) };
  }
  // A tree with syntax errors is half guesswork: its keys and aliases would give made-up problems.
  if (diagnostics.length === 0) diagnostics.push(...structuralChecks(doc, file, text, maxAliases, at));
  if (diagnostics.length > 0) return { ok: false, diagnostics: sortDiagnostics(diagnostics) };
  const value = toValue(doc, maxAliases, file, at);
  if (!value.ok) return value;
  return { ok: true, doc: makeLocated(value.value, file, doc, lc, text) };
}

function parseTree(text: string): { doc: Document; lc: LineCounter } {
  const lc = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter: lc,
    // YAML 1.2 core schema whatever a `%YAML 1.1` directive says: yes/no stay strings, dates stay
    // strings, and the 1.1 tags yaml would otherwise still resolve (!!binary → Buffer, !!set → Set,
    // !!timestamp → Date) become unknown tags, reported below.
    version: '1.2',
    schema: 'core',
    resolveKnownTags: false,
    merge: false,
    // Duplicate keys are found in structuralChecks, in linear time (see there).
    uniqueKeys: false,
    prettyErrors: false,
    // Never let yaml print to the console (it warns about collection keys through emitWarning).
    // Not 'silent': that level also drops the MULTIPLE_DOCS error (yaml 2.9.1 public-api.js).
    logLevel: 'error',
  });
  return { doc, lc };
}

/** yaml's errors: a tab or a colon in prose explained (syntax-hints.ts), the rest as they come. */
function syntaxDiagnostics(doc: Document, text: string, file: string, at: At): Diagnostic[] {
  const problems = [...doc.errors, ...doc.warnings];
  if (problems.length === 0) return [];
  const lines = linesOf(text);
  const explained = explainSyntax(problems, lines, doc, file, (o) => at(o).line - 1);
  return [...explained.diagnostics, ...explained.remaining.map((e) => fromYamlError(e, file, text, doc, at, lines))];
}

function toValue(doc: Document, maxAliases: number, file: string, at: At): { ok: true; value: unknown } | { ok: false; diagnostics: Diagnostic[] } {
  try {
    // The alias bound goes to toJS: parseDocument ignores maxAliasCount (engineering notes §3.2).
    // yaml counts the anchor itself as the first use (toJS.js starts `count` at 1) and multiplies
    // by the aliases nested inside the anchored node, so +1 lets exactly `maxAliases` flat aliases
    // through while nested expansion still trips it. 0 keeps yaml's meaning: no aliases at all.
    return { ok: true, value: doc.toJS({ maxAliasCount: maxAliases === 0 ? 0 : maxAliases + 1 }) };
  } catch (err) {
    if (!(err instanceof ReferenceError && /excessive alias count/i.test(err.message))) throw err;
    const first = firstAlias(doc);
    const p = first?.range ? at(first.range[0]) : { line: 0, col: 0 };
    return {
      ok: false,
      diagnostics: [{
        file, ...p, path: first?.range ? pathAtOffset(doc, first.range[0]) : [], code: 'too-many-aliases',
        expected: `at most ${plural(maxAliases, 'alias', 'aliases')} once nested aliases are expanded`,
        found: 'aliases nested so that they expand far more',
        hint: 'write the values out instead of nesting anchors',
      }],
    };
  }
}

/**
 * yaml's errors and warnings (all are errors for us). Codes with a name of their own; everything
 * else is "yaml-syntax" with yaml's message as the hint. (Duplicate keys are found elsewhere.)
 */
function fromYamlError(e: YAMLError, file: string, text: string, doc: Document, at: At, lines: Line[]): Diagnostic {
  const [start, end] = e.pos;
  const p = at(start);
  const raw = text.slice(start, Math.max(end, start));
  // Whitespace is the point of some errors (a tab used as indentation): show it escaped.
  const written = raw.trim() === '' && raw !== '' ? JSON.stringify(raw) : shorten(raw);
  const path = pathAtOffset(doc, start);
  const base = { file, line: p.line, col: p.col, path };
  const message = e.message.split('\n')[0]?.trim() ?? e.code;
  switch (e.code) {
    case 'MULTIPLE_DOCS':
      return { ...base, path: [], code: 'multiple-documents', expected: 'a single YAML document in the file', found: 'a second document starting here' };
    case 'TAG_RESOLVE_FAILED':
      return { ...base, code: 'unknown-tag', expected: 'a plain value without a tag (or !!str, !!int, !!bool, !!null, !!map, !!seq)', found: `the tag ${written || '(empty)'}` };
    default:
      // The field from the lines around, not from the broken tree (whose "keys" are then words of prose).
      return { ...base, path: pathNear(doc, lines, p.line - 1), code: 'yaml-syntax', expected: 'valid YAML', found: written ? written : start >= text.length ? 'the end of the input' : 'nothing', hint: `${message} [${e.code}]` };
  }
}

function firstAlias(doc: Document): Node | undefined {
  let found: Node | undefined;
  visit(doc, {
    Alias(_k, a) {
      found = a;
      return visit.BREAK;
    },
  });
  return found;
}
