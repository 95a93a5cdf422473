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
import { buildActionPlanView, recommendationsInPlanOrder } from './view-action-plan.js';
import type { WhatIf } from '../whatif/types.js';

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
  /**
   * `tip what-if` for this evidence, when the caller computed it: the action plan is drawn from it,
   * and the demarche and the press guidance order their recommendations by it.
   */
  whatIf?: WhatIf;
  /** Views shared between documents (the demarche embeds the other three), built on first use. */
  cache: { narrative?: NarrativeView; nonpaper?: NonpaperView; press?: PressView };
}

export interface DocumentSpec {
  name: string;
  /** The Word file's title: "China: 2009 country narrative". */
  title: (country: string, year: number) => string;
  view: (ctx: DraftContext) => object;
  /** The document needs `tip what-if` (DraftContext.whatIf); `all` leaves it out without one. */
  needsWhatIf?: true;
  /** The document orders its recommendations by `tip what-if` when there is one. */
  ordersByWhatIf?: true;
}

function narrative(ctx: DraftContext): NarrativeView {
  return (ctx.cache.narrative ??= buildNarrativeView(ctx.assessment, ctx.evidence, ctx.law, ctx.layout, ctx.ph));
}

function nonpaper(ctx: DraftContext): NonpaperView {
  return (ctx.cache.nonpaper ??= buildNonpaperView(ctx.assessment, ctx.law, ctx.layout, ctx.release()));
}

/** The recommendations in the order of the action plan's priorities, when there is a what-if. */
function ordered(ctx: DraftContext): string[] | undefined {
  return ctx.whatIf ? recommendationsInPlanOrder(ctx.assessment, ctx.whatIf.plan) : undefined;
}

function press(ctx: DraftContext): PressView {
  return (ctx.cache.press ??= buildPressView(ctx.assessment, ctx.evidence, narrative(ctx).placement, ordered(ctx)));
}

function actionPlan(ctx: DraftContext): object {
  if (!ctx.whatIf) throw new Error('the action plan is drawn from tip what-if: pass its result (RenderOptions.whatIf)');
  return buildActionPlanView(ctx.assessment, ctx.whatIf, ctx.law, ctx.release, ctx.ph);
}

export const DOCUMENTS = [
  { name: 'narrative', title: (c, y) => `${c}: ${y} TIP Report country narrative`, view: narrative },
  {
    name: 'demarche',
    title: (c, y) => `${c}: ${y} TIP Report demarche cable`,
    view: (ctx) => buildDemarcheView(ctx.assessment, ctx.law, ctx.layout, ctx.release(), { narrative: narrative(ctx), nonpaper: nonpaper(ctx), press: press(ctx) }, ctx.ph, ctx.whatIf ? ctx.whatIf.plan.map((a) => a.text) : []),
    ordersByWhatIf: true,
  },
  { name: 'nonpaper', title: (c, y) => `${c}: ${y} TIP Report non-paper`, view: nonpaper },
  { name: 'press', title: (c, y) => `${c}: ${y} TIP Report press guidance`, view: press, ordersByWhatIf: true },
  { name: 'action-plan', title: (c, y) => `${c}: ${y} TIP Report action plan (draft)`, view: actionPlan, needsWhatIf: true },
] as const satisfies readonly DocumentSpec[];

export type DocName = (typeof DOCUMENTS)[number]['name'];
export const DOC_NAMES: readonly DocName[] = DOCUMENTS.map((d) => d.name);

export function isDocName(value: string): value is DocName {
  return (DOC_NAMES as readonly string[]).includes(value);
}

/** Whether drafting the document reads `tip what-if` (so a caller computes it first). */
export function usesWhatIf(name: DocName): boolean {
  const spec = documentSpec(name);
  return spec.needsWhatIf === true || spec.ordersByWhatIf === true;
}

export function documentSpec(name: DocName): DocumentSpec {
  return DOCUMENTS.find((d) => d.name === name)!;
}

/** The context of one country's drafts: the law and layout of its year, its release facts, one placeholder collector. */
export function draftContext(assessment: Assessment, evidence: Evidence, settings: () => ReportYearSettings, corpus?: Corpus, whatIf?: WhatIf): DraftContext {
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
    ...(whatIf ? { whatIf } : {}),
    cache: {},
  };
}
