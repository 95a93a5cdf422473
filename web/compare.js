// @ts-check
import { h, replace } from './dom.js';
import { getIn, humanize, pathKey } from './schema-model.js';

/**
 * Last year's figures beside this year's: every number in either file (investigations,
 * prosecutions, convictions, victims identified, officials trained, ...), with the direction of
 * the change, so increasing or decreasing efforts show without retyping. The officer can write the
 * comparison into the rationale of "compared with last year" with one button.
 */

/** @typedef {{ key: string, label: string, before: number | null, now: number | null }} Row */

/**
 * Every path holding a number in either value (years excluded: they are dates, not efforts).
 * @param {unknown} previous @param {unknown} current @returns {Row[]}
 */
export function figureRows(previous, current) {
  /** @type {Map<string, (string | number)[]>} */
  const paths = new Map();
  const walk = (/** @type {unknown} */ v, /** @type {(string | number)[]} */ path) => {
    if (typeof v === 'number') {
      const last = String(path[path.length - 1] ?? '');
      if (!/year|adopted/.test(last)) paths.set(pathKey(path), path);
    } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
  };
  walk(previous, []);
  walk(current, []);
  return [...paths.entries()].map(([key, path]) => {
    const num = (/** @type {unknown} */ x) => (typeof x === 'number' ? x : null);
    const label = path.filter((p) => typeof p === 'string').map((p) => humanize(String(p))).join(': ');
    return { key, label, before: num(getIn(previous, path)), now: num(getIn(current, path)) };
  });
}

/** @param {Row} r */
export function direction(r) {
  if (r.before === null && r.now === null) return 'not reported';
  if (r.before === null) return 'new this year';
  if (r.now === null) return 'not reported this year';
  if (r.now === r.before) return 'the same';
  const pct = r.before === 0 ? '' : ` (${Math.round((100 * Math.abs(r.now - r.before)) / r.before)}%)`;
  return r.now > r.before ? `up${pct}` : `down${pct}`;
}

/** One sentence for the rationale. @param {Row[]} rows @param {number} year */
export function comparisonSentence(rows, year) {
  const parts = rows.filter((r) => r.before !== null || r.now !== null).map((r) => `${r.label.toLowerCase()} ${r.before ?? 'not reported'} → ${r.now ?? 'not reported'} (${direction(r)})`);
  return parts.length ? `Compared with the ${year} report: ${parts.join('; ')}.` : '';
}

/**
 * The comparison table, or a note when there is no earlier file.
 * @param {HTMLElement} into
 * @param {{ year: number, value: unknown } | null} previous
 * @param {unknown} current
 * @param {(sentence: string) => void} onWrite
 */
export function showComparison(into, previous, current, onWrite) {
  if (!previous) {
    replace(into, h('p', { class: 'help' }, 'No earlier file for this country in the workspace: nothing to compare with.'));
    return;
  }
  const rows = figureRows(previous.value, current);
  const year = /** @type {number} */ (getIn(current, ['report_year']) ?? previous.year + 1);
  const table = h('table', { class: 'comparison' }, [
    h('caption', {}, `Figures in the ${previous.year} file and in this one`),
    h('thead', {}, h('tr', {}, [h('th', { scope: 'col' }, 'Figure'), h('th', { scope: 'col' }, String(previous.year)), h('th', { scope: 'col' }, String(year)), h('th', { scope: 'col' }, 'Change')])),
    h('tbody', {}, rows.map((r) => h('tr', { class: `dir-${direction(r).split(' ')[0]}` }, [h('th', { scope: 'row' }, r.label), h('td', {}, r.before ?? '–'), h('td', {}, r.now ?? '–'), h('td', {}, direction(r))]))),
  ]);
  const write = h('button', { type: 'button', onclick: () => onWrite(comparisonSentence(rows, previous.year)) }, 'Write these figures into the rationale');
  replace(into, [table, write]);
}
