import type * as z from 'zod';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { describeSchemaAt } from './describe-schema.js';
import { expectedOf, joinAlternatives } from './expected.js';
import { sourceMapOf, type Located, type PathSegment } from './located.js';
import { knownKeysAt } from './schema-walk.js';
import { suggestKey } from './suggest.js';
import { plural, shorten } from './text.js';

type Issue = z.core.$ZodIssue;

/** Longest list of known keys printed in full; longer lists rely on the "did you mean" hint. */
const KEYS_SHOWN = 12;

const CODES: Record<Issue['code'], string> = {
  invalid_type: 'wrong-type',
  invalid_value: 'invalid-value',
  too_small: 'too-small',
  too_big: 'too-big',
  not_multiple_of: 'not-multiple-of',
  invalid_format: 'invalid-format',
  invalid_union: 'no-match',
  invalid_key: 'invalid-key',
  invalid_element: 'invalid-value',
  custom: 'invalid',
  unrecognized_keys: 'unknown-key',
};

function toSegment(p: PropertyKey): PathSegment {
  return typeof p === 'number' ? p : String(p);
}

/** The plain value at `path`, and whether its key is absent from an existing mapping. */
function lookup(root: unknown, path: readonly PathSegment[]): { value: unknown; absent: boolean } {
  let current: unknown = root;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i] as PathSegment;
    if (current === null || typeof current !== 'object') return { value: undefined, absent: false };
    const has = Object.prototype.hasOwnProperty.call(current, seg);
    if (!has) return { value: undefined, absent: i === path.length - 1 && !Array.isArray(current) };
    current = (current as Record<PropertyKey, unknown>)[seg];
  }
  return { value: current, absent: false };
}

function fallbackText(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return shorten(value);
  try {
    return shorten(JSON.stringify(value) ?? String(value));
  } catch {
    return shorten(String(value));
  }
}

/**
 * Map one zod issue to diagnostics. `prefix` is the path of the union whose branch we descended
 * into (zod gives branch issues relative paths).
 */
export function issueToDiagnostics(issue: Issue, doc: Located<unknown>, schema: z.ZodType, prefix: PathSegment[] = []): Diagnostic[] {
  const path = [...prefix, ...issue.path.map(toSegment)];
  const sm = sourceMapOf(doc);
  const at = (p: PathSegment[]): { line: number; col: number } => doc.locate(p);
  const foundAt = (p: PathSegment[]): string => sm?.foundText(p) ?? fallbackText(lookup(doc.value, p).value);

  if (issue.code === 'unrecognized_keys') {
    const known = knownKeysAt(schema, path);
    const listed = known.length === 0 ? 'no keys here' : known.length <= KEYS_SHOWN
      ? `one of the keys ${known.join(', ')}`
      : `one of the keys ${known.slice(0, KEYS_SHOWN).join(', ')}, … (${plural(known.length, 'key')} in all)`;
    return issue.keys.map((key) => {
      const keyPath = [...path, key];
      const d: Diagnostic = { file: doc.file, ...(sm?.locateKey(keyPath) ?? at(keyPath)), path: keyPath, code: 'unknown-key', expected: listed, found: `the key ${key}` };
      const guess = suggestKey(key, known);
      if (guess !== undefined) d.hint = `did you mean "${guess}"?`;
      return d;
    });
  }

  if (issue.code === 'invalid_union' && issue.inclusive !== false && !issue.discriminator && issue.errors.length > 0) {
    return unionToDiagnostics(issue.errors, doc, schema, path);
  }

  if (issue.code === 'invalid_key') {
    const last = path[path.length - 1];
    return [{
      file: doc.file, ...(sm?.locateKey(path) ?? at(path)), path, code: CODES.invalid_key,
      expected: expectedOf(issue), found: `the key ${String(last ?? '')}`,
    }];
  }

  const { value, absent } = lookup(doc.value, path);
  if (absent) {
    // The mapping that should hold the key: locate() falls back to the nearest node that exists.
    const expected = describeSchemaAt(schema, path) ?? expectedOf(issue);
    return [{ file: doc.file, ...at(path), path, code: 'missing', expected, found: 'nothing' }];
  }
  let found = foundAt(path);
  if ((issue.code === 'too_small' || issue.code === 'too_big') && Array.isArray(value)) {
    found = `a list of ${plural(value.length, 'item')}`;
  }
  // For a wrong type, the schema's full description ("a whole number of at least 2001") says more
  // than zod's base type name ("number").
  const expected = (issue.code === 'invalid_type' ? describeSchemaAt(schema, path) : undefined) ?? expectedOf(issue);
  const d: Diagnostic = { file: doc.file, ...at(path), path, code: CODES[issue.code], expected, found };
  const near = issue.code === 'invalid_value' && typeof value === 'string' ? suggestValue(value, issue.values) : undefined;
  if (near !== undefined) d.hint = `did you mean ${near}?`;
  return [d];
}

/** The allowed value closest to a misspelt one (`partially_met` -> partly_met, `EAPP` -> EAP). */
function suggestValue(typed: string, values: readonly unknown[]): string | undefined {
  const strings = values.filter((v): v is string => typeof v === 'string');
  const exactCase = strings.find((v) => v.toLowerCase() === typed.toLowerCase());
  return exactCase ?? suggestKey(typed, strings);
}

/**
 * A union failed every branch. If some branch accepted the value's basic shape (its issues are all
 * deeper than the value itself), the writer most likely meant that branch: report its issues. If not,
 * one diagnostic listing what each branch wanted ("a string or a list").
 */
function unionToDiagnostics(branches: Issue[][], doc: Located<unknown>, schema: z.ZodType, path: PathSegment[]): Diagnostic[] {
  const rootMismatch = (b: Issue[]): boolean =>
    b.some((i) => i.path.length === 0 && (i.code === 'invalid_type' || i.code === 'invalid_value' || (i.code === 'invalid_union' && i.errors.length === 0)));
  let best: Issue[] | undefined;
  for (const b of branches) {
    if (!rootMismatch(b) && (best === undefined || b.length < best.length)) best = b;
  }
  if (best) return best.flatMap((i) => issueToDiagnostics(i, doc, schema, path));

  const wanted = branches.flatMap((b) => {
    const first = b.find((i) => i.path.length === 0) ?? b[0];
    return first ? [expectedOf(first)] : [];
  });
  const { absent } = lookup(doc.value, path);
  const sm = sourceMapOf(doc);
  return [{
    file: doc.file, ...doc.locate(path), path, code: absent ? 'missing' : 'no-match', expected: joinAlternatives(wanted),
    found: absent ? 'nothing' : sm?.foundText(path) ?? fallbackText(lookup(doc.value, path).value),
  }];
}
