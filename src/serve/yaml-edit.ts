import { Bail, spliceYaml } from './yaml-splice.js';
import { Document, isAlias, isMap, isScalar, isSeq, parseDocument, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';

/**
 * Writing the form's value back into an evidence file without losing what a person wrote there:
 * the value is applied to the parsed YAML document node by node, so comments, key order, quoting
 * and block styles survive wherever the value did not change; only what changed is rewritten.
 * (Re-serialising a plain object would drop every comment: yaml's Document API keeps them.)
 */

/** How the edited document is printed: the house style of examples/ (`[a, b]`, 100 columns). */
export const PRINT_OPTIONS = { lineWidth: 100, flowCollectionPadding: false } as const;

/** Parser options matching src/load/parse.ts, so the document edited is the document validated. */
const PARSE_OPTIONS = { version: '1.2', schema: 'core', resolveKnownTags: false, merge: false, uniqueKeys: false } as const;

type Plain = null | boolean | number | string | Plain[] | { [k: string]: Plain };

function isPlainObject(v: unknown): v is Record<string, Plain> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** A new node for a value: long text as a folded block (`>-`), as the hand-written files have it. */
function createNode(doc: Document, value: unknown): Node {
  const node = doc.createNode(value) as Node;
  const fold = (n: unknown): void => {
    if (isScalar(n) && typeof n.value === 'string' && n.value.length > 60 && !/^\s|\s$|\n/.test(n.value)) n.type = 'BLOCK_FOLDED';
    else if (isMap(n)) for (const p of n.items) fold(p.value);
    else if (isSeq(n)) for (const i of n.items) fold(i);
  };
  fold(node);
  return node;
}

/** Carries the comments of a node that must be replaced (its type changed) onto its replacement. */
function keepComments(from: Node, to: Node): Node {
  if (from.commentBefore) to.commentBefore = from.commentBefore;
  if (from.comment) to.comment = from.comment;
  return to;
}

/** The node for `value` where `node` stood: `node` updated in place when the kinds agree. */
function applyTo(doc: Document, node: Node | null, value: unknown): Node {
  if (node === null || isAlias(node)) return node ? keepComments(node, createNode(doc, value)) : createNode(doc, value);
  if (isPlainObject(value) && isMap(node)) {
    applyMap(doc, node as YAMLMap, value);
    return node;
  }
  if (Array.isArray(value) && isSeq(node)) {
    applySeq(doc, node as YAMLSeq, value);
    return node;
  }
  if (isScalar(node) && (value === null || typeof value !== 'object')) {
    if (node.value !== value) {
      // A folded or literal block stays one only for text; a number in a block would print oddly.
      if (typeof value !== 'string' && (node.type === 'BLOCK_FOLDED' || node.type === 'BLOCK_LITERAL')) delete node.type;
      if (typeof value === 'string' && (node.type === 'PLAIN' || node.type === undefined) && value.length > 60 && !/^\s|\s$|\n/.test(value)) node.type = 'BLOCK_FOLDED';
      node.value = value;
    }
    return node;
  }
  return keepComments(node, createNode(doc, value));
}

function keyOf(pair: Pair): string | undefined {
  const k = pair.key as Node | null;
  return k && isScalar(k) ? String(k.value) : undefined;
}

function applyMap(doc: Document, map: YAMLMap, value: Record<string, unknown>): void {
  const wanted = Object.keys(value).filter((k) => value[k] !== undefined);
  // Keys gone from the value go from the file (with their comments).
  map.items = map.items.filter((p) => {
    const k = keyOf(p as Pair);
    return k === undefined || wanted.includes(k);
  });
  const index = new Map<string, Pair>();
  for (const p of map.items) {
    const k = keyOf(p as Pair);
    if (k !== undefined) index.set(k, p as Pair);
  }
  let lastPlaced = -1;
  for (const k of wanted) {
    const existing = index.get(k);
    if (existing) {
      existing.value = applyTo(doc, (existing.value as Node | null) ?? null, value[k]);
      lastPlaced = map.items.indexOf(existing);
      continue;
    }
    // A new key goes right after the key that precedes it in the value (the schema's order).
    const pair = doc.createPair(k, null) as Pair;
    pair.value = createNode(doc, value[k]);
    map.items.splice(lastPlaced + 1, 0, pair);
    lastPlaced += 1;
  }
}

function applySeq(doc: Document, seq: YAMLSeq, value: unknown[]): void {
  const items = seq.items as (Node | null)[];
  for (let i = 0; i < value.length; i++) {
    if (i < items.length) items[i] = applyTo(doc, items[i] ?? null, value[i]);
    else items.push(createNode(doc, value[i]));
  }
  items.length = value.length;
}

/** A value printed as the house style prints it, long text folded: the text of one spliced node. */
function print(value: unknown, lineWidth: number): string {
  const doc = new Document(null, PARSE_OPTIONS);
  doc.contents = createNode(doc, value) as typeof doc.contents;
  return doc.toString({ ...PRINT_OPTIONS, lineWidth });
}

function readBack(text: string): unknown {
  const doc = parseDocument(text, PARSE_OPTIONS);
  return doc.errors.length > 0 ? Symbol('unreadable') : doc.toJS();
}

/**
 * The file's text with `value` applied to it. First the smallest text edit (yaml-splice.ts: every
 * byte outside the changed nodes kept); when that cannot be done, or does not read back as the
 * value, the document's nodes are edited instead (comments and order kept, the layout reprinted).
 */
export function applyValueToYaml(text: string, value: unknown): string {
  const doc = parseDocument(text, PARSE_OPTIONS);
  if (doc.errors.length > 0) throw new Error(`the file on disk is not valid YAML: ${doc.errors[0]!.message}`);
  const before = doc.toJS();
  if (JSON.stringify(before) === JSON.stringify(value)) return text;
  try {
    const spliced = spliceYaml(text, doc, before, value, print);
    if (JSON.stringify(readBack(spliced)) === JSON.stringify(value)) return spliced;
    if (process.env.TIP_DEBUG) process.stderr.write(`yaml splice: the edit did not read back as the value; reprinting\n${spliced}\n`);
  } catch (err) {
    if (!(err instanceof Bail)) throw err;
    if (process.env.TIP_DEBUG) process.stderr.write(`yaml splice: ${err.message}; reprinting\n`);
  }
  doc.contents = applyTo(doc, (doc.contents as Node | null) ?? null, value) as typeof doc.contents;
  return doc.toString(PRINT_OPTIONS);
}

/** A new file for `value`, with a header comment (say where it came from). */
export function newYamlFile(value: unknown, header: string): string {
  const doc = new Document(null, PARSE_OPTIONS);
  doc.contents = createNode(doc, value) as typeof doc.contents;
  doc.commentBefore = header;
  return doc.toString(PRINT_OPTIONS);
}
