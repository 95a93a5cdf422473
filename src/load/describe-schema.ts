import type * as z from 'zod';
import { FORMAT_WORDS, joinAlternatives } from './expected.js';
import type { PathSegment } from './located.js';
import { literalValues, schemasAt } from './schema-walk.js';
import { oneOf } from './text.js';

/**
 * What the schema wants at `path`, in words, for a key that is missing. zod reports a missing key
 * with only the base type ("expected number" for `z.number().int().min(2001)`), so for that case
 * the loader reads the schema itself: "a whole number of at least 2001".
 * Returns undefined when the schema there is something we do not describe.
 */
export function describeSchemaAt(root: z.ZodType, path: readonly PathSegment[]): string | undefined {
  const parts: string[] = [];
  for (const s of schemasAt(root, path)) {
    const text = describe(s);
    if (text === undefined) return undefined;
    parts.push(text);
  }
  return parts.length > 0 ? joinAlternatives(parts) : undefined;
}

type Def = Record<string, unknown> & { type?: string; checks?: unknown[]; format?: string };

function defOf(s: unknown): Def | undefined {
  const def = (s as { _zod?: { def?: unknown } } | null)?._zod?.def;
  return def && typeof def === 'object' ? (def as Def) : undefined;
}

function checkDefs(def: Def): Def[] {
  return (def.checks ?? []).flatMap((c) => {
    const d = defOf(c);
    return d ? [d] : [];
  });
}

function describe(s: unknown): string | undefined {
  const def = defOf(s);
  if (!def) return undefined;
  const checks = checkDefs(def);
  switch (def.type) {
    case 'string': {
      const fmt = def.format ?? checks.find((c) => c['check'] === 'string_format')?.format;
      if (fmt === 'regex') {
        const pattern = checks.find((c) => c.format === 'regex')?.['pattern'];
        return pattern ? `a string matching ${String(pattern)}` : 'a string';
      }
      return fmt ? (FORMAT_WORDS[fmt] ?? `a valid ${fmt}`) : 'a string';
    }
    case 'number': {
      const fmt = def.format ?? checks.find((c) => c['check'] === 'number_format')?.format;
      const base = fmt && /int/.test(fmt) ? 'a whole number' : 'a number';
      const min = checks.find((c) => c['check'] === 'greater_than');
      const max = checks.find((c) => c['check'] === 'less_than');
      const bounds: string[] = [];
      if (min) bounds.push(min['inclusive'] ? `at least ${String(min['value'])}` : `more than ${String(min['value'])}`);
      if (max) bounds.push(max['inclusive'] ? `at most ${String(max['value'])}` : `less than ${String(max['value'])}`);
      return bounds.length > 0 ? `${base} of ${bounds.join(' and ')}` : base;
    }
    case 'boolean':
      return 'true or false';
    case 'enum':
    case 'literal':
      return oneOf(literalValues(s));
    case 'object':
    case 'record':
      return 'a mapping';
    case 'array':
    case 'tuple':
      return 'a list';
    case 'null':
      return 'null';
    default:
      return undefined;
  }
}
