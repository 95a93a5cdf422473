import { InputError } from '../diagnostics/diagnostic.js';
import { bundledEngine, renderDocxEach, renderEach, type DraftFormat, type Outcome, type Placeholder, type RenderedDocument, type RenderedDocx } from '../render/index.js';
import { loadReportYears, resolveReportYear } from '../report-year/resolve.js';
import type { Corpus } from '../rules/corpus.js';
import type { WhatIf } from '../whatif/types.js';
import type { BatchEntry } from './types.js';

/** One country's drafts: the files to write (names inside the drafts folder) and the placeholders they carry. */
export interface DraftSet {
  files: { fileName: string; content: string | Uint8Array }[];
  placeholders: Placeholder[];
}

/** Renders the drafts of one assessed country. Throws InputError when they cannot be written (a draft failed, or a placeholder under `strict`). */
export type DraftRenderer = (entry: BatchEntry) => Promise<DraftSet>;

export interface DraftOptions {
  year: number;
  corpus: Corpus;
  /** A report-year settings file merged over the bundled defaults (as `tip render --settings`). */
  settingsPath?: string;
  format?: DraftFormat;
  /** A placeholder in a draft fails the country, as `tip render --strict`. */
  strict?: boolean;
  /**
   * tip what-if for a country (`tip batch --action-plans`): its drafts are then the five of
   * `tip render --doc all`, the action plan among them, with the demarche's and the press
   * guidance's recommendations in the plan's order.
   */
  whatIf?: (entry: BatchEntry) => Promise<WhatIf>;
}

/** Each placeholder once, first occurrence kept. */
function distinct(placeholders: readonly Placeholder[]): Placeholder[] {
  const seen = new Map<string, Placeholder>();
  for (const p of placeholders) if (!seen.has(p.token)) seen.set(p.token, p);
  return [...seen.values()];
}

/** The country's evidence file as the problem's place (drafts have no line of their own). */
function draftError(entry: BatchEntry, expected: string, found: string): InputError {
  return new InputError([{ file: entry.file, line: 0, col: 0, path: [], code: 'drafts', expected, found }]);
}

/**
 * The drafts of every country (narrative, demarche, non-paper, press guidance), through
 * src/render. The year's settings are resolved and the templates compiled once for the whole
 * batch, not once per country. A year whose settings are incomplete still renders: the drafts
 * carry placeholders, which the report lists (and `strict` refuses).
 */
export function createDraftRenderer(options: DraftOptions): DraftRenderer {
  const override = options.settingsPath !== undefined ? loadReportYears(options.settingsPath) : undefined;
  const settings = resolveReportYear(options.year, override ? { override } : {});
  const engine = bundledEngine();
  const format = options.format ?? 'text';
  // Every document: the four, and the action plan when there is a what-if (options.whatIf).
  const render = { docs: 'all' as const, settings, corpus: options.corpus, engine };
  return async (entry) => {
    const plan = options.whatIf ? { whatIf: await options.whatIf(entry) } : {};
    const outcomes: Outcome<RenderedDocument | RenderedDocx>[] =
      format === 'docx' ? await renderDocxEach(entry.assessment, entry.evidence, { ...render, ...plan }) : renderEach(entry.assessment, entry.evidence, { ...render, ...plan, format });
    const files: DraftSet['files'] = [];
    const placeholders: Placeholder[] = [];
    for (const o of outcomes) {
      if (!o.ok) throw o.error instanceof InputError ? o.error : draftError(entry, `the ${o.doc} rendered`, o.error instanceof Error ? o.error.message : String(o.error));
      files.push({ fileName: o.value.fileName, content: 'bytes' in o.value ? o.value.bytes : o.value.content });
      placeholders.push(...o.value.placeholders);
    }
    const unique = distinct(placeholders);
    if (options.strict && unique.length > 0) throw draftError(entry, 'drafts without placeholders (--strict)', unique.map((p) => p.token).join(', '));
    return { files, placeholders: unique };
  };
}
