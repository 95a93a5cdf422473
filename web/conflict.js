// @ts-check
import { api } from './api.js';
import { focusOn, h, replace } from './dom.js';
import { pathKey } from './schema-model.js';

/**
 * When the file changed on disk after it was opened, the save is refused (409) and nothing is
 * overwritten. This shows the officer what differs between the file on disk and the form, and
 * lets them choose: keep their version (save over the file, now knowingly), take the file on disk,
 * or download their version first.
 */

/** @typedef {{ key: string, disk: unknown, mine: unknown }} Difference */

/**
 * The leaves that differ between two values (at most `limit`).
 * @param {unknown} disk @param {unknown} mine @param {number} [limit]
 * @returns {Difference[]}
 */
export function differences(disk, mine, limit = 40) {
  /** @type {Difference[]} */
  const out = [];
  const walk = (/** @type {unknown} */ a, /** @type {unknown} */ b, /** @type {(string | number)[]} */ path) => {
    if (out.length >= limit) return;
    const objA = a !== null && typeof a === 'object';
    const objB = b !== null && typeof b === 'object';
    if (objA && objB && Array.isArray(a) === Array.isArray(b)) {
      const keys = new Set([...Object.keys(/** @type {object} */ (a)), ...Object.keys(/** @type {object} */ (b))]);
      for (const k of keys) walk(/** @type {any} */ (a)[k], /** @type {any} */ (b)[k], [...path, Array.isArray(a) ? Number(k) : k]);
      return;
    }
    if (JSON.stringify(a) !== JSON.stringify(b)) out.push({ key: pathKey(path), disk: a, mine: b });
  };
  walk(disk, mine, []);
  return out;
}

/** @param {unknown} v */
function shown(v) {
  if (v === undefined) return '(absent)';
  const text = typeof v === 'string' ? v : JSON.stringify(v);
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}

/**
 * Shows the conflict in `into`.
 * @param {HTMLElement} into
 * @param {{ path: string, mine: unknown, message: string, onKeepMine: (revision: string | null) => void, onTakeDisk: () => void, onDownloadMine: () => void }} c
 */
export async function showConflict(into, c) {
  let disk = null;
  try {
    disk = await api(`/api/files/${c.path.split('/').map(encodeURIComponent).join('/')}`);
  } catch {
    disk = null;
  }
  const diffs = disk ? differences(disk.value, c.mine) : [];
  const rows = diffs.map((d) => h('tr', {}, [h('th', { scope: 'row' }, d.key), h('td', {}, shown(d.disk)), h('td', {}, shown(d.mine))]));
  const box = h('section', { class: 'conflict', role: 'alert', 'aria-labelledby': 'conflict-title' }, [
    h('h2', { id: 'conflict-title', tabindex: '-1' }, 'The file changed on disk: nothing was overwritten'),
    h('p', {}, c.message),
    disk
      ? h('table', {}, [h('caption', {}, `${diffs.length} difference${diffs.length === 1 ? '' : 's'} between the file on disk and the form`), h('thead', {}, h('tr', {}, ['Field', 'On disk', 'In the form'].map((t) => h('th', { scope: 'col' }, t)))), h('tbody', {}, rows)])
      : h('p', {}, 'The file is no longer on disk.'),
    h('div', { class: 'buttons' }, [
      h('button', { type: 'button', onclick: () => c.onDownloadMine() }, 'Download my version (JSON)'),
      h('button', { type: 'button', onclick: () => c.onTakeDisk() }, 'Take the file on disk (drop my edits)'),
      h('button', { type: 'button', class: 'danger', onclick: () => c.onKeepMine(disk ? disk.revision : null) }, 'Keep my version (save over the file on disk)'),
    ]),
  ]);
  replace(into, box);
  focusOn(/** @type {HTMLElement} */ (box.querySelector('h2')));
}
