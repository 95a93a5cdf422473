import { EVIDENCE_FACTS } from '../evidence/facts.js';
import type { Evidence } from '../evidence/schema.js';
import { FACTS, type Facts, type FactValue } from '../rules/stages.js';
import { isVaried, type ClassOf, type FactClasses, type VariedClass } from './classes.js';

/**
 * The space of evidence changes for one evidence file: each fact a what-if may vary (its class in
 * rules/facts/classes.yaml is actionable, situational or procedural, and the file can hold another
 * value), its domain (every value the evidence model allows it), and its current value. The
 * analyst's determination enters as two more facts when the file has one: the decision reads it
 * in place of the rubric (src/assess/decide.ts).
 */
export interface SpaceFact {
  /** The fact's name (src/rules/stages.ts), or the determination's field. */
  name: string;
  /** The evidence field a desk officer edits. */
  field: string;
  domain: readonly FactValue[];
  current: FactValue;
  class: VariedClass;
  info: ClassOf;
}

export interface Space {
  facts: readonly SpaceFact[];
  index: ReadonlyMap<string, number>;
  /** Each fact's whole domain, and the bit of its current value, as masks. */
  full: Uint8Array;
  current: Uint8Array;
}

/** The determination's fields, and the derived facts they feed. */
export const DETERMINATION_FIELDS = { fullyMeets: 'determination.fully_meets', significantEfforts: 'determination.significant_efforts' } as const;

/** A criterion or standard not in force that year is not evidence of it. */
const NOT_IN_FORCE = 'not_in_force';

/** Every value a fact of the registry can take in the evidence, in the registry's order. */
export function domainOf(name: string): FactValue[] {
  const spec = FACTS[name];
  if (!spec) throw new Error(`no fact ${name} in the registry (src/rules/stages.ts)`);
  const extra = (spec.values ?? []).filter((v) => v !== NOT_IN_FORCE);
  return spec.type === 'boolean' ? [true, false, ...extra] : extra;
}

/** The field a fact is written to: the class file's, else the evidence table's path. */
export function fieldOf(name: string, info?: ClassOf): string {
  if (info?.field) return info.field;
  const criterion = /^criterion_(b\d+)$/.exec(name);
  if (criterion) return `criteria.${criterion[1]}.finding`;
  const source = EVIDENCE_FACTS[name];
  return source ? source.path.join('.') : name;
}

function spaceFact(name: string, info: ClassOf, domain: FactValue[], current: FactValue): SpaceFact | undefined {
  if (!isVaried(info.class) || !domain.includes(current) || domain.length < 2) return undefined;
  return { name, field: fieldOf(name, info), domain, current, class: info.class, info };
}

/** The space of one evidence file, from its base facts (src/whatif/adapter.ts gives them). */
export function buildSpace(evidence: Evidence, facts: Facts, classes: FactClasses): Space {
  const out: SpaceFact[] = [];
  // In the order of the classes file, which lists what a government does first: the order in
  // which sets that are otherwise alike are shown.
  for (const [name, info] of classes.facts) {
    const spec = FACTS[name];
    if (!spec || spec.availableFrom !== 0 || !(name in facts)) continue;
    // The departure is part of a determination: a file without one has none to change.
    if (name === 'departsFromUpgradePractice' && !evidence.determination) continue;
    const f = spaceFact(name, info, domainOf(name), facts[name]!);
    if (f) out.push(f);
  }
  const d = evidence.determination;
  if (d) {
    for (const [derived, field] of Object.entries(DETERMINATION_FIELDS)) {
      const info = classes.fields.get(field);
      if (!info) throw new Error(`rules/facts/classes.yaml does not class ${field}`);
      const f = spaceFact(field, info, [true, false], derived === 'fullyMeets' ? d.fully_meets : d.significant_efforts);
      if (f) out.push({ ...f, field });
    }
  }
  const full = new Uint8Array(out.length);
  const current = new Uint8Array(out.length);
  out.forEach((f, i) => {
    full[i] = (1 << f.domain.length) - 1;
    current[i] = 1 << f.domain.indexOf(f.current);
  });
  return { facts: out, index: new Map(out.map((f, i) => [f.name, i])), full, current };
}

/** The values of a mask, in domain order. */
export function valuesOf(f: SpaceFact, mask: number): FactValue[] {
  return f.domain.filter((_, i) => (mask & (1 << i)) !== 0);
}
