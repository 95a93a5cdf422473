import { factsRead } from '../evidence/facts.js';
import { inForce, type Corpus, type LoadedRule } from '../rules/corpus.js';
import type { FactValue } from '../rules/stages.js';
import type { FactClasses } from './classes.js';
import { DETERMINATION_FIELDS, type SpaceFact } from './space.js';
import type { EvidenceChange, RuleRef } from './types.js';

/**
 * One change in the desk officer's terms: the field, the value now and after, its class and kind,
 * the advice in the words of the report's recommendations, and the rules that read it.
 */
export function ruleRef(r: Pick<LoadedRule, 'id' | 'title' | 'file' | 'cites'>): RuleRef {
  return { rule: r.id, title: r.title, file: r.file, cites: r.cites };
}

/** The determination's fields reach the rules as these facts. */
const FACT_OF_FIELD: Record<string, string> = Object.fromEntries(Object.entries(DETERMINATION_FIELDS).map(([fact, field]) => [field, fact]));

export class ChangeWords {
  private readonly readers = new Map<string, RuleRef[]>();

  constructor(
    private readonly corpus: Corpus,
    private readonly year: number,
    private readonly overrides: Record<string, { from?: number; to?: number }>,
    private readonly classes: FactClasses,
  ) {}

  /** The rules in force that read a fact (for the determination's fields, the fact they feed). */
  rulesReading(name: string): RuleRef[] {
    const fact = FACT_OF_FIELD[name] ?? name;
    let out = this.readers.get(fact);
    if (!out) {
      out = this.corpus.rules.filter((r) => inForce(r, this.year, this.overrides) && factsRead(r.conditions).includes(fact)).map(ruleRef);
      this.readers.set(fact, out);
    }
    return out;
  }

  /** The recommendation of the standard's or criterion's own rule, for a finding of met or partly met. */
  private findingAdvice(name: string, to: FactValue): string | undefined {
    if (!/^(standard_a|criterion_b)\d+$/.test(name) || (to !== 'met' && to !== 'partly_met')) return undefined;
    const own = this.corpus.rules.find(
      (r) => inForce(r, this.year, this.overrides) && (r.event.type === 'standard-unmet' || r.event.type === 'criterion-unmet') && factsRead(r.conditions).includes(name),
    );
    return own?.recommendation;
  }

  describe(f: SpaceFact, to: FactValue): EvidenceChange {
    const unknown = this.classes.unknownValues;
    const fromUnknown = unknown.includes(String(f.current));
    const toUnknown = unknown.includes(String(to));
    const kind = toUnknown ? 'withdraw' : fromUnknown ? 'record' : 'change';
    const situational = [f.current, to].some((v) => f.info.situationalValues.includes(String(v)));
    const cls = situational ? 'situational' : f.class;
    const covers = f.info.covers.length > 0 ? [...f.info.covers] : coveredBy(f.name);
    const advice = cls === 'actionable' && kind === 'change' ? (f.info.advice[String(to)] ?? this.findingAdvice(f.name, to)) : undefined;
    return {
      fact: f.name,
      field: f.field,
      from: f.current,
      to,
      class: cls,
      kind,
      label: f.info.label ?? labelOf(f.name),
      ...(advice !== undefined ? { advice } : {}),
      covers,
      rules: this.rulesReading(f.name),
    };
  }
}

/** A standard's or criterion's fact answers that provision. */
function coveredBy(name: string): string[] {
  const m = /^(?:standard|criterion)_((?:a|b)\d+)$/.exec(name);
  return m ? [m[1]!] : [];
}

function labelOf(name: string): string {
  const m = /^(standard|criterion)_(a|b)(\d+)$/.exec(name);
  if (!m) return name;
  return m[1] === 'standard' ? `the finding on minimum standard §108(a)(${m[3]})` : `the finding on criterion §108(b)(${m[3]})`;
}
