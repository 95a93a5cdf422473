import { tierName, type Tier } from '../model/tier.js';
import { escapeHtml as esc, safeId } from './escape.js';
import type { Timeline, TimelineYear } from './timeline.js';

/**
 * Inline SVG pictures of tier timelines: one cell per report year coloured by tier, with the
 * Watch List clock drawn on it (the counted place of each Watch List year from the 2009 report, a
 * diamond for a waiver year, a triangle for a downgrade, filled red when automatic). Every cell has
 * a <title> and every picture a <title> and <desc>, so the picture reads without colour or sight.
 * Colours and shapes are set by CSS classes (see TIMELINE_CSS), which keeps 200 pictures small.
 */

const CELL = 22;
const BOX = 20;
const TOP = 12; // marker row (waiver diamond) above the tier boxes
const BOX_Y = TOP;
const COUNT_Y = BOX_Y + BOX + 9;
const MARK_Y = COUNT_Y + 2;
const YEAR_Y = MARK_Y + 16;
const HEIGHT = YEAR_Y + 2;

const TIER_CLASS: Record<Tier, string> = { '1': 't1', '2': 't2', '2WL': 'twl', '3': 't3', special: 'tsc' };
const TIER_SHORT: Record<Tier, string> = { '1': '1', '2': '2', '2WL': 'WL', '3': '3', special: 'SC' };

export const TIMELINE_CSS = `
svg.timeline, svg.legend { font-family: system-ui, sans-serif; display: block; }
.cell rect { stroke: #333; stroke-width: 0.5; }
.t1 rect { fill: #1a9850; } .t2 rect { fill: #4575b4; } .twl rect { fill: #fdae61; }
.t3 rect { fill: #d73027; } .tsc rect { fill: #9e9e9e; }
.tnone rect { fill: #fff; stroke: #888; stroke-dasharray: 2 2; }
.cell text.lab { font-size: 8px; text-anchor: middle; fill: #fff; font-weight: 600; }
.twl text.lab, .tnone text.lab { fill: #222; }
.now rect { stroke: #000; stroke-width: 2; }
text.cnt { font-size: 8px; text-anchor: middle; fill: #7a3d00; font-weight: 700; }
text.yr { font-size: 7px; text-anchor: middle; fill: #555; }
path.waiver { fill: #6a3d9a; }
path.down { fill: none; stroke: #333; stroke-width: 1; }
path.auto { fill: #b2182b; stroke: #b2182b; }
`;

function cellTitle(y: TimelineYear): string {
  const parts = [`${y.year}: ${y.tier ? tierName(y.tier) : 'no ledger row'}`];
  if (y.source === 'assessment') parts.push('this assessment');
  if (y.source === 'waiver-event') parts.push('from the waivers file');
  if (y.counted !== null) parts.push(`counted Watch List year ${y.counted}`);
  if (y.waiver) parts.push('placement by waiver');
  if (y.automaticDowngrade) parts.push('automatic downgrade');
  else if (y.downgrade) parts.push('downgrade');
  return parts.join('; ');
}

function cell(y: TimelineYear, i: number, last: boolean): string {
  const x = i * CELL + 1;
  const cx = x + BOX / 2;
  const cls = `cell ${y.tier ? TIER_CLASS[y.tier] : 'tnone'}${last ? ' now' : ''}`;
  const out: string[] = [`<g class="${cls}"><title>${esc(cellTitle(y))}</title>`];
  out.push(`<rect x="${x}" y="${BOX_Y}" width="${BOX}" height="${BOX}"/>`);
  out.push(`<text class="lab" x="${cx}" y="${BOX_Y + 13}">${y.tier ? TIER_SHORT[y.tier] : '?'}</text>`);
  if (y.waiver) out.push(`<path class="waiver" d="M${cx} 1l5 5-5 5-5-5z"/>`);
  if (y.counted !== null) out.push(`<text class="cnt" x="${cx}" y="${COUNT_Y}">${y.counted}</text>`);
  if (y.automaticDowngrade) out.push(`<path class="auto" d="M${cx - 5} ${MARK_Y}h10l-5 8z"/>`);
  else if (y.downgrade) out.push(`<path class="down" d="M${cx - 5} ${MARK_Y}h10l-5 8z"/>`);
  out.push('</g>');
  // Year labels on every fifth year and the report year keep the axis readable at this size.
  if (last || y.year % 5 === 0) out.push(`<text class="yr" x="${cx}" y="${YEAR_Y}">${y.year}</text>`);
  return out.join('');
}

/** One sentence per feature, for the picture's <desc>. */
export function describeTimeline(t: Timeline): string {
  const seq = t.years.map((y) => `${y.year} ${y.tier ? tierName(y.tier) : 'no row'}`).join(', ');
  const counted = t.years.filter((y) => y.counted !== null).map((y) => `${y.year} (${y.counted})`);
  const waivers = t.years.filter((y) => y.waiver).map((y) => y.year);
  const autos = t.years.filter((y) => y.automaticDowngrade).map((y) => y.year);
  const downs = t.years.filter((y) => y.downgrade && !y.automaticDowngrade).map((y) => y.year);
  const parts = [`Placements: ${seq}.`];
  if (counted.length) parts.push(`Counted Watch List years: ${counted.join(', ')}.`);
  if (waivers.length) parts.push(`Waiver years: ${waivers.join(', ')}.`);
  if (autos.length) parts.push(`Automatic downgrades: ${autos.join(', ')}.`);
  if (downs.length) parts.push(`Other downgrades: ${downs.join(', ')}.`);
  return parts.join(' ');
}

export function timelineSvg(t: Timeline): string {
  const width = t.years.length * CELL + 2;
  const id = safeId('tl', t.iso3);
  const cells = t.years.map((y, i) => cell(y, i, i === t.years.length - 1)).join('');
  return (
    `<svg class="timeline" xmlns="http://www.w3.org/2000/svg" role="img" width="${width}" height="${HEIGHT}" viewBox="0 0 ${width} ${HEIGHT}" aria-labelledby="${id}-t ${id}-d" data-iso3="${esc(t.iso3)}">` +
    `<title id="${id}-t">${esc(t.name)}: tier placements ${t.from}-${t.to}</title>` +
    `<desc id="${id}-d">${esc(describeTimeline(t))}</desc>` +
    cells +
    '</svg>'
  );
}

/** The legend: each colour and mark once, with its meaning in words. */
export function legendSvg(): string {
  const items: { draw: (x: number) => string; text: string }[] = [
    ...(['1', '2', '2WL', '3', 'special'] as const).map((tier) => ({
      draw: (x: number) => `<g class="cell ${TIER_CLASS[tier]}"><rect x="${x}" y="4" width="${BOX}" height="${BOX}"/><text class="lab" x="${x + BOX / 2}" y="17">${TIER_SHORT[tier]}</text></g>`,
      text: tierName(tier),
    })),
    { draw: (x) => `<g class="cell tnone"><rect x="${x}" y="4" width="${BOX}" height="${BOX}"/><text class="lab" x="${x + BOX / 2}" y="17">?</text></g>`, text: 'no ledger row' },
    { draw: (x) => `<g class="cell now"><rect x="${x}" y="4" width="${BOX}" height="${BOX}" fill="#fff"/></g>`, text: 'this report (assessed)' },
    { draw: (x) => `<text class="cnt" x="${x + BOX / 2}" y="18">2</text>`, text: 'counted Watch List year (from 2009)' },
    { draw: (x) => `<path class="waiver" d="M${x + BOX / 2} 8l5 5-5 5-5-5z"/>`, text: 'placement by waiver' },
    { draw: (x) => `<path class="down" d="M${x + BOX / 2 - 5} 10h10l-5 8z"/>`, text: 'downgrade' },
    { draw: (x) => `<path class="auto" d="M${x + BOX / 2 - 5} 10h10l-5 8z"/>`, text: 'automatic downgrade' },
  ];
  // Two rows keep the legend narrower than the page.
  const perRow = 4;
  const colWidth = 250;
  const parts: string[] = [];
  items.forEach((item, i) => {
    const x = (i % perRow) * colWidth + 2;
    const y = Math.floor(i / perRow) * 28;
    parts.push(`<g transform="translate(0 ${y})">${item.draw(x)}<text x="${x + BOX + 6}" y="17" font-size="11">${esc(item.text)}</text></g>`);
  });
  const width = perRow * colWidth;
  const height = Math.ceil(items.length / perRow) * 28 + 2;
  return (
    `<svg class="legend" xmlns="http://www.w3.org/2000/svg" role="img" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" aria-labelledby="legend-t legend-d">` +
    `<title id="legend-t">Legend of the tier timelines</title>` +
    `<desc id="legend-d">${esc(items.map((i) => i.text).join('; '))}</desc>` +
    parts.join('') +
    '</svg>'
  );
}
