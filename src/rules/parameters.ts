import type { Cite } from './schema.js';
import { inForce, type Corpus } from './corpus.js';
import { lawOf, type Law } from './law.js';

export interface ParameterValue<T> {
  value: T;
  /** The first report year of the value that applies. */
  since: number;
  cites: Cite[];
  file: string;
}

function asLaw(source: Law | Corpus): Law {
  return 'corpus' in source ? source : lawOf(source);
}

/**
 * The value of a parameter in a report year: the entry with the latest start on or before the
 * year (OpenFisca's lookup). `--effective` overrides move the years the parameter is in force; a
 * parameter moved earlier than its first entry takes that entry from its new start. Throws when
 * the id is unknown or nothing applies: a parameter that is not in force must never be read as a
 * silent default. The corpus is always given (a Law carries the run's overrides).
 */
export function parameterAt<T = unknown>(id: string, year: number, source: Law | Corpus): ParameterValue<T> {
  const law = asLaw(source);
  const versions = law.corpus.parameters.filter((p) => p.id === id);
  if (versions.length === 0) throw new Error(`unknown parameter ${id}`);
  const version = versions.find((p) => inForce(p, year, law.effective));
  if (!version) throw new Error(`parameter ${id} is not in force in the ${year} report`);
  const starts = Object.keys(version.values)
    .map(Number)
    .sort((a, b) => b - a);
  const since = starts.find((start) => start <= year) ?? starts.at(-1);
  if (since === undefined) throw new Error(`parameter ${id} has no value for the ${year} report`);
  return { value: version.values[String(since)] as T, since, cites: version.cites, file: version.file };
}

/** The parameter's value in a report year, or undefined when no version of it is in force that year. */
export function parameterInForce<T = unknown>(id: string, year: number, source: Law | Corpus): ParameterValue<T> | undefined {
  const law = asLaw(source);
  return law.corpus.parameters.some((p) => p.id === id && inForce(p, year, law.effective)) ? parameterAt<T>(id, year, law) : undefined;
}
