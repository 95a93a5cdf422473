import { inForce, type Corpus, type LoadedParameter, type LoadedRule } from './corpus.js';
import type { NumberedAs, TextEntry } from './schema.js';

/**
 * The law a computation reads: the rule corpus and the run's `--effective` overrides. Every
 * lookup of the history (the clock, the Special Watch List, the Tier 3 consequences) takes one
 * explicitly, so an override or a custom corpus reaches all of them; nothing falls back to the
 * bundled corpus behind the caller's back.
 */
export type EffectiveOverrides = Readonly<Record<string, { from?: number; to?: number }>>;

export interface Law {
  readonly corpus: Corpus;
  readonly effective: EffectiveOverrides;
}

export function lawOf(corpus: Corpus, effective: EffectiveOverrides = {}): Law {
  return { corpus, effective };
}

export type Versioned = LoadedRule | LoadedParameter;

/** Every version of a rule or parameter; throws when the corpus has none (an id in code that names nothing is a bug). */
export function versionsOf(law: Law, id: string): Versioned[] {
  const out: Versioned[] = [...law.corpus.rules.filter((r) => r.id === id), ...law.corpus.parameters.filter((p) => p.id === id)];
  if (out.length === 0) throw new Error(`the rule corpus has no rule or parameter ${id}`);
  return out;
}

/** The version of `id` in force in `year` (overrides applied), or undefined. */
export function versionInForce(law: Law, id: string, year: number): Versioned | undefined {
  return versionsOf(law, id).find((v) => inForce(v, year, law.effective));
}

export function isInForce(law: Law, id: string, year: number): boolean {
  return versionInForce(law, id, year) !== undefined;
}

/** The first report year any version of `id` applies to (overrides applied). */
export function firstYearOf(law: Law, id: string): number {
  return Math.min(...versionsOf(law, id).map((v) => law.effective[v.id]?.from ?? v.effective.from));
}

/** The entry of a dated list with the latest start on or before `year` (OpenFisca's lookup). */
export function latestOnOrBefore<T extends { from: number }>(entries: readonly T[] | undefined, year: number): T | undefined {
  let best: T | undefined;
  for (const e of entries ?? []) if (e.from <= year && (best === undefined || e.from > best.from)) best = e;
  return best;
}

/**
 * How the provision `id` was numbered in `year` ("§110(b)(3)(D)(i)" in the 2009-2013 reports):
 * the file's `numbered_as` entry for the year, from the version nearest the year.
 */
export function numberedAs(law: Law, id: string, year: number): string {
  const versions = versionsOf(law, id);
  const version = versions.find((v) => inForce(v, year, law.effective)) ?? versions[0]!;
  const entry: NumberedAs | undefined = latestOnOrBefore(version.numbered_as, year) ?? version.numbered_as?.[0];
  if (!entry) throw new Error(`${version.file} has no numbered_as entry (the code cites it as numbered by year)`);
  return entry.citation;
}

/** The statute's words for `id` in `year`, when the file carries them. */
export function textOf(law: Law, id: string, year: number): TextEntry | undefined {
  const version = versionInForce(law, id, year);
  return version ? latestOnOrBefore(version.text, year) : undefined;
}

/**
 * The act that enacted `id` as it reads in `year` ("Pub. L. 115-425, §203(1)(B)"): the text's
 * `enacted_by`, else the first citation of a public law with its pinpoint.
 */
export function enactedBy(law: Law, id: string, year: number): string | undefined {
  const versions = versionsOf(law, id);
  const version = versions.find((v) => inForce(v, year, law.effective)) ?? versions[0]!;
  const fromText = (latestOnOrBefore(version.text, year) ?? version.text?.[0])?.enacted_by;
  if (fromText) return fromText;
  for (const c of version.cites) {
    const m = /Pub\. L\. \d+-\d+/.exec(c.title);
    if (m) return `${m[0]}, ${c.pinpoint}`;
  }
  return undefined;
}

/**
 * The Tier 2 Watch List grounds in force in `year`, in statutory order, as their rule files state
 * them: every rule whose event is a watch-list-ground (so a new ground file is picked up).
 */
export function watchListGroundsInForce(law: Law, year: number): { ground: string; text: string; id: string }[] {
  const order = (g: string) => ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'].indexOf(g);
  return law.corpus.rules
    .filter((r) => r.event.type === 'watch-list-ground' && inForce(r, year, law.effective))
    .map((r) => (r.event.type === 'watch-list-ground' ? { ground: r.event.params.ground, text: r.event.params.text, id: r.id } : { ground: '', text: '', id: r.id }))
    .sort((a, b) => order(a.ground) - order(b.ground));
}
