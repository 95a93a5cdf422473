import { renderTimelineSvg, timelineCss } from './html.js';
import { timelineView } from './timeline-view.js';
import type { Timeline } from './timeline.js';

/**
 * A country's tier timeline as inline SVG and its styles, for the workbench (src/serve), drawn by
 * the batch report's own template (templates/batch/partials/timeline.hbs) with HTML escaping on.
 */
export function timelineSvg(t: Timeline): string {
  return renderTimelineSvg(timelineView(t));
}

/** templates/batch/timeline.css, the styles the SVG's classes need. */
export const TIMELINE_CSS: string = timelineCss();
