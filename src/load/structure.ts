import { isAlias, isCollection, isMap, isScalar, isSeq, type Alias, type Document, type Node, type YAMLMap } from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { findBadCharacter } from './characters.js';
import type { PathSegment } from './located.js';
import { plural, shorten } from './text.js';

/** Keys that can reach an object's prototype once a value is copied with `Object.assign` or spread. */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

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
type At = (offset: number) => { line: number; col: number };

/** What one pass over the tree carries: where it reports, and the aliases and anchors seen so far. */
interface Walk {
  file: string;
  text: string;
  maxAliases: number;
  at: At;
  out: Diagnostic[];
  aliasCount: number;
  reportedAliasBound: boolean;
  /** Anchors seen so far (the latest node per name, as YAML resolves), and those still open. */
  latest: Map<string, Node>;
  open: Set<Node>;
}

/**
 * What YAML allows but our files must not hold: reserved and non-scalar keys, duplicate keys,
 * dangling or self-referencing aliases, more aliases than the bound, and text with control
 * characters or lone surrogates (from escapes such as "\0" or "\uD800").
 *
 * One pass in document order with an explicit stack (no recursion, so no stack overflow), and
 * nothing quadratic: each mapping's keys go through a Set. This replaces yaml's own `uniqueKeys`
 * check, which compares every key with every earlier one: 8,000 keys took 1.4 s and a 1 MiB file of
 * short keys would take minutes.
 */
export function structuralChecks(doc: Document, file: string, text: string, maxAliases: number, at: At): Diagnostic[] {
  const w: Walk = { file, text, maxAliases, at, out: [], aliasCount: 0, reportedAliasBound: false, latest: new Map(), open: new Set() };
  const stack: Frame[] = [{ kind: 'node', node: doc.contents as Node | null, path: null }];
  while (stack.length > 0) {
    const frame = stack.pop() as Frame;
    if (frame.kind === 'close') {
      w.open.delete(frame.id);
      continue;
    }
    const { node, path } = frame;
    if (node === null || node === undefined) continue;
    const children: Frame[] = [];
    if (isScalar(node) && typeof node.value === 'string') checkText(w, node, path);
    if (node.anchor) {
      w.latest.set(node.anchor, node);
      w.open.add(node);
    }
    if (isAlias(node)) checkAlias(w, node, path);
    else if (isMap(node)) children.push(...checkKeys(w, node, path));
    else if (isSeq(node)) node.items.forEach((item, i) => children.push({ kind: 'node', node: (item as Node | null) ?? null, path: { seg: i, up: path } }));
    if (node.anchor) children.push({ kind: 'close', anchor: node.anchor, id: node });
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as Frame);
  }
  return w.out;
}

function position(w: Walk, node: Node): { line: number; col: number } {
  return node.range ? w.at(node.range[0]) : { line: 0, col: 0 };
}

function checkText(w: Walk, node: Node & { value: unknown }, path: PathLink | null): void {
  const bad = findBadCharacter(node.value as string);
  if (!bad) return;
  w.out.push({
    file: w.file, ...position(w, node), path: materialise(path), code: 'control-character',
    expected: 'text without control characters or unpaired surrogates',
    found: `${bad.description} at character ${bad.index + 1}`,
    hint: 'remove the escape (such as \\0, \\x1b or \\uD800) from the quoted text; a line break is \\n',
  });
}

function checkAlias(w: Walk, node: Alias, path: PathLink | null): void {
  w.aliasCount++;
  const p = position(w, node);
  if (w.aliasCount > w.maxAliases) {
    if (w.reportedAliasBound) return;
    w.reportedAliasBound = true;
    w.out.push({
      file: w.file, ...p, path: materialise(path), code: 'too-many-aliases',
      expected: w.maxAliases === 0 ? 'no aliases (*name)' : `at most ${plural(w.maxAliases, 'alias', 'aliases')} (*name) in the file`,
      found: `alias number ${w.aliasCount}, *${node.source}`,
      hint: 'write the value out instead of referring to an anchor',
    });
    return;
  }
  const target = w.latest.get(node.source);
  if (target === undefined) {
    w.out.push({ file: w.file, ...p, path: materialise(path), code: 'unresolved-alias', expected: `an anchor &${node.source} defined before this alias`, found: `*${node.source}` });
  } else if (w.open.has(target)) {
    // An alias to an open anchor is inside its own anchored node: a cycle.
    w.out.push({ file: w.file, ...p, path: materialise(path), code: 'recursive-alias', expected: `an alias outside the value anchored as &${node.source}`, found: `*${node.source} inside it` });
  }
}

/** A mapping's keys: plain, not reserved, each once. Returns its keys and values to visit. */
function checkKeys(w: Walk, node: YAMLMap, path: PathLink | null): Frame[] {
  const children: Frame[] = [];
  const seen = new Set<string>();
  for (const pair of node.items) {
    const k = pair.key as Node | null;
    const name = k === null ? '' : keyText(k, w.text);
    const link: PathLink = { seg: name, up: path };
    if (k !== null && k.range) {
      const problem = keyProblem(k, name, seen);
      if (problem) w.out.push({ file: w.file, ...w.at(k.range[0]), path: materialise(link), ...problem });
      seen.add(name);
    }
    // Keys are visited too: an alias or anchor may sit on a key.
    children.push({ kind: 'node', node: k, path }, { kind: 'node', node: (pair.value as Node | null) ?? null, path: link });
  }
  return children;
}

function keyProblem(k: Node, name: string, seen: ReadonlySet<string>): Pick<Diagnostic, 'code' | 'expected' | 'found' | 'hint'> | undefined {
  if (!isScalar(k)) {
    const found = isAlias(k) ? `the alias *${k.source}` : isCollection(k) ? (isMap(k) ? 'a mapping used as a key' : 'a list used as a key') : 'a complex key';
    return { code: 'complex-key', expected: 'a plain key (a name)', found };
  }
  if (RESERVED_KEYS.has(name)) {
    return { code: 'reserved-key', expected: 'a key other than __proto__, constructor or prototype', found: name, hint: 'these names can alter objects built from the file' };
  }
  // Keys compare as the JS object will see them: `1` and "1" collide there too.
  if (seen.has(name)) return { code: 'duplicate-key', expected: 'each key at most once in a mapping', found: `the key ${name} again` };
  return undefined;
}

function keyText(k: Node, text: string): string {
  if (isScalar(k)) return String(k.value);
  return k.range ? shorten(text.slice(k.range[0], k.range[1])) : '?';
}
