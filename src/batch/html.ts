import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TEMPLATES_DIR } from '../paths.js';
import { COMMON_HELPERS, createTemplateSet, type TemplateSet } from '../render/handlebars.js';
import { reportView } from './report-view.js';
import type { BatchReport } from './report-model.js';
import type { TimelineView } from './timeline-view.js';

/**
 * report.html: one self-contained page, rendered from templates/batch/report.hbs in the drafts'
 * isolated Handlebars setup (strict, knownHelpersOnly) with HTML escaping on, so every text from
 * the evidence, the ledger or a diagnostic is escaped by Handlebars and nothing by hand. The page
 * has one small inline script (sorting, templates/batch/report.js), allowed by its SHA-256 hash in
 * the Content-Security-Policy, which forbids every fetch and every other script; the tier filter
 * is CSS and works without it.
 */

const BATCH_TEMPLATES = join(TEMPLATES_DIR, 'batch');

let templates: TemplateSet | undefined;
let script: { text: string; hash: string } | undefined;

function page(): TemplateSet {
  templates ??= createTemplateSet(BATCH_TEMPLATES, { helpers: COMMON_HELPERS, escapeHtml: true });
  return templates;
}

/** The sorting script and its CSP source expression ('sha256-...'). */
export function reportScript(): { text: string; hash: string } {
  if (!script) {
    const text = readFileSync(join(BATCH_TEMPLATES, 'report.js'), 'utf8');
    script = { text, hash: `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}` };
  }
  return script;
}

let css: string | undefined;

/** The timelines' styles (templates/batch/timeline.css), shared with the workbench. */
export function timelineCss(): string {
  css ??= readFileSync(join(BATCH_TEMPLATES, 'timeline.css'), 'utf8');
  return css;
}

/** One country's timeline as inline SVG, from the same template as the report's. */
export function renderTimelineSvg(view: TimelineView): string {
  return page().render('timeline', view, {}).trim();
}

export function renderHtml(r: BatchReport): string {
  const s = reportScript();
  return page().render('report', { ...reportView(r), script: s.text, scriptHash: s.hash, timelineCss: timelineCss() }, {});
}
