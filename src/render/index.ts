import { join } from 'node:path';
import type { Assessment } from '../assess/types.js';
import { InputError } from '../diagnostics/diagnostic.js';
import { tierName } from '../model/tier.js';
import type { Evidence } from '../evidence/schema.js';
import { writeFileAtomic } from '../fsutil/atomic-write.js';
import { resolveReportYear, type LoadedReportYears } from '../report-year/resolve.js';
import type { ReportYearSettings } from '../report-year/schema.js';
import type { Corpus } from '../rules/corpus.js';
import { blockText, parseMarkup, sanitizeView } from './docx/markup.js';
import { DOC_NAMES, documentSpec, draftContext, type DocName, type DraftContext } from './documents.js';
import { bundledEngine, FORMATS, type Engine, type Format } from './engine.js';
import type { Placeholder } from './placeholders.js';
import type { WhatIf } from '../whatif/types.js';

/**
 * The drafts: the country narrative, the demarche cable, the non-paper and the press guidance
 * (src/render/documents.ts lists them), rendered from an assessment and its evidence through
 * validated view models and the templates under templates/, as plain text, Markdown or Word.
 * Same input, same bytes: nothing here reads the clock or the environment. A fact the year's
 * settings or the evidence lack is a visible placeholder ("[RELEASE DATE]"), listed with each
 * document; one document that cannot be rendered never stops the others (renderEach).
 */

export { DOC_NAMES, isDocName, DOCUMENTS, usesWhatIf, type DocName } from './documents.js';
export { FORMATS, type Format };
export type { Placeholder };

/** Every format a draft can be written in: the engine's text formats and Word. */
export const DRAFT_FORMATS = [...FORMATS, 'docx'] as const;
export type DraftFormat = (typeof DRAFT_FORMATS)[number];

export interface RenderOptions {
  /** The documents to render, or 'all'. */
  docs: readonly DocName[] | 'all';
  /** Plain text in the cable's register (default) or Markdown. */
  format?: Format;
  /** The year's settings; resolved from data/report-years.yaml (with `override`) when absent. */
  settings?: ReportYearSettings;
  /** A `--settings FILE`, merged over data/report-years.yaml when `settings` is absent. */
  override?: LoadedReportYears;
  corpus?: Corpus;
  engine?: Engine;
  /** `tip what-if` for the evidence: the action plan needs it, the demarche and press guidance follow its order. */
  whatIf?: WhatIf;
}

export interface RenderedDocument {
  doc: DocName;
  /** `ISO3-YEAR-doc.ext`: `CHN-2009-narrative.txt`. */
  fileName: string;
  content: string;
  /** The placeholders the text contains, in the order they were minted. */
  placeholders: Placeholder[];
}

export interface RenderedDocx {
  doc: DocName;
  fileName: string;
  bytes: Uint8Array;
  placeholders: Placeholder[];
}

/** One document's outcome: rendered, or the error that stopped it (the others still render). */
export type Outcome<T> = { doc: DocName; ok: true; value: T } | { doc: DocName; ok: false; error: unknown };

export function documentFileName(iso3: string, year: number, doc: DocName, format: DraftFormat): string {
  const ext = format === 'markdown' ? 'md' : format === 'docx' ? 'docx' : 'txt';
  return `${iso3}-${year}-${doc}.${ext}`;
}

/** One final newline: templates end paragraphs with blank lines, a file ends with exactly one. */
function finish(content: string): string {
  // A loop, not /\n*$/: V8 retries that pattern at every offset, quadratic in the draft's length.
  let end = content.length;
  while (end > 0 && content.charCodeAt(end - 1) === 10) end--;
  return content.slice(0, end) + '\n';
}

/** The documents asked for; `all` is every document the inputs allow (the action plan only with a what-if). */
function wanted(docs: RenderOptions['docs'], whatIf: boolean): DocName[] {
  return docs === 'all' ? DOC_NAMES.filter((d) => whatIf || !('needsWhatIf' in documentSpec(d))) : DOC_NAMES.filter((d) => docs.includes(d));
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

function contextFor(assessment: Assessment, evidence: Evidence, options: RenderOptions): DraftContext {
  if (assessment.open) throw openTierError(assessment);
  const given = options.settings;
  if (given !== undefined && given.year !== assessment.year) throw new Error(`the settings are for the ${given.year} Report, the evidence for ${assessment.year}`);
  const settings = () => given ?? resolveReportYear(assessment.year, options.override ? { override: options.override } : {});
  return draftContext(assessment, evidence, settings, options.corpus, options.whatIf);
}

function attempt<T>(doc: DocName, run: () => T): Outcome<T> {
  try {
    return { doc, ok: true, value: run() };
  } catch (error) {
    return { doc, ok: false, error };
  }
}

/**
 * Renders each requested document, in the fixed order of DOCUMENTS (duplicates dropped), as text or
 * Markdown. A document that fails (a bad settings file, say) is an outcome with its error; the
 * others are rendered all the same.
 */
export function renderEach(assessment: Assessment, evidence: Evidence, options: RenderOptions): Outcome<RenderedDocument>[] {
  const format = options.format ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) throw new Error(`unknown format ${String(format)}`);
  const engine = options.engine ?? bundledEngine();
  const ctx = contextFor(assessment, evidence, options);
  return wanted(options.docs, options.whatIf !== undefined).map((doc) =>
    attempt(doc, () => {
      const content = finish(engine.render(doc, documentSpec(doc).view(ctx), format));
      return { doc, fileName: documentFileName(assessment.country.iso3, assessment.year, doc, format), content, placeholders: ctx.ph.usedIn(content) };
    }),
  );
}

/** renderEach for callers that want every document or an error: throws the first failure. */
export function renderDocuments(assessment: Assessment, evidence: Evidence, options: RenderOptions): RenderedDocument[] {
  return renderEach(assessment, evidence, options).map((o) => {
    if (!o.ok) throw o.error;
    return o.value;
  });
}

/** The Word drafts: the same views and templates, rendered as Word paragraphs (src/render/docx/). */
export async function renderDocxEach(assessment: Assessment, evidence: Evidence, options: Omit<RenderOptions, 'format'>): Promise<Outcome<RenderedDocx>[]> {
  const engine = options.engine ?? bundledEngine();
  const ctx = contextFor(assessment, evidence, options);
  const out: Outcome<RenderedDocx>[] = [];
  for (const doc of wanted(options.docs, options.whatIf !== undefined)) {
    try {
      const spec = documentSpec(doc);
      const blocks = parseMarkup(engine.render(doc, sanitizeView(spec.view(ctx)), 'docx'));
      const placeholders = ctx.ph.usedIn(blocks.map(blockText).join('\n'));
      // docx (the library) is large: loaded only when a Word draft is asked for.
      const { blocksToDocx } = await import('./docx/build.js');
      const bytes = await blocksToDocx(blocks, { title: spec.title(assessment.country.name, assessment.year), subject: 'Trafficking in Persons Report' }, placeholders.map((p) => p.token));
      out.push({ doc, ok: true, value: { doc, fileName: documentFileName(assessment.country.iso3, assessment.year, doc, 'docx'), bytes, placeholders } });
    } catch (error) {
      out.push({ doc, ok: false, error });
    }
  }
  return out;
}

/** The .docx bytes of one draft (for the workbench's downloads). Throws when it cannot be rendered. */
export async function draftDocx(assessment: Assessment, evidence: Evidence, doc: DocName, options: Omit<RenderOptions, 'format' | 'docs'> = {}): Promise<Uint8Array> {
  const [outcome] = await renderDocxEach(assessment, evidence, { ...options, docs: [doc] });
  if (!outcome!.ok) throw outcome!.error;
  return outcome!.value.bytes;
}

/** Writes each document into `outDir` (created if needed), atomically. Returns the paths written, in order. */
export function writeDocuments(results: readonly (RenderedDocument | RenderedDocx)[], outDir: string): string[] {
  return results.map((r) => {
    const path = join(outDir, r.fileName);
    writeFileAtomic(path, 'bytes' in r ? r.bytes : r.content);
    return path;
  });
}

export { buildDemarcheView, type DemarcheView } from './view-demarche.js';
export { buildNarrativeView, type NarrativeView } from './view-narrative.js';
export { buildNonpaperView, type NonpaperView } from './view-nonpaper.js';
export { buildPressView, type PressView } from './view-press.js';
export { buildActionPlanView, recommendationsInPlanOrder, type ActionPlanView } from './view-action-plan.js';
export { lawOfYear, type LawView } from './law.js';
export { draftRecommendations, suggestedRecommendations } from './view-common.js';
export { layoutOf, bundledLayouts, type Layout } from './layout.js';
export { createEngine, bundledEngine, type Engine } from './engine.js';
export { Placeholders, isPlaceholder } from './placeholders.js';
