import { Document, isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';

/**
 * The smallest text edit that turns a YAML file into one holding a new value: the parsed tree
 * gives each node's source range, and only the nodes whose value changed are rewritten, in place,
 * at their own indentation. Every other byte of the file (comments, their alignment, how a
 * paragraph was folded, quoting) is kept as it was, so `git diff` shows exactly what the officer
 * changed. Anything this cannot edit cleanly (a comment between a key and its value, a flow
 * collection growing keys) throws Bail and the caller falls back to the Document API.
 */

export class Bail extends Error {}

interface Edit {
  start: number;
  end: number;
  text: string;
}

type Printer = (value: unknown, lineWidth: number) => string;

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

class Splicer {
  readonly edits: Edit[] = [];
  constructor(
    private readonly text: string,
    private readonly print: Printer,
  ) {}

  private lineStart(offset: number): number {
    return this.text.lastIndexOf('\n', offset - 1) + 1;
  }

  private column(offset: number): number {
    return offset - this.lineStart(offset);
  }

  /** `text` with every line after the first moved right by `indent` spaces (blank lines left blank). */
  private static indentRest(text: string, indent: number): string {
    return text.replace(/\n(?=[^\n])/g, `\n${' '.repeat(indent)}`);
  }

  private printed(value: unknown, indent: number): string {
    return this.print(value, Math.max(40, 100 - indent)).replace(/\n$/, '');
  }

  /** End of a node's value, not counting the newline that ends its last line. */
  private valueEnd(node: Node): number {
    const end = node.range![1];
    return this.text[end - 1] === '\n' ? end - 1 : end;
  }

  /** Replaces a map value in place: the text after `key:`, at the key's indentation. */
  private replaceMapValue(pair: Pair, value: unknown): void {
    const key = pair.key as Node;
    const node = pair.value as Node | null;
    const colon = this.text.indexOf(':', key.range![1]);
    const start = colon + 1;
    const end = node?.range ? this.valueEnd(node) : start;
    if (node?.range && this.text.slice(start, node.range[0]).trim() !== '') throw new Bail('a comment between a key and its value');
    const after = this.printed({ k: value }, this.column(key.range![0])).slice(2);
    this.edits.push({ start, end, text: Splicer.indentRest(after, this.column(key.range![0])) });
  }

  /** Replaces a list item in place: the text after its dash. */
  private replaceSeqItem(item: Node, value: unknown): void {
    const dash = this.text.lastIndexOf('-', item.range![0] - 1);
    if (dash < 0 || this.text.slice(dash + 1, item.range![0]).trim() !== '') throw new Bail('a list item whose dash cannot be found');
    const after = this.printed([value], this.column(dash)).slice(1);
    this.edits.push({ start: dash + 1, end: this.valueEnd(item), text: Splicer.indentRest(after, this.column(dash)) });
  }

  /** The lines of a pair, with the comment lines right above it at its indentation. */
  private pairSpan(pair: Pair): [number, number] {
    const key = pair.key as Node;
    let start = this.lineStart(key.range![0]);
    const indent = this.column(key.range![0]);
    for (;;) {
      const prev = this.lineStart(start - 1);
      const line = this.text.slice(prev, start - 1);
      if (start === 0 || !/^\s*#/.test(line) || line.length - line.trimStart().length !== indent) break;
      start = prev;
    }
    const node = pair.value as Node | null;
    const last = node?.range ? node.range[1] : key.range![1];
    const end = this.text.indexOf('\n', Math.max(last - 1, key.range![1]));
    return [start, end < 0 ? this.text.length : end + 1];
  }

  private insertAt(offset: number, text: string): void {
    const prefix = offset > 0 && this.text[offset - 1] !== '\n' ? '\n' : '';
    this.edits.push({ start: offset, end: offset, text: prefix + text });
  }

  map(map: YAMLMap, before: Record<string, unknown>, after: Record<string, unknown>): void {
    if (map.flow || map.items.length === 0) throw new Bail('a flow or empty mapping');
    const pairs = new Map<string, Pair>();
    for (const p of map.items as Pair[]) {
      if (!isScalar(p.key)) throw new Bail('a complex key');
      pairs.set(String(p.key.value), p);
    }
    const keyIndent = this.column(((map.items[0] as Pair).key as Node).range![0]);
    for (const [k, p] of pairs) {
      if (k in after) continue;
      const [start, end] = this.pairSpan(p);
      this.edits.push({ start, end, text: '' });
    }
    let insertAt = this.pairSpan(map.items[0] as Pair)[0];
    for (const [k, v] of Object.entries(after)) {
      const p = pairs.get(k);
      if (p) {
        if (!same(before[k], v)) this.value(p, before[k], v);
        insertAt = this.pairSpan(p)[1];
      } else {
        this.insertAt(insertAt, `${' '.repeat(keyIndent)}${Splicer.indentRest(this.printed({ [k]: v }, keyIndent), keyIndent)}\n`);
      }
    }
  }

  seq(seq: YAMLSeq, before: unknown[], after: unknown[]): void {
    if (seq.flow || seq.items.length === 0) throw new Bail('a flow or empty list');
    const items = seq.items as Node[];
    const dash = this.text.lastIndexOf('-', items[0]!.range![0] - 1);
    const indent = this.column(dash);
    for (let i = 0; i < Math.min(before.length, after.length); i++) {
      if (!same(before[i], after[i])) this.item(items[i]!, before[i], after[i]);
    }
    for (let i = after.length; i < before.length; i++) {
      const node = items[i]!;
      const end = this.text.indexOf('\n', Math.max(node.range![1] - 1, node.range![0]));
      this.edits.push({ start: this.lineStart(node.range![0]), end: end < 0 ? this.text.length : end + 1, text: '' });
    }
    const last = items[items.length - 1]!;
    const tail = this.text.indexOf('\n', Math.max(last.range![1] - 1, last.range![0]));
    for (let i = before.length; i < after.length; i++) {
      this.insertAt(tail < 0 ? this.text.length : tail + 1, `${' '.repeat(indent)}${Splicer.indentRest(this.printed([after[i]], indent), indent)}\n`);
    }
  }

  /** A changed map value: recurse into a block collection of the same kind, else rewrite it. */
  private value(pair: Pair, before: unknown, after: unknown): void {
    const node = pair.value as Node | null;
    if (node && isMap(node) && !node.flow && isObject(before) && isObject(after) && node.items.length > 0) this.map(node, before, after);
    else if (node && isSeq(node) && !node.flow && Array.isArray(before) && Array.isArray(after) && node.items.length > 0) this.seq(node, before, after);
    else this.replaceMapValue(pair, after);
  }

  private item(node: Node, before: unknown, after: unknown): void {
    if (isMap(node) && !node.flow && isObject(before) && isObject(after) && node.items.length > 0) this.map(node, before, after);
    else if (isSeq(node) && !node.flow && Array.isArray(before) && Array.isArray(after) && node.items.length > 0) this.seq(node, before, after);
    else this.replaceSeqItem(node, after);
  }

  apply(): string {
    const sorted = [...this.edits].sort((a, b) => a.start - b.start || a.end - b.end);
    for (let i = 1; i < sorted.length; i++) if (sorted[i]!.start < sorted[i - 1]!.end) throw new Bail('overlapping edits');
    let out = '';
    let at = 0;
    for (const e of sorted) {
      out += this.text.slice(at, e.start) + e.text;
      at = e.end;
    }
    return out + this.text.slice(at);
  }
}

/** The file's text edited to hold `after` (the root must be a block mapping). Throws Bail when it cannot. */
export function spliceYaml(text: string, doc: Document, before: unknown, after: unknown, print: Printer): string {
  const root = doc.contents as Node | null;
  if (!root || !isMap(root) || !isObject(before) || !isObject(after)) throw new Bail('the document is not a mapping');
  const s = new Splicer(text, print);
  s.map(root, before, after);
  return s.apply();
}
