import { Document, isMap, isPair, isScalar, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Edit } from './edits.js';

/**
 * Applies upgrade edits to the text of a YAML file, touching only the lines the edits concern:
 * every other byte (comments, folded paragraphs, blank lines, quoting) stays as it was. The YAML
 * Document API finds the nodes (their source ranges) and renders the new fragments. A mapping
 * written in flow style (`{a: 1}`) that an edit changes is rewritten as a whole, in flow style.
 */

type Plain = Record<string, unknown>;
interface Splice {
  at: number;
  end: number;
  text: string;
}

const lineStart = (t: string, i: number) => t.lastIndexOf('\n', i - 1) + 1;
const lineEnd = (t: string, i: number) => {
  const n = t.indexOf('\n', i);
  return n < 0 ? t.length : n + 1;
};

function mapAt(doc: Document, path: readonly string[]): YAMLMap | undefined {
  const node = path.length === 0 ? doc.contents : doc.getIn(path, true);
  return isMap(node) ? node : undefined;
}

function pairOf(map: YAMLMap, key: string): Pair<Node, Node | null> | undefined {
  return map.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key) as Pair<Node, Node | null> | undefined;
}

/** The column of a block mapping's keys. */
function indentOf(text: string, map: YAMLMap): number {
  const first = map.items[0]?.key as Node | undefined;
  const at = first?.range?.[0] ?? map.range![0];
  return at - lineStart(text, at);
}

/** Start of a block pair: its line, or the comment lines right above it (they belong to it). */
function pairStart(text: string, pair: Pair<Node, Node | null>): number {
  let start = lineStart(text, pair.key.range![0]);
  for (;;) {
    if (start === 0) return start;
    const prev = lineStart(text, start - 1);
    if (!/^\s*#/.test(text.slice(prev, start))) return start;
    start = prev;
  }
}

/** End of a block pair: after the newline of its last non-blank line. */
function pairEnd(text: string, pair: Pair<Node, Node | null>): number {
  const node = pair.value ?? pair.key;
  let end = lineEnd(text, Math.max(node.range![1], node.range![2]) - 1);
  while (end > 0) {
    const start = lineStart(text, end - 1);
    if (text.slice(start, end).trim() !== '' || start === 0) break;
    end = start;
  }
  return end;
}

/** `key: value` as block YAML at `indent` (nested values below it), newline-terminated. */
function renderBlock(key: string, value: unknown, indent: number, comment?: string): string {
  const doc = new Document({ [key]: value });
  if (comment) {
    const pair = (doc.contents as YAMLMap).items[0]!;
    if (isScalar(pair.value)) pair.value.comment = ` ${comment}`;
    else if (isScalar(pair.key)) pair.key.commentBefore = ` ${comment}`;
  }
  const pad = ' '.repeat(indent);
  return doc
    .toString({ lineWidth: 0 })
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => pad + l)
    .join('\n')
    .concat('\n');
}

function renderFlow(value: unknown): string {
  const doc = new Document(value);
  if (isMap(doc.contents)) doc.contents.flow = true;
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false }).trimEnd();
}

function get(plain: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>((v, k) => (v as Plain | undefined)?.[k], plain);
}

/** The flow mappings an edit touches, rewritten whole from the edited value. */
function flowSplices(doc: Document, edits: readonly Edit[], after: unknown): { splices: Splice[]; flowPaths: Set<string> } {
  const flowPaths = new Set<string>();
  const splices: Splice[] = [];
  const parents = edits.flatMap((e) => (e.op === 'add' ? [e.parent] : [e.from.slice(0, -1), e.to.slice(0, -1)]));
  for (const parent of parents) {
    // The outermost flow mapping on the way to the parent is the one to rewrite.
    for (let n = 0; n <= parent.length; n++) {
      const path = parent.slice(0, n);
      const map = mapAt(doc, path);
      if (map?.flow) {
        if (!flowPaths.has(path.join('.'))) {
          flowPaths.add(path.join('.'));
          splices.push({ at: map.range![0], end: map.range![1], text: renderFlow(get(after, path)) });
        }
        break;
      }
    }
  }
  return { splices, flowPaths };
}

const underFlow = (flowPaths: Set<string>, path: readonly string[]) => [...flowPaths].some((f) => f === '' || path.join('.') === f || path.join('.').startsWith(`${f}.`));

/** The splices of block-style edits. */
function blockSplices(text: string, doc: Document, edits: readonly Edit[], flowPaths: Set<string>): Splice[] {
  const splices: Splice[] = [];
  const created = new Map<string, { at: number; indent: number; parts: string[] }>();
  for (const e of edits) {
    if (e.op === 'add') {
      if (underFlow(flowPaths, e.parent)) continue;
      const map = mapAt(doc, e.parent)!;
      const indent = indentOf(text, map);
      const first = map.items[0] as Pair<Node, Node | null> | undefined;
      if (e.first && first) splices.push({ at: pairStart(text, first), end: pairStart(text, first), text: renderBlock(e.key, e.value, indent, e.comment) + '\n' });
      else {
        const last = map.items.at(-1) as Pair<Node, Node | null>;
        const at = pairEnd(text, last);
        splices.push({ at, end: at, text: renderBlock(e.key, e.value, indent, e.comment) });
      }
      continue;
    }
    const fromParent = e.from.slice(0, -1);
    if (underFlow(flowPaths, fromParent) && underFlow(flowPaths, e.to.slice(0, -1))) continue;
    const map = mapAt(doc, fromParent)!;
    const pair = pairOf(map, e.from.at(-1)!)!;
    const indent = indentOf(text, map);
    if (e.to.slice(0, -1).join('.') === fromParent.join('.')) {
      // Renamed in place, with a new value: the key and the value tokens are replaced.
      splices.push({ at: pair.key.range![0], end: pair.key.range![1], text: e.to.at(-1)! });
      if (pair.value) splices.push({ at: pair.value.range![0], end: pair.value.range![1], text: renderFlow(e.value) });
      continue;
    }
    // Moved into a new mapping under the same parent: cut here, gathered where the first one was.
    const target = e.to.slice(0, -1).join('.');
    const start = pairStart(text, pair);
    const end = pairEnd(text, pair);
    const moved = text
      .slice(start, end)
      .split('\n')
      .map((l) => (l === '' ? l : `  ${l}`))
      .join('\n');
    let group = created.get(target);
    if (!group) {
      group = { at: start, indent, parts: [] };
      created.set(target, group);
    }
    group.parts.push(moved);
    splices.push({ at: start, end, text: '' });
  }
  for (const [target, g] of created) {
    splices.push({ at: g.at, end: g.at, text: `${' '.repeat(g.indent)}${target.split('.').at(-1)}:\n${g.parts.join('')}` });
  }
  return splices;
}

/**
 * The text of `text` with `edits` applied; `after` is the edited plain value (applyToPlain),
 * used to rewrite flow mappings. The caller checks that the result parses to `after`.
 */
export function applyToText(text: string, edits: readonly Edit[], after: unknown): string {
  const doc = parseDocument(text, { version: '1.2', schema: 'core', uniqueKeys: false });
  const { splices, flowPaths } = flowSplices(doc, edits, after);
  splices.push(...blockSplices(text, doc, edits, flowPaths));
  // Apply from the end so earlier offsets stay valid; at one offset, the cut first, then the
  // insertions, last pushed first (so they read in the order pushed).
  const ordered = splices.map((s, i) => ({ ...s, i })).sort((a, b) => b.at - a.at || b.end - a.end || b.i - a.i);
  let out = text;
  for (const s of ordered) out = out.slice(0, s.at) + s.text + out.slice(s.end);
  return out;
}
