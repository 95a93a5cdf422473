import { isMap, isPair, isScalar, type Document, type Pair, YAMLMap } from 'yaml';

/**
 * The changes that upgrade an evidence file, as data: applied to plain values when a version 1
 * file is read (src/evidence/load.ts) and to the YAML document, comments kept, by `tip migrate`.
 * One list of edits for both, so a migrated file means what the old one meant.
 */
export type Edit =
  /** Add `key: value` to the mapping at `parent` (created when missing); `first` puts it first. */
  | { op: 'add'; parent: string[]; key: string; value: unknown; first?: boolean; comment?: string; why: string }
  /** Move a key (with its comments) to `to`, optionally with a new value. */
  | { op: 'move'; from: string[]; to: string[]; value?: unknown; why: string };

export function describeEdit(e: Edit): string {
  if (e.op === 'add') return `${[...e.parent, e.key].join('.')}: ${JSON.stringify(e.value)} (added: ${e.why})`;
  return `${e.from.join('.')} -> ${e.to.join('.')}${e.value !== undefined ? ` = ${JSON.stringify(e.value)}` : ''} (${e.why})`;
}

type Plain = Record<string, unknown>;

function mapAt(root: Plain, path: string[], create: boolean): Plain | undefined {
  let cur: Plain = root;
  for (const seg of path) {
    const next = cur[seg];
    if (next === undefined && create) cur[seg] = {};
    else if (next === null || typeof next !== 'object' || Array.isArray(next)) return undefined;
    cur = cur[seg] as Plain;
  }
  return cur;
}

/** Applies the edits to a plain (parsed, unvalidated) value; returns a new value. */
export function applyToPlain(value: unknown, edits: readonly Edit[]): unknown {
  const root = structuredClone(value) as Plain;
  for (const e of edits) {
    if (e.op === 'add') {
      const parent = mapAt(root, e.parent, true)!;
      if (e.first) {
        const rest = { ...parent };
        for (const k of Object.keys(parent)) delete parent[k];
        Object.assign(parent, { [e.key]: e.value }, rest);
      } else parent[e.key] = e.value;
    } else {
      const from = mapAt(root, e.from.slice(0, -1), false)!;
      const old = from[e.from.at(-1)!];
      delete from[e.from.at(-1)!];
      mapAt(root, e.to.slice(0, -1), true)![e.to.at(-1)!] = e.value !== undefined ? e.value : old;
    }
  }
  return root;
}

function docMapAt(doc: Document, path: string[], create: boolean): YAMLMap | undefined {
  let cur: unknown = doc.contents;
  for (const seg of path) {
    if (!isMap(cur)) return undefined;
    const map = cur as YAMLMap<unknown, unknown>;
    let next: unknown = map.get(seg, true);
    if (next === undefined && create) {
      next = new YAMLMap();
      map.set(seg, next);
    }
    cur = next;
  }
  return isMap(cur) ? cur : undefined;
}

function pairOf(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key) as Pair | undefined;
}

/**
 * The header comment of a file (the paragraphs before the first key) stays at the top when a key
 * is put first; the paragraph right above the old first key stays with that key.
 */
function takeHeader(first: Pair | undefined): string | undefined {
  const key = first?.key;
  if (!isScalar(key) || !key.commentBefore) return undefined;
  const at = key.commentBefore.lastIndexOf('\n\n');
  if (at < 0) return undefined;
  const header = key.commentBefore.slice(0, at);
  key.commentBefore = key.commentBefore.slice(at + 2);
  return header;
}

/** Applies the edits to a YAML document in place, keeping every comment. */
export function applyToDocument(doc: Document, edits: readonly Edit[]): void {
  for (const e of edits) {
    if (e.op === 'add') {
      const parent = docMapAt(doc, e.parent, true)!;
      const node = doc.createNode(e.value);
      if (e.comment && isScalar(node)) node.comment = ` ${e.comment}`;
      const pair = doc.createPair(e.key, node);
      if (e.first) {
        const header = takeHeader(parent.items[0] as Pair | undefined);
        if (header !== undefined && isScalar(pair.key)) {
          pair.key.commentBefore = header;
          pair.key.spaceBefore = false;
        }
        parent.items.unshift(pair);
        const next = parent.items[1]?.key;
        if (header !== undefined && isScalar(next)) next.spaceBefore = true;
      } else parent.items.push(pair);
    } else {
      const from = docMapAt(doc, e.from.slice(0, -1), false)!;
      const pair = pairOf(from, e.from.at(-1)!)!;
      from.items.splice(from.items.indexOf(pair), 1);
      const target = docMapAt(doc, e.to.slice(0, -1), true)!;
      if (isScalar(pair.key)) pair.key.value = e.to.at(-1)!;
      if (e.value !== undefined) {
        const old = pair.value;
        const node = doc.createNode(e.value);
        if (isScalar(old) && old.comment && !isScalar(node)) {
          // An inline comment on the old scalar goes above the key of the new block.
          if (isScalar(pair.key)) pair.key.commentBefore = [pair.key.commentBefore, old.comment].filter(Boolean).join('\n');
        } else if (isScalar(old) && isScalar(node)) node.comment = old.comment;
        pair.value = node;
      }
      target.items.push(pair);
    }
  }
}
