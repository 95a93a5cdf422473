/**
 * The changes that upgrade an evidence file, as data: applied to plain values when a version 1
 * file is read (src/evidence/load.ts) and to the file's text, comments kept, by `tip migrate`
 * (src/evidence/edit-text.ts).
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
