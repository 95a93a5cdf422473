import { DOC_NAMES, bundledEngine, renderDocuments, type Format, type RenderedDocument } from '../render/index.js';
import { loadReportYears, resolveReportYear } from '../report-year/resolve.js';
import type { Corpus } from '../rules/corpus.js';
import type { BatchEntry } from './types.js';

/** Renders the drafts of one assessed country: file names (inside the drafts folder) and contents. */
export type DraftRenderer = (entry: BatchEntry) => RenderedDocument[];

export interface DraftOptions {
  year: number;
  corpus: Corpus;
  /** A report-year settings file merged over the bundled defaults (as `tip render --settings`). */
  settingsPath?: string;
  format?: Format;
}

/**
 * The four drafts of every country (narrative, demarche, non-paper, press guidance), through
 * src/render. The year's settings are resolved and the templates compiled once for the whole
 * batch, not once per country; a year without settings fails here, before any file is assessed,
 * with the InputError that names the year and the settings file.
 */
export function createDraftRenderer(options: DraftOptions): DraftRenderer {
  const override = options.settingsPath !== undefined ? loadReportYears(options.settingsPath) : undefined;
  const settings = resolveReportYear(options.year, override ? { override } : {});
  const engine = bundledEngine();
  const format = options.format ?? 'text';
  return (entry) => renderDocuments(entry.assessment, entry.evidence, { docs: DOC_NAMES, format, settings, corpus: options.corpus, engine });
}
