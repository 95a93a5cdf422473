import { join } from 'node:path';
import { InputError } from '../diagnostics/diagnostic.js';
import { tierName } from '../model/tier.js';
import type { Assessment } from '../assess/types.js';
import type { Evidence } from '../evidence/schema.js';
import { writeFileAtomic } from '../fsutil/atomic-write.js';
import { resolveReportYear, type LoadedReportYears } from '../report-year/resolve.js';
import type { ReportYearSettings } from '../report-year/schema.js';
import type { Corpus } from '../rules/corpus.js';
import { bundledEngine, FORMATS, type Engine, type Format } from './engine.js';
import { buildDemarcheView } from './view-demarche.js';
import { buildNarrativeView, type NarrativeView } from './view-narrative.js';
import { buildNonpaperView, type NonpaperView } from './view-nonpaper.js';
import { buildPressView, type PressView } from './view-press.js';

/**
 * The drafts: the country narrative, the demarche cable, the non-paper and the press guidance,
 * rendered from an assessment and its evidence through validated view models and the templates
 * under templates/. Same input, same bytes: nothing here reads the clock or the environment.
 */

export const DOC_NAMES = ['narrative', 'demarche', 'nonpaper', 'press'] as const;
export type DocName = (typeof DOC_NAMES)[number];
export { FORMATS, type Format };

/** The documents that print the report year's settings (release, delivery windows, Secretary). */
const NEEDS_SETTINGS: ReadonlySet<DocName> = new Set(['demarche', 'nonpaper']);

export interface RenderOptions {
  /** The documents to render, or 'all'. */
  docs: readonly DocName[] | 'all';
  /** Plain text in the cable's register (default) or Markdown. */
  format?: Format;
  /** The year's settings; resolved from data/report-years.yaml when absent and a document needs them. */
  settings?: ReportYearSettings;
  /** A `--settings FILE`, merged over data/report-years.yaml when `settings` is absent. */
  override?: LoadedReportYears;
  corpus?: Corpus;
  engine?: Engine;
}

export interface RenderedDocument {
  doc: DocName;
  /** `ISO3-YEAR-doc.ext`: `CHN-2009-narrative.txt`. */
  fileName: string;
  content: string;
}

export function isDocName(value: string): value is DocName {
  return (DOC_NAMES as readonly string[]).includes(value);
}

export function documentFileName(iso3: string, year: number, doc: DocName, format: Format): string {
  return `${iso3}-${year}-${doc}.${format === 'markdown' ? 'md' : 'txt'}`;
}

/** One final newline: templates end paragraphs with blank lines, a file ends with exactly one. */
function finish(content: string): string {
  // A loop, not /\n*$/: V8 retries that pattern at every offset, quadratic in the draft's length.
  let end = content.length;
  while (end > 0 && content.charCodeAt(end - 1) === 10) end--;
  return content.slice(0, end) + '\n';
}

/** A draft never states a tier the ledger leaves open: it is refused, naming the years to add. */
function openTierError(a: Assessment): InputError {
  const open = a.open!;
  const years = open.decidingYears.join(', ');
  return new InputError([
    {
      file: a.file ?? '(evidence)',
      line: 0,
      col: 0,
      path: ['tier'],
      code: 'open-tier',
      expected: 'a definite tier to draft',
      found: `${open.tiers.map(tierName).join(' or ')}, depending on the ledger's missing year${open.decidingYears.length === 1 ? '' : 's'} ${years}`,
      hint: `add the ledger rows for ${years}, then draft again`,
    },
  ]);
}

/**
 * Renders the requested documents, in the fixed order narrative, demarche, nonpaper, press
 * (duplicates dropped). Throws InputError when a document needs the year's settings and the year
 * has none (the message names the year and `--settings`), or when the ledger leaves the tier open.
 */
export function renderDocuments(assessment: Assessment, evidence: Evidence, options: RenderOptions): RenderedDocument[] {
  const format = options.format ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) throw new Error(`unknown format ${String(format)}`);
  if (assessment.open) throw openTierError(assessment);
  const wanted = options.docs;
  const docs = wanted === 'all' ? [...DOC_NAMES] : DOC_NAMES.filter((d) => wanted.includes(d));
  const engine = options.engine ?? bundledEngine();
  let settings = options.settings;
  if (settings !== undefined && settings.year !== assessment.year) {
    throw new Error(`the settings are for the ${settings.year} Report, the evidence for ${assessment.year}`);
  }
  if (settings === undefined && docs.some((d) => NEEDS_SETTINGS.has(d))) {
    settings = resolveReportYear(assessment.year, options.override ? { override: options.override } : {});
  }

  // Each view is built (and validated) once: the demarche embeds the other three.
  let narrative: NarrativeView | undefined;
  let press: PressView | undefined;
  let nonpaper: NonpaperView | undefined;
  const narrativeView = () => (narrative ??= buildNarrativeView(assessment, evidence));
  const pressView = () => (press ??= buildPressView(assessment, evidence));
  const nonpaperView = () => (nonpaper ??= buildNonpaperView(assessment, evidence, settings!, options.corpus));

  return docs.map((doc): RenderedDocument => {
    let view: object;
    switch (doc) {
      case 'narrative':
        view = narrativeView();
        break;
      case 'press':
        view = pressView();
        break;
      case 'nonpaper':
        view = nonpaperView();
        break;
      case 'demarche':
        view = buildDemarcheView(assessment, evidence, settings!, options.corpus, { narrative: narrativeView(), nonpaper: nonpaperView(), press: pressView() });
        break;
    }
    return {
      doc,
      fileName: documentFileName(assessment.country.iso3, assessment.year, doc, format),
      content: finish(engine.render(doc, view, format)),
    };
  });
}

/** Writes each document into `outDir` (created if needed), atomically. Returns the paths written, in order. */
export function writeDocuments(results: readonly RenderedDocument[], outDir: string): string[] {
  return results.map((r) => {
    const path = join(outDir, r.fileName);
    writeFileAtomic(path, r.content);
    return path;
  });
}

export { buildDemarcheView, type DemarcheView } from './view-demarche.js';
export { buildNarrativeView, type NarrativeView } from './view-narrative.js';
export { buildNonpaperView, type NonpaperView } from './view-nonpaper.js';
export { buildPressView, type PressView } from './view-press.js';
export { lawOfYear, type LawView } from './law.js';
export { createEngine, bundledEngine, type Engine } from './engine.js';
