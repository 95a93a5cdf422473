import { tierName, type Tier } from '../model/tier.js';
import { safeId } from './escape.js';
import type { Timeline, TimelineYear } from './timeline.js';

/**
 * The geometry and words of a tier timeline, for the SVG partial of the HTML report
 * (templates/batch/partials/timeline.hbs): one cell per report year coloured by tier, the counted
 * place of each Watch List year from the 2009 report, a diamond for a waiver year (filled when a
 * row records it, hollow and dashed when only the clock implies it), a triangle for a downgrade
 * (filled red when automatic). Every cell has a title and every picture a title and a description,
 * so it reads without colour or sight. No markup is built here: the template draws, and escapes.
 */

export const CELL = 22;
export const BOX = 20;
const TOP = 12; // the waiver diamond's row above the boxes
const COUNT_Y = TOP + BOX + 9;
const MARK_Y = COUNT_Y + 2;
const YEAR_Y = MARK_Y + 16;
export const TIMELINE_HEIGHT = YEAR_Y + 2;

export const TIER_CLASS: Record<Tier, string> = { '1': 't1', '2': 't2', '2WL': 'twl', '3': 't3', special: 'tsc' };
export const TIER_SHORT: Record<Tier, string> = { '1': '1', '2': '2', '2WL': 'WL', '3': '3', special: 'SC' };

export interface CellView {
  x: number;
  cx: number;
  boxY: number;
  labelY: number;
  cls: string;
  label: string;
  title: string;
  /** The diamond's path, and whether it is a recorded or an inferred waiver. */
  waiver: { d: string; cls: string } | null;
  counted: { y: number; n: number } | null;
  /** The downgrade triangle and its class ("down" or "auto"). */
  downgrade: { d: string; cls: string } | null;
  /** The year under the cell: every fifth year and the report year. */
  year: { y: number; text: string } | null;
}

export interface TimelineView {
  id: string;
  iso3: string;
  width: number;
  height: number;
  title: string;
  desc: string;
  cells: CellView[];
}

function cellTitle(y: TimelineYear): string {
  const parts = [`${y.year}: ${y.tier ? tierName(y.tier) : 'no ledger row'}`];
  if (y.source === 'assessment') parts.push('this assessment');
  if (y.source === 'waiver-event') parts.push('from the waivers file');
  if (y.counted !== null) parts.push(`counted Watch List year ${y.counted}`);
  if (y.waiver === 'recorded') parts.push('placement by waiver (recorded)');
  if (y.waiver === 'inferred') parts.push('placement by waiver (inferred: the clock allowed it only with a waiver, no row records it)');
  if (y.automaticDowngrade) parts.push('automatic downgrade');
  else if (y.downgrade) parts.push('downgrade');
  return parts.join('; ');
}

/** One sentence per feature, for the picture's description. */
export function describeTimeline(t: Timeline): string {
  const seq = t.years.map((y) => `${y.year} ${y.tier ? tierName(y.tier) : 'no row'}`).join(', ');
  const counted = t.years.filter((y) => y.counted !== null).map((y) => `${y.year} (${y.counted})`);
  const recorded = t.years.filter((y) => y.waiver === 'recorded').map((y) => y.year);
  const inferred = t.years.filter((y) => y.waiver === 'inferred').map((y) => y.year);
  const autos = t.years.filter((y) => y.automaticDowngrade).map((y) => y.year);
  const downs = t.years.filter((y) => y.downgrade && !y.automaticDowngrade).map((y) => y.year);
  const parts = [`Placements: ${seq}.`];
  if (counted.length) parts.push(`Counted Watch List years: ${counted.join(', ')}.`);
  if (recorded.length) parts.push(`Waiver years recorded: ${recorded.join(', ')}.`);
  if (inferred.length) parts.push(`Waiver years inferred from the clock: ${inferred.join(', ')}.`);
  if (autos.length) parts.push(`Automatic downgrades: ${autos.join(', ')}.`);
  if (downs.length) parts.push(`Other downgrades: ${downs.join(', ')}.`);
  return parts.join(' ');
}

export const diamond = (cx: number, top: number) => `M${cx} ${top}l5 5-5 5-5-5z`;
export const triangle = (cx: number, y: number) => `M${cx - 5} ${y}h10l-5 8z`;

function cell(y: TimelineYear, i: number, last: boolean): CellView {
  const x = i * CELL + 1;
  const cx = x + BOX / 2;
  return {
    x,
    cx,
    boxY: TOP,
    labelY: TOP + 13,
    cls: `cell ${y.tier ? TIER_CLASS[y.tier] : 'tnone'}${last ? ' now' : ''}`,
    label: y.tier ? TIER_SHORT[y.tier] : '?',
    title: cellTitle(y),
    waiver: y.waiver === null ? null : { d: diamond(cx, 1), cls: y.waiver === 'recorded' ? 'waiver' : 'waiver inferred' },
    counted: y.counted === null ? null : { y: COUNT_Y, n: y.counted },
    downgrade: y.automaticDowngrade ? { d: triangle(cx, MARK_Y), cls: 'auto' } : y.downgrade ? { d: triangle(cx, MARK_Y), cls: 'down' } : null,
    year: last || y.year % 5 === 0 ? { y: YEAR_Y, text: String(y.year) } : null,
  };
}

export function timelineView(t: Timeline): TimelineView {
  return {
    id: safeId('tl', t.iso3),
    iso3: t.iso3,
    width: t.years.length * CELL + 2,
    height: TIMELINE_HEIGHT,
    title: `${t.name}: tier placements ${t.from}-${t.to}`,
    desc: describeTimeline(t),
    cells: t.years.map((y, i) => cell(y, i, i === t.years.length - 1)),
  };
}
