import { join } from 'node:path';
import * as z from 'zod';
import { loadYamlFile } from '../load/index.js';
import { loadBundledYaml } from '../load/data-cache.js';
import { RULES_DIR } from '../paths.js';
import { CiteSchema, type Cite } from '../rules/schema.js';

/**
 * The classes of the facts the rules read (rules/facts/classes.yaml): what a government can change
 * (actionable), what it cannot (situational), what the Department and the analyst decide
 * (procedural), and what the what-if does not vary (history, derived, fixed). The file says why for
 * each, with citations; test/whatif/classes.test.ts checks it covers every fact a rule reads.
 */
export const VARIED_CLASSES = ['actionable', 'situational', 'procedural'] as const;
export const FACT_CLASSES = [...VARIED_CLASSES, 'history', 'derived', 'fixed'] as const;
export type VariedClass = (typeof VARIED_CLASSES)[number];
export type FactClass = (typeof FACT_CLASSES)[number];

const Entry = z.strictObject({
  class: z.enum(FACT_CLASSES),
  /** Words for the fact in outputs: "evidence of increasing efforts from the previous year (Watch List ground (II))". */
  label: z.string().min(1).optional(),
  /** The evidence field, where it is not the fact's own path (a list: state_labor[].government_policy_or_pattern). */
  field: z.string().min(1).optional(),
  /** Values of this fact that are situational even though the fact is not. */
  situational_values: z.array(z.string()).optional(),
  /** The standards and criteria (a1-a4, b1-b12) a change answers: the links to the report's recommendations. */
  covers: z.array(z.string().regex(/^(a[1-4]|b([1-9]|1[0-2]))$/)).optional(),
  /** The advice, worded as the report's recommendations, by the value it brings the fact to. */
  advice: z.record(z.string(), z.string().min(1)).optional(),
  why: z.string().min(1),
  cites: z.array(CiteSchema).optional(),
});

const FactEntry = Entry.extend({ facts: z.array(z.string().min(1)).min(1) });
const FieldEntry = Entry.extend({ fields: z.array(z.string().min(1)).min(1) });

export const ClassesFileSchema = z.strictObject({
  id: z.literal('facts.classes'),
  title: z.string().min(1),
  cites: z.array(CiteSchema).min(1),
  unknown_values: z.array(z.string()).min(1),
  facts: z.array(FactEntry).min(1),
  fields: z.array(FieldEntry).default([]),
});

export interface ClassOf {
  class: FactClass;
  label?: string;
  field?: string;
  situationalValues: readonly string[];
  covers: readonly string[];
  advice: Readonly<Record<string, string>>;
  why: string;
  cites: readonly Cite[];
}

export interface FactClasses {
  file: string;
  cites: readonly Cite[];
  unknownValues: readonly string[];
  /** By fact name (src/rules/stages.ts). */
  facts: ReadonlyMap<string, ClassOf>;
  /** By evidence field, for fields read through the decision's layering (determination.fully_meets). */
  fields: ReadonlyMap<string, ClassOf>;
}

export const CLASSES_FILE = join(RULES_DIR, 'facts', 'classes.yaml');

function classOf(e: z.output<typeof Entry>): ClassOf {
  return {
    class: e.class,
    ...(e.label !== undefined ? { label: e.label } : {}),
    ...(e.field !== undefined ? { field: e.field } : {}),
    situationalValues: e.situational_values ?? [],
    covers: e.covers ?? [],
    advice: e.advice ?? {},
    why: e.why,
    cites: e.cites ?? [],
  };
}

/** Loads the classes file; a name classed twice is an error, never a silent override. */
export function loadFactClasses(path: string = CLASSES_FILE): FactClasses {
  const value = path === CLASSES_FILE ? loadBundledYaml(path, ClassesFileSchema) : loadYamlFile(path, ClassesFileSchema).value;
  const byName = <T extends z.output<typeof Entry>>(entries: readonly T[], names: (e: T) => readonly string[]) => {
    const out = new Map<string, ClassOf>();
    for (const e of entries) {
      for (const n of names(e)) {
        if (out.has(n)) throw new Error(`${path}: ${n} is classed twice`);
        out.set(n, classOf(e));
      }
    }
    return out;
  };
  return {
    file: 'rules/facts/classes.yaml',
    cites: value.cites,
    unknownValues: value.unknown_values,
    facts: byName(value.facts, (e) => e.facts),
    fields: byName(value.fields, (e) => e.fields),
  };
}

let cached: FactClasses | undefined;
export function bundledFactClasses(): FactClasses {
  cached ??= loadFactClasses();
  return cached;
}

export function isVaried(c: FactClass): c is VariedClass {
  return (VARIED_CLASSES as readonly string[]).includes(c);
}
