import { tierName } from '../model/tier.js';
import type { Cite } from '../rules/schema.js';
import { escapeHtml as esc } from './escape.js';
import { CHANGE_LABEL, clockMark, plural, readingsLabel, swlLabel, tierLabel, WAIVER_OUTCOME_LABEL, windowLabel } from './labels.js';
import type { BatchReport } from './report-model.js';
import { legendSvg, TIMELINE_CSS, timelineSvg } from './svg.js';
import type { Timeline } from './timeline.js';
import { specialWatchListFirstReport } from './statute.js';

/**
 * report.html: one self-contained page. Inline CSS and SVG only; a Content-Security-Policy that
 * forbids every fetch and every script, so the page shows the same offline as online and nothing in
 * it can run. Every text from input goes through escapeHtml.
 */

const CSS = `
body { font-family: system-ui, sans-serif; margin: 2rem; color: #222; max-width: 1400px; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 1px solid #ccc; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; font-size: 0.85rem; }
th, td { border: 1px solid #ccc; padding: 3px 6px; text-align: left; vertical-align: middle; }
thead th { background: #f0f0f0; }
td.num { text-align: right; }
.mark { color: #b2182b; font-weight: 600; }
pre { background: #f7f7f7; padding: 0.5rem; overflow-x: auto; font-size: 0.8rem; }
.cite { font-size: 0.85rem; color: #555; }
${TIMELINE_CSS}`;

function cite(c: Cite): string {
  return `<a href="${esc(c.href)}">${esc(c.title)}</a>`;
}

function table(caption: string, head: string[], rows: string[][], numeric: number[] = []): string {
  const th = head.map((h) => `<th scope="col">${h}</th>`).join('');
  // The first cell names the country (or tier): a row header for screen readers.
  const body = rows
    .map((r) => `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${c}</th>` : `<td${numeric.includes(i) ? ' class="num"' : ''}>${c}</td>`)).join('')}</tr>`)
    .join('\n');
  return `<table>\n<caption>${caption}</caption>\n<thead><tr>${th}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

function none(): string {
  return '<p>No country.</p>';
}

export function renderHtml(r: BatchReport): string {
  const y = r.year;
  const timelines = new Map<string, Timeline>(r.timelines.map((t) => [t.iso3, t]));
  const parts: string[] = [];
  parts.push(`<h1>Trafficking in Persons Report ${y}: tier assessments of the year</h1>`);
  parts.push(
    `<p>Reporting period ${r.reportingPeriod.from} to ${r.reportingPeriod.to}. ${esc(plural(r.totals.assessed, 'country', 'countries'))} assessed, ` +
      `${esc(plural(r.totals.failed, 'file'))} failed, ${esc(plural(r.totals.skipped, 'file'))} of other years skipped. ` +
      `Tier history: ${r.inputs.history ? esc(r.inputs.history) : 'none given (the Watch List clock was not applied)'}${r.inputs.waivers ? `; waivers: ${esc(r.inputs.waivers)}` : ''}.</p>`,
  );
  parts.push(`<p class="cite">Readings applied: ${esc(readingsLabel(r.readings))}.</p>`);

  parts.push('<h2 id="counts">Countries by tier</h2>');
  parts.push(table('Number of countries on each tier', ['Tier', 'Countries'], r.counts.map((c) => [esc(c.name), String(c.count)]), [1]));
  const ch = r.changes;
  parts.push(
    `<p>Changes from the ${y - 1} report: ${ch.upgrade} up, ${ch.downgrade} down (${ch.automaticDowngrade} by the Watch List clock), ${ch.same} unchanged, ` +
      `${ch.unknown} without last year's placement, ${ch.notComparable} not comparable; ${esc(plural(ch.waiver, 'waiver'))} of the automatic downgrade.</p>`,
  );

  parts.push('<h2 id="placements">Tier placements and timelines</h2>');
  parts.push(legendSvg());
  parts.push(
    table(
      `Each country's tier, last year's tier, the change and its tier timeline`,
      ['Country', 'ISO3', 'Bureau', 'Tier', `${y - 1}`, 'Change', 'Watch List clock', 'Special Watch List', 'Timeline'],
      r.countries.map((c) => {
        const mark = clockMark(c.clockEffect, y);
        const t = timelines.get(c.iso3);
        return [
          esc(c.name),
          esc(c.iso3),
          esc(c.bureau),
          esc(tierName(c.tier)),
          esc(tierLabel(c.previousTier)),
          esc(CHANGE_LABEL[c.change]) + (mark ? `; <span class="mark">${esc(mark)}</span>` : ''),
          c.countedWatchListYears === null ? 'not applied' : esc(`${c.consecutiveWatchListYears} consecutive, ${c.countedWatchListYears} counted; ${c.watchListPlacement}`),
          esc(swlLabel(c.specialWatchList)),
          t ? timelineSvg(t) : '',
        ];
      }),
    ),
  );

  parts.push(`<h2 id="swl">Special Watch List</h2>`);
  if (r.cites.specialWatchList.length > 0) parts.push(`<p class="cite">${r.cites.specialWatchList.map(cite).join('; ')}</p>`);
  if (r.interimAssessment) {
    parts.push(`<p>Interim assessment due <strong>${esc(r.interimAssessment.due)}</strong> (${r.interimAssessment.cites.map(cite).join(', ')}): ${esc(r.interimAssessment.reference)}.</p>`);
  } else {
    parts.push(`<p>There is no Special Watch List in the ${y} report: it first applies to the ${specialWatchListFirstReport()} report.</p>`);
  }
  if (!r.specialWatchListComputed) parts.push('<p>Membership was not computed for this batch.</p>');
  else if (r.specialWatchList.length === 0) parts.push(none());
  else {
    parts.push(
      table(
        'Countries on the Special Watch List',
        ['Country', 'ISO3', 'Tier', `${y - 1}`, 'Member', 'Grounds'],
        r.specialWatchList.map((s) => [esc(s.name), esc(s.iso3), esc(tierName(s.tier)), esc(tierLabel(s.previousTier)), s.member === true ? 'yes' : 'unknown', esc(s.grounds.join('; '))]),
      ),
    );
  }

  parts.push(`<h2 id="tier3">Tier 3</h2>`);
  if (r.cites.tier3.length > 0) parts.push(`<p class="cite">${r.cites.tier3.map(cite).join('; ')}</p>`);
  if (r.tier3.length === 0) parts.push(none());
  else {
    parts.push(
      table(
        'Tier 3 countries, the presidential determination window and the fiscal year affected',
        ['Country', 'ISO3', `${y - 1}`, 'Clock', 'Determination window', 'Fiscal year affected'],
        r.tier3.map((t) => [
          esc(t.name),
          esc(t.iso3),
          esc(tierLabel(t.previousTier)),
          esc(clockMark(t.clockEffect, y) ?? 'none'),
          esc(windowLabel(t.determinationWindow)),
          t.fiscalYear === null ? 'not computed' : `FY${t.fiscalYear}`,
        ]),
      ),
    );
  }

  parts.push(`<h2 id="waivers">Watch List placements that need a waiver decision</h2>`);
  if (r.cites.waiver.length > 0) parts.push(`<p class="cite">${r.cites.waiver.map(cite).join('; ')}</p>`);
  if (r.waiverDecisions.length === 0) parts.push(none());
  else {
    parts.push(
      table(
        'Countries whose Watch List placement this year is allowed only with a waiver',
        ['Country', 'ISO3', 'Counted Watch List years before', 'Waiver years used / allowed', 'Assessed (before the clock)', 'Outcome'],
        r.waiverDecisions.map((w) => [
          esc(w.name),
          esc(w.iso3),
          String(w.countedWatchListYears),
          `${w.waiverYearsUsed} / ${w.waiverYearsAllowed}`,
          esc(tierName(w.tierBeforeClock)),
          esc(WAIVER_OUTCOME_LABEL[w.outcome]),
        ]),
        [2],
      ),
    );
  }

  parts.push('<h2 id="failures">Failed files</h2>');
  if (r.failures.length === 0) parts.push('<p>None.</p>');
  else parts.push(`<pre>${esc(r.failures.flatMap((f) => f.errors).join('\n'))}</pre>`);

  if (r.skipped.length > 0) {
    parts.push('<h2 id="skipped">Files of other report years (skipped)</h2>');
    parts.push(table('Files skipped', ['File', 'Report year'], r.skipped.map((s) => [esc(s.file), s.reportYear === null ? 'unknown' : String(s.reportYear)])));
  }

  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>Trafficking in Persons Report ${y}: tier assessments</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    '<main>',
    ...parts,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
