import { isAlias, isCollection, isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node, type Pair, type YAMLMap } from 'yaml';
import { shorten } from './text.js';

export type PathSegment = string | number;
export interface Position {
  line: number;
  col: number;
}

/** A parsed document's plain value, with the means to point at any part of it in the source. */
export interface Located<T> {
  value: T;
  file: string;
  /** Line and column of the value at `path`, or of the nearest enclosing node that exists. */
  locate(path: PathSegment[]): Position;
}

/**
 * What the loader knows about a document beyond the `Located` contract: the YAML tree, to place
 * keys and show values as written. Kept in a WeakMap so `Located` stays a small public type and
 * a `Located` built elsewhere (say, in a test) still works, with coarser positions.
 */
export interface SourceMap {
  /** Position of the key at `path` (the last segment), when it exists in the source. */
  locateKey(path: PathSegment[]): Position | undefined;
  /** The value at `path` as written in the file, shortened; undefined when absent. */
  foundText(path: PathSegment[]): string | undefined;
}

const sourceMaps = new WeakMap<object, SourceMap>();

export function sourceMapOf(doc: Located<unknown>): SourceMap | undefined {
  return sourceMaps.get(doc);
}

/**
 * Each mapping's pairs by key text, built once, so locating N problems in a wide mapping costs
 * N lookups rather than N scans. The last pair wins, as in the JS value yaml builds.
 */
const keyIndexes = new WeakMap<YAMLMap, Map<string, Pair>>();
function keyIndex(map: YAMLMap): Map<string, Pair> {
  let index = keyIndexes.get(map);
  if (!index) {
    index = new Map();
    for (const pair of map.items) {
      const k = pair.key as Node | null;
      if (k && isScalar(k) && k.value !== null && k.value !== undefined) index.set(String(k.value), pair as Pair);
    }
    keyIndexes.set(map, index);
  }
  return index;
}

interface Step {
  node: Node | null;
  /** The key node of the pair that led here, when we came through a mapping. */
  key: Node | null;
}

/** Follow `path` through the YAML tree. Returns every step taken; stops where the path leaves the tree. */
function walk(doc: Document, path: readonly PathSegment[]): { steps: Step[]; complete: boolean } {
  const root = doc.contents as Node | null;
  const steps: Step[] = [{ node: root, key: null }];
  let current: Node | null = root;
  for (const seg of path) {
    // Aliases are followed to their anchor: positions inside are those of the anchored text.
    for (let hops = 0; current && isAlias(current) && hops < 64; hops++) {
      current = (current.resolve(doc) as Node | undefined) ?? null;
    }
    if (current === null) return { steps, complete: false };
    let next: Step | undefined;
    if (isMap(current)) {
      const pair = keyIndex(current).get(String(seg));
      if (pair) next = { node: (pair.value as Node | null) ?? null, key: (pair.key as Node | null) ?? null };
    } else if (isSeq(current)) {
      const index = typeof seg === 'number' ? seg : /^\d+$/.test(seg) ? Number(seg) : -1;
      const item = index >= 0 ? current.items[index] : undefined;
      if (item !== undefined) next = { node: (item as Node | null) ?? null, key: null };
    }
    if (!next) return { steps, complete: false };
    steps.push(next);
    current = next.node;
  }
  return { steps, complete: true };
}

/**
 * Build the `Located` view of a parsed document. `text` must be the exact string that was parsed,
 * and `lc` the LineCounter given to `parseDocument`.
 */
export function makeLocated<T>(value: T, file: string, doc: Document, lc: LineCounter, text: string): Located<T> {
  const pos = (offset: number): Position => lc.linePos(offset);
  const start = (step: Step): number | undefined => {
    const r = step.node?.range ?? step.key?.range;
    return r ? r[0] : undefined;
  };
  const located: Located<T> = {
    value,
    file,
    locate(path) {
      const { steps } = walk(doc, path);
      // A missing key points at the mapping that should hold it: the deepest step with a position.
      // An empty value (`key:` and nothing) has a zero-width node; its key is the better anchor.
      for (let i = steps.length - 1; i >= 0; i--) {
        const step = steps[i] as Step;
        const r = step.node?.range;
        if (r && r[1] > r[0]) return pos(r[0]);
        if (step.key?.range) return pos(step.key.range[0]);
        const s = start(step);
        if (s !== undefined) return pos(s);
      }
      return { line: 1, col: 1 };
    },
  };
  sourceMaps.set(located, {
    locateKey(path) {
      const { steps, complete } = walk(doc, path);
      const last = steps[steps.length - 1];
      if (!complete || !last?.key?.range) return undefined;
      return pos(last.key.range[0]);
    },
    foundText(path) {
      const { steps, complete } = walk(doc, path);
      const last = steps[steps.length - 1];
      if (!complete || !last) return undefined;
      return describeNode(last.node, text);
    },
  });
  return located;
}

/** How a node is shown in "found …": scalars and flow collections as written; block collections by kind. */
export function describeNode(node: Node | null, text: string): string {
  if (node === null) return 'an empty value';
  const r = node.range;
  const written = r ? text.slice(r[0], r[1]) : '';
  if (isCollection(node) && !node.flow) return isMap(node) ? 'a mapping' : 'a list';
  if (written.trim() === '') return 'an empty value';
  if (isScalar(node) && (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED')) {
    const shown = shorten(String(node.value));
    return shown === '' ? 'an empty string' : shown;
  }
  return shorten(written) || 'an empty value';
}

/**
 * Path of the deepest node containing `offset`, for errors yaml reports by position only (an
 * unknown tag, a bad indent). A pair spans from its key to the end of its value, so a position on
 * a key or on a value's tag belongs to that pair. Items are in source order: binary search.
 */
export function pathAtOffset(doc: Document, offset: number): PathSegment[] {
  const path: PathSegment[] = [];
  const spanOf = (item: unknown): [number, number] | undefined => {
    if (isPair(item)) {
      const k = item.key as Node | null;
      const v = item.value as Node | null;
      const from = k?.range?.[0] ?? v?.range?.[0];
      const to = v?.range?.[2] ?? k?.range?.[2];
      return from === undefined || to === undefined ? undefined : [from, Math.max(to, from + 1)];
    }
    const r = (item as Node | null)?.range;
    return r ? [r[0], Math.max(r[2], r[0] + 1)] : undefined;
  };
  const find = (items: readonly unknown[]): number => {
    let lo = 0;
    let hi = items.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const span = spanOf(items[mid]);
      if (!span) return items.findIndex((it) => { const sp = spanOf(it); return !!sp && sp[0] <= offset && offset < sp[1]; });
      if (offset < span[0]) hi = mid - 1;
      else if (offset >= span[1]) lo = mid + 1;
      else return mid;
    }
    return -1;
  };
  let current = doc.contents as Node | null;
  for (let depth = 0; current && depth < 10_000; depth++) {
    if (!isMap(current) && !isSeq(current)) break;
    const items = current.items as unknown[];
    const i = find(items);
    if (i < 0) break;
    const item = items[i];
    if (isPair(item)) {
      const k = item.key as Node | null;
      path.push(k && isScalar(k) ? String(k.value) : '?');
      const v = item.value as Node | null;
      const vs = spanOf(v);
      current = v && vs && vs[0] <= offset && offset < vs[1] ? v : null;
    } else {
      path.push(i);
      current = item as Node | null;
    }
  }
  return path;
}
