import { LineCounter, isAlias, isCollection, isMap, isScalar, isSeq, parseDocument, visit, type Document, type Node, type YAMLError } from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { makeLocated, pathAtOffset, type Located, type PathSegment } from './located.js';
import { internalDiagnostic, sortDiagnostics } from './order.js';
import { checkFlowDepth } from './depth.js';
import { DEFAULT_MAX_BYTES, decodeSource } from './source.js';
import { plural, shorten } from './text.js';
import { findBadCharacter, type BadCharacter } from './characters.js';
import { explainSyntax, linesOf, pathNear, type Line } from './syntax-hints.js';

/**
 * Default bound on aliases (`*name`). Anchors are a normal YAML convenience (one list of sources
 * reused under several criteria), so forbidding them outright (0) would reject honest files; yet an
 * evidence, rule or test file never needs many. 10 is an order of magnitude under yaml's own default
 * of 100, and the same bound passed to `toJS({ maxAliasCount })` caps nested expansion (yaml counts
 * uses × aliases inside the anchored node), so a "billion laughs" file fails fast.
 */
export const DEFAULT_MAX_ALIASES = 10;

/** Keys that can reach an object's prototype once a value is copied with `Object.assign` or spread. */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

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
  const at = (offset: number): { line: number; col: number } => lc.linePos(offset);
  const diagnostics: Diagnostic[] = [];

  const problems = [...doc.errors, ...doc.warnings];
  if (problems.length > 0) {
    const lines = linesOf(text);
    const explained = explainSyntax(problems, lines, doc, file, (o) => at(o).line - 1);
    diagnostics.push(...explained.diagnostics);
    for (const e of explained.remaining) diagnostics.push(fromYamlError(e, file, text, doc, at, lines));
  }

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

  let value: unknown;
  try {
    // The alias bound goes to toJS: parseDocument ignores maxAliasCount (engineering notes §3.2).
    // yaml counts the anchor itself as the first use (toJS.js starts `count` at 1) and multiplies
    // by the aliases nested inside the anchored node, so +1 lets exactly `maxAliases` flat aliases
    // through while nested expansion still trips it. 0 keeps yaml's meaning: no aliases at all.
    value = doc.toJS({ maxAliasCount: maxAliases === 0 ? 0 : maxAliases + 1 });
  } catch (err) {
    if (err instanceof ReferenceError && /excessive alias count/i.test(err.message)) {
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
    throw err;
  }
  return { ok: true, doc: makeLocated(value, file, doc, lc, text) };
}

/**
 * yaml's errors and warnings (all are errors for us). Codes with a name of their own; everything
 * else is "yaml-syntax" with yaml's message as the hint. (Duplicate keys are found elsewhere.)
 */
function fromYamlError(e: YAMLError, file: string, text: string, doc: Document, at: (o: number) => { line: number; col: number }, lines: Line[]): Diagnostic {
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

/** A field path as a parent-linked list: cheap to extend, materialised only for a diagnostic. */
interface PathLink {
  seg: PathSegment;
  up: PathLink | null;
}

function materialise(link: PathLink | null): PathSegment[] {
  const out: PathSegment[] = [];
  for (let l = link; l; l = l.up) out.push(l.seg);
  return out.reverse();
}

type Frame = { kind: 'node'; node: Node | null; path: PathLink | null } | { kind: 'close'; anchor: string; id: Node };

/**
 * What YAML allows but our files must not hold: reserved and non-scalar keys, duplicate keys,
 * dangling or self-referencing aliases, and more aliases than the bound.
 *
 * One pass in document order with an explicit stack (no recursion, so no stack overflow), and
 * nothing quadratic: each mapping's keys go through a Set. This replaces yaml's own `uniqueKeys`
 * check, which compares every key with every earlier one: 8,000 keys took 1.4 s and a 1 MiB file of
 * short keys would take minutes.
 */
function structuralChecks(doc: Document, file: string, text: string, maxAliases: number, at: (o: number) => { line: number; col: number }): Diagnostic[] {
  const out: Diagnostic[] = [];
  let aliasCount = 0;
  let reportedAliasBound = false;
  // Anchors seen so far (the latest node per name, as YAML resolves), and those still open:
  // an alias to an open anchor is inside its own anchored node, a cycle.
  const latest = new Map<string, Node>();
  const open = new Set<Node>();
  const stack: Frame[] = [{ kind: 'node', node: doc.contents as Node | null, path: null }];
  const push = (frames: Frame[]): void => {
    for (let i = frames.length - 1; i >= 0; i--) stack.push(frames[i] as Frame);
  };

  while (stack.length > 0) {
    const frame = stack.pop() as Frame;
    if (frame.kind === 'close') {
      open.delete(frame.id);
      continue;
    }
    const { node, path } = frame;
    if (node === null || node === undefined) continue;
    const children: Frame[] = [];
    if (isScalar(node) && typeof node.value === 'string') {
      const bad = findBadCharacter(node.value);
      if (bad) out.push(badCharacterDiagnostic(file, node, materialise(path), bad, at));
    }
    if (node.anchor) {
      latest.set(node.anchor, node);
      open.add(node);
    }

    if (isAlias(node)) {
      aliasCount++;
      const p = node.range ? at(node.range[0]) : { line: 0, col: 0 };
      if (aliasCount > maxAliases) {
        if (!reportedAliasBound) {
          reportedAliasBound = true;
          out.push({
            file, ...p, path: materialise(path), code: 'too-many-aliases',
            expected: maxAliases === 0 ? 'no aliases (*name)' : `at most ${plural(maxAliases, 'alias', 'aliases')} (*name) in the file`,
            found: `alias number ${aliasCount}, *${node.source}`,
            hint: 'write the value out instead of referring to an anchor',
          });
        }
      } else {
        const target = latest.get(node.source);
        if (target === undefined) {
          out.push({
            file, ...p, path: materialise(path), code: 'unresolved-alias',
            expected: `an anchor &${node.source} defined before this alias`, found: `*${node.source}`,
          });
        } else if (open.has(target)) {
          out.push({
            file, ...p, path: materialise(path), code: 'recursive-alias',
            expected: `an alias outside the value anchored as &${node.source}`, found: `*${node.source} inside it`,
          });
        }
      }
    } else if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        const k = pair.key as Node | null;
        const name = k === null ? '' : keyText(k, text);
        const link: PathLink = { seg: name, up: path };
        if (k !== null && k.range) {
          const p = at(k.range[0]);
          if (!isScalar(k)) {
            out.push({
              file, ...p, path: materialise(link), code: 'complex-key', expected: 'a plain key (a name)',
              found: isAlias(k) ? `the alias *${k.source}` : isCollection(k) ? (isMap(k) ? 'a mapping used as a key' : 'a list used as a key') : 'a complex key',
            });
          } else if (RESERVED_KEYS.has(name)) {
            out.push({
              file, ...p, path: materialise(link), code: 'reserved-key', expected: 'a key other than __proto__, constructor or prototype',
              found: name, hint: 'these names can alter objects built from the file',
            });
          } else if (seen.has(name)) {
            // Keys compare as the JS object will see them: `1` and "1" collide there too.
            out.push({
              file, ...p, path: materialise(link), code: 'duplicate-key', expected: 'each key at most once in a mapping',
              found: `the key ${name} again`,
            });
          }
          seen.add(name);
        }
        // Keys are visited too: an alias or anchor may sit on a key.
        children.push({ kind: 'node', node: k, path }, { kind: 'node', node: (pair.value as Node | null) ?? null, path: link });
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => children.push({ kind: 'node', node: (item as Node | null) ?? null, path: { seg: i, up: path } }));
    }
    if (node.anchor) children.push({ kind: 'close', anchor: node.anchor, id: node });
    push(children);
  }
  return out;
}

function badCharacterDiagnostic(file: string, node: Node, path: PathSegment[], bad: BadCharacter, at: (o: number) => { line: number; col: number }): Diagnostic {
  const p = node.range ? at(node.range[0]) : { line: 0, col: 0 };
  return {
    file, ...p, path, code: 'control-character',
    expected: 'text without control characters or unpaired surrogates',
    found: `${bad.description} at character ${bad.index + 1}`,
    hint: 'remove the escape (such as \\0, \\x1b or \\uD800) from the quoted text; a line break is \\n',
  };
}

function keyText(k: Node, text: string): string {
  if (isScalar(k)) return String(k.value);
  return k.range ? shorten(text.slice(k.range[0], k.range[1])) : '?';
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
