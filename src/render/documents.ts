import type { Assessment } from '../assess/types.js';
import type { Evidence } from '../evidence/schema.js';
import type { ReportYearSettings } from '../report-year/schema.js';
import type { Corpus } from '../rules/corpus.js';
import { lawOfYear, type LawView } from './law.js';
import { layoutOf, type Layout } from './layout.js';
import { Placeholders } from './placeholders.js';
import { buildDemarcheView } from './view-demarche.js';
import { buildNarrativeView, type NarrativeView } from './view-narrative.js';
import { buildNonpaperView, type NonpaperView } from './view-nonpaper.js';
import { buildPressView, type PressView } from './view-press.js';
import { buildReleaseView, type ReleaseView } from './view-release.js';

/**
 * The documents a draft set holds, as data: each has a template (templates/<name>.hbs), a title
 * for the Word file and the view it is rendered from. A new document (an action plan) is one entry
 * here, one view builder and one template; the commands, the batch and the workbench take their
 * lists from DOCUMENTS.
 */

/** What every view of one country's drafts is built from, computed once per render. */
export interface DraftContext {
  assessment: Assessment;
  evidence: Evidence;
  law: LawView;
  layout: Layout;
  /** The release facts, resolved on first use: only the demarche and the non-paper need the year's settings. */
  release: () => ReleaseView;
  ph: Placeholders;
  /** Views shared between documents (the demarche embeds the other three), built on first use. */
  cache: { narrative?: NarrativeView; nonpaper?: NonpaperView; press?: PressView };
}

export interface DocumentSpec {
  name: string;
  /** The Word file's title: "China: 2009 country narrative". */
  title: (country: string, year: number) => string;
  view: (ctx: DraftContext) => object;
}

function narrative(ctx: DraftContext): NarrativeView {
  return (ctx.cache.narrative ??= buildNarrativeView(ctx.assessment, ctx.evidence, ctx.law, ctx.layout, ctx.ph));
}

function nonpaper(ctx: DraftContext): NonpaperView {
  return (ctx.cache.nonpaper ??= buildNonpaperView(ctx.assessment, ctx.law, ctx.layout, ctx.release()));
}

function press(ctx: DraftContext): PressView {
  return (ctx.cache.press ??= buildPressView(ctx.assessment, ctx.evidence, narrative(ctx).placement));
}

export const DOCUMENTS = [
  { name: 'narrative', title: (c, y) => `${c}: ${y} TIP Report country narrative`, view: narrative },
  { name: 'demarche', title: (c, y) => `${c}: ${y} TIP Report demarche cable`, view: (ctx) => buildDemarcheView(ctx.assessment, ctx.law, ctx.layout, ctx.release(), { narrative: narrative(ctx), nonpaper: nonpaper(ctx), press: press(ctx) }, ctx.ph) },
  { name: 'nonpaper', title: (c, y) => `${c}: ${y} TIP Report non-paper`, view: nonpaper },
  { name: 'press', title: (c, y) => `${c}: ${y} TIP Report press guidance`, view: press },
] as const satisfies readonly DocumentSpec[];

export type DocName = (typeof DOCUMENTS)[number]['name'];
export const DOC_NAMES: readonly DocName[] = DOCUMENTS.map((d) => d.name);

export function isDocName(value: string): value is DocName {
  return (DOC_NAMES as readonly string[]).includes(value);
}

export function documentSpec(name: DocName): DocumentSpec {
  return DOCUMENTS.find((d) => d.name === name)!;
}

/** The context of one country's drafts: the law and layout of its year, its release facts, one placeholder collector. */
export function draftContext(assessment: Assessment, evidence: Evidence, settings: () => ReportYearSettings, corpus?: Corpus): DraftContext {
  const effective = (assessment.options.effective ?? {}) as Record<string, { from?: number; to?: number }>;
  const ph = new Placeholders();
  let release: ReleaseView | undefined;
  return {
    assessment,
    evidence,
    law: lawOfYear(assessment.year, corpus, effective),
    layout: layoutOf(assessment.year),
    release: () => (release ??= buildReleaseView(settings(), ph)),
    ph,
    cache: {},
  };
}
