import { eraOf } from '../assess/era.js';
import { criteriaInForce } from '../evidence/law-checks.js';
import { reportingPeriod } from '../evidence/schema.js';
import { inForce, type Corpus, type LoadedRule } from '../rules/corpus.js';
import { lawOf } from '../rules/law.js';
import type { Cite } from '../rules/schema.js';

/**
 * What the form shows beside the §108(a) standards and the §108(b) criteria of a report year: the
 * rule file's statutory words (`text:`, the verbatim statute, when the rule file carries it; else
 * its `title`), its citation, and which criteria are in force that year. Read from rules/, so the
 * page never holds a second copy of the law.
 */

export interface Provision {
  /** The evidence key: a1..a4, b1..b12. */
  key: string;
  /** The field path in the evidence file: standards.a1, criteria.b8. */
  path: string;
  rule: string;
  title: string;
  /** The statute's words, paragraph by paragraph; the title when the rule file has no `text`. */
  text: string[];
  verbatim: boolean;
  cites: Cite[];
}

export interface LawOfYear {
  year: number;
  era: string;
  reportingPeriod: { from: string; to: string };
  standards: Provision[];
  criteria: Provision[];
}

/** The `text:` list a rule file may carry (added to the rule schema by the law files), when present. */
function statuteText(rule: LoadedRule): string[] | undefined {
  const text = (rule as { text?: unknown }).text;
  if (typeof text === 'string' && text.trim() !== '') return [text];
  if (Array.isArray(text) && text.length > 0 && text.every((t) => typeof t === 'string')) return text as string[];
  return undefined;
}

function provision(corpus: Corpus, id: string, key: string, path: string, year: number, overrides: Record<string, { from?: number; to?: number }>): Provision {
  const rule = corpus.rules.find((r) => r.id === id && inForce(r, year, overrides)) ?? corpus.rules.find((r) => r.id === id);
  if (!rule) return { key, path, rule: id, title: id, text: [id], verbatim: false, cites: [] };
  const text = statuteText(rule);
  return { key, path, rule: rule.id, title: rule.title, text: text ?? [rule.title], verbatim: text !== undefined, cites: rule.cites };
}

export function lawOfYear(year: number, corpus: Corpus, overrides: Record<string, { from?: number; to?: number }> = {}): LawOfYear {
  const standards = ['a1', 'a2', 'a3', 'a4'].map((k) => provision(corpus, `22usc7106.a.${k.slice(1)}`, k, `standards.${k}`, year, overrides));
  const criteria = criteriaInForce(year, corpus, overrides).map((c) => provision(corpus, `22usc7106.b.${c.slice(1)}`, c, `criteria.${c}`, year, overrides));
  return { year, era: eraOf(year, lawOf(corpus, overrides)).label, reportingPeriod: reportingPeriod(year), standards, criteria };
}
