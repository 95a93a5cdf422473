import type { Evidence } from '../evidence/schema.js';
import { UsageError } from '../diagnostics/diagnostic.js';
import { loadEvidenceFile } from '../evidence/load.js';
import { bundledCorpus, type Corpus } from '../rules/corpus.js';
import { lawOf, type Law } from '../rules/law.js';
import { assessEvidence, type AssessOptions, type HistoryContext } from './assess.js';
import type { Assessment } from './types.js';
import { clockAt, clockRun, outcomesAt, type ClockOptions } from '../history/clock.js';
import { specialWatchListFor } from '../history/special-watch-list.js';
import { tier3Consequences } from '../history/tier3-consequences.js';
import { countryHistory, type CountryHistory } from '../ledger/history.js';
import { readLedger, type Ledger } from '../ledger/ledger.js';
import type { Tier } from '../model/tier.js';
import { defaultReportYears } from '../report-year/resolve.js';

export interface AssessFileOptions extends AssessOptions {
  /** Tier ledger CSV (iso3,year,tier[,waiver]). */
  historyPath?: string;
  /** Waivers CSV (iso3,year,event). */
  waiversPath?: string;
  corpus?: Corpus;
  /** An already-read ledger (a batch reads it once); takes the place of historyPath. */
  ledger?: Ledger;
  /** Readings of the clock's open questions (docs/law.md); shown in the output. */
  clock?: ClockOptions;
}

export interface AssessedFile {
  assessment: Assessment;
  evidence: Evidence;
}

/** The release date of a report year, when the bundled report-year settings know it. */
function knownReleaseDate(year: number): string | undefined {
  return defaultReportYears().value.years[String(year)]?.release?.date;
}

/**
 * The history context for one country's history and a report year, under `law` (the corpus and
 * the run's overrides, which reach the clock, the Special Watch List and the Tier 3
 * consequences): the clock, every outcome the ledger's gaps leave possible, last year's tier, and
 * what depends on them. Without a history the clock is unchecked and the assessment says so.
 */
export function historyContextFor(
  history: CountryHistory | undefined,
  year: number,
  law: Law,
  clockOptions: ClockOptions = {},
  /** The report's release date when the caller knows it (a --settings file); else the bundled one. */
  release?: string,
): HistoryContext {
  const releaseDate = release ?? knownReleaseDate(year);
  const dated = releaseDate === undefined ? {} : { releaseDate };
  const tier3 = (t: Tier) => {
    if (t !== '3') return null;
    const c = tier3Consequences(year, law, dated);
    return c.applies ? c : null;
  };
  if (history === undefined) return { clock: null, previousTier: null, tier3 };
  const run = clockRun(history, law, clockOptions);
  const { outcomes, unknownYears } = outcomesAt(run, year);
  return {
    clock: clockAt(run, year),
    outcomes: { outcomes, decidingYears: unknownYears },
    previousTier: history.years.get(year - 1)?.tier ?? null,
    specialWatchList: (t) => specialWatchListFor(history, year, t, law, dated),
    tier3,
  };
}

/** The history context for a country of a ledger (see historyContextFor). */
export function historyContext(ledger: Ledger | undefined, iso3: string, year: number, law: Law, clockOptions: ClockOptions = {}, release?: string): HistoryContext {
  return historyContextFor(ledger === undefined ? undefined : countryHistory(ledger, iso3), year, law, clockOptions, release);
}

/** Reads the ledger (and waivers) named in the options, or nothing. */
export function ledgerFor(options: AssessFileOptions): Ledger | undefined {
  if (options.historyPath === undefined) return undefined;
  return readLedger(options.historyPath, options.waiversPath === undefined ? {} : { waiversPath: options.waiversPath });
}

/**
 * An effective-date override may move only a provision the corpus has in one version (a rule
 * whose start is UNVERIFIED, such as 22usc7106.b.9, or a parameter such as 19usc4205.b.6); moving
 * one version of a provision that the corpus versions by year would put two wordings in force at
 * once. Every lookup honours it: the rules, the evidence checks, the clock and the parameters.
 */
export function checkOverrides(overrides: Record<string, { from?: number; to?: number }>, corpus: Corpus): void {
  for (const id of Object.keys(overrides)) {
    const versions = [...corpus.rules, ...corpus.parameters].filter((r) => r.id === id);
    if (versions.length === 0) throw new UsageError(`--effective names no rule or parameter: "${id}" (see \`tip rules\`)`);
    if (versions.length > 1) {
      throw new UsageError(`--effective cannot move ${id}: the corpus has ${versions.length} dated versions of it (${versions.map((v) => v.file).join(', ')})`);
    }
  }
}

/** Loads, validates and assesses one evidence file. Throws InputError for bad input. */
export async function assessFile(path: string, options: AssessFileOptions = {}): Promise<AssessedFile> {
  const corpus = options.corpus ?? bundledCorpus();
  checkOverrides(options.effective ?? {}, corpus);
  const { evidence } = loadEvidenceFile(path, corpus, options.effective ?? {});
  const law = lawOf(corpus, options.effective ?? {});
  const context = historyContext(options.ledger ?? ledgerFor(options), evidence.country.iso3, evidence.report_year, law, options.clock);
  const assessment = await assessEvidence(evidence, context, options, corpus, path);
  return { assessment, evidence };
}
