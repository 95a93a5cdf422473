import type * as z from 'zod';
import type { PathSegment } from './located.js';

/**
 * Reads zod 4 schema definitions (`schema._zod.def`) to answer "which keys does the object at this
 * path know?", for "did you mean" hints. zod's `unrecognized_keys` issue carries only the unknown
 * keys (verified on 4.6.7), so the known ones come from the schema.
 * Wrappers are unwrapped on the input side: a pipe's `in`, since that is what the file holds.
 */

type Def = Record<string, unknown> & { type?: string };

function defOf(schema: unknown): Def | undefined {
  const zod = (schema as { _zod?: { def?: unknown } } | null | undefined)?._zod;
  const def = zod?.def;
  return def && typeof def === 'object' ? (def as Def) : undefined;
}

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'catch', 'readonly', 'nonoptional', 'success']);

/** The concrete schemas a value may be checked against: wrappers removed, unions and intersections spread. */
export function expand(schema: unknown, budget = { n: 200 }): unknown[] {
  if (budget.n-- <= 0) return [];
  const def = defOf(schema);
  if (!def) return [];
  if (def.type && WRAPPERS.has(def.type)) return expand(def.innerType, budget);
  switch (def.type) {
    case 'pipe':
      return expand(def.in, budget);
    case 'lazy':
      return typeof def.getter === 'function' ? expand((def.getter as () => unknown)(), budget) : [];
    case 'union':
      return Array.isArray(def.options) ? def.options.flatMap((o) => expand(o, budget)) : [];
    case 'intersection':
      return [...expand(def.left, budget), ...expand(def.right, budget)];
    default:
      return [schema];
  }
}

/** Schemas for the value at `path`, starting from `root`. */
export function schemasAt(root: z.ZodType, path: readonly PathSegment[]): unknown[] {
  let current = expand(root);
  for (const seg of path) {
    const next: unknown[] = [];
    for (const s of current) {
      const def = defOf(s);
      if (!def) continue;
      if (def.type === 'object') {
        const shape = def.shape as Record<string, unknown> | undefined;
        if (shape && Object.prototype.hasOwnProperty.call(shape, String(seg))) next.push(...expand(shape[String(seg)]));
        else if (def.catchall) next.push(...expand(def.catchall));
      } else if (def.type === 'record') {
        next.push(...expand(def.valueType));
      } else if (def.type === 'array') {
        next.push(...expand(def.element));
      } else if (def.type === 'tuple') {
        const items = Array.isArray(def.items) ? def.items : [];
        const i = typeof seg === 'number' ? seg : Number(seg);
        next.push(...expand(Number.isInteger(i) && i < items.length ? items[i] : def.rest));
      }
    }
    current = next;
  }
  return current;
}

/** Keys an object at `path` may have: the shape's keys, or a record's enumerated keys. */
export function knownKeysAt(root: z.ZodType, path: readonly PathSegment[]): string[] {
  const keys: string[] = [];
  for (const s of schemasAt(root, path)) {
    const def = defOf(s);
    if (def?.type === 'object' && def.shape && typeof def.shape === 'object') {
      keys.push(...Object.keys(def.shape));
    } else if (def?.type === 'record') {
      for (const k of expand(def.keyType)) keys.push(...literalValues(k).filter((v): v is string => typeof v === 'string'));
    }
  }
  return [...new Set(keys)];
}

/** Values of an enum or literal schema (empty for anything else). */
export function literalValues(schema: unknown): unknown[] {
  const def = defOf(schema);
  if (def?.type === 'enum' && def.entries && typeof def.entries === 'object') return Object.values(def.entries);
  if (def?.type === 'literal' && Array.isArray(def.values)) return def.values;
  return [];
}
