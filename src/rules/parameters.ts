import type { Cite } from './schema.js';
import { bundledCorpus, inForce, type Corpus } from './corpus.js';

export interface ParameterValue<T> {
  value: T;
  /** The first report year of the value that applies. */
  since: number;
  cites: Cite[];
  file: string;
}

/**
 * The value of a parameter in a report year: the entry with the latest start on or before the
 * year (OpenFisca's lookup). Throws when the id is unknown or nothing applies: a parameter that
 * is not in force must never be read as a silent default.
 */
export function parameterAt<T = unknown>(id: string, year: number, corpus: Corpus = bundledCorpus()): ParameterValue<T> {
  const versions = corpus.parameters.filter((p) => p.id === id);
  if (versions.length === 0) throw new Error(`unknown parameter ${id}`);
  const version = versions.find((p) => inForce(p, year));
  if (!version) throw new Error(`parameter ${id} is not in force in the ${year} report`);
  const starts = Object.keys(version.values)
    .map(Number)
    .filter((start) => start <= year)
    .sort((a, b) => b - a);
  const since = starts[0];
  if (since === undefined) throw new Error(`parameter ${id} has no value for the ${year} report`);
  return { value: version.values[String(since)] as T, since, cites: version.cites, file: version.file };
}

/** The parameter's value in a report year, or undefined when no version of it is in force that year. */
export function parameterInForce<T = unknown>(id: string, year: number, corpus: Corpus = bundledCorpus()): ParameterValue<T> | undefined {
  return corpus.parameters.some((p) => p.id === id && inForce(p, year)) ? parameterAt<T>(id, year, corpus) : undefined;
}
