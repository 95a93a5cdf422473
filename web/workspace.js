// @ts-check
import { api } from './api.js';
import { focusOn, h, replace } from './dom.js';
import { draftPaths } from './storage.js';

/**
 * The workspace: every country-year in the folder with its tier, whether it is valid, and its
 * Watch List clock; and "New country-year", which starts a file from last year's.
 */

/** @param {any} clock */
function clockText(clock) {
  if (!clock) return 'no ledger';
  const placement = { allowed: 'Watch List allowed', 'needs-waiver': 'Watch List only with a waiver', barred: 'Watch List barred', unavailable: 'no Watch List yet', unknown: 'depends on missing years' }[String(clock.placement)] ?? String(clock.placement);
  return `${clock.consecutive} consecutive Watch List year(s) before, ${clock.counted} counted; ${placement}${clock.earliestDowngrade ? `; earliest downgrade ${clock.earliestDowngrade}` : ''}`;
}

/** @param {any} f @param {Set<string>} drafts */
function row(f, drafts) {
  const open = h('a', { href: `#/edit/${f.path}` }, f.name ? `${f.name}${f.year ? `, ${f.year}` : ''}` : f.path);
  return h('tr', {}, [
    h('th', { scope: 'row' }, open),
    h('td', {}, f.iso3 ?? '–'),
    h('td', {}, f.year ?? '–'),
    h('td', {}, h('code', {}, f.path)),
    h('td', {}, f.tierName ?? (f.valid ? '–' : 'not assessed')),
    h('td', { class: f.valid ? 'ok' : 'bad' }, f.valid ? 'valid' : `${f.problems} problem${f.problems === 1 ? '' : 's'}`),
    h('td', {}, clockText(f.clock)),
    h('td', {}, drafts.has(f.path) ? 'unsaved changes in this browser' : ''),
  ]);
}

/** @param {any[]} countries */
function newForm(countries) {
  const list = h('datalist', { id: 'country-codes' }, countries.map((c) => h('option', { value: c.iso3 }, c.name ?? c.iso3)));
  const year = new Date().getFullYear() + 1;
  /** @param {Event} e */
  const submit = (e) => {
    e.preventDefault();
    const data = new FormData(/** @type {HTMLFormElement} */ (e.target));
    const iso3 = String(data.get('iso3') ?? '').trim().toUpperCase();
    const y = String(data.get('year') ?? '').trim();
    location.hash = `#/new/${encodeURIComponent(iso3)}/${encodeURIComponent(y)}`;
  };
  return h('form', { class: 'new-country-year', 'aria-labelledby': 'new-title', onsubmit: submit }, [
    h('h2', { id: 'new-title' }, 'New country-year'),
    h('p', { class: 'help' }, 'Starts from the country\'s latest file in this workspace: every value is carried forward and marked until you change it. Names and bureau come from the bundled country table where the file lacks them.'),
    h('div', { class: 'inline' }, [
      h('label', { for: 'new-iso3' }, 'Country (ISO 3166-1 alpha-3 code)'),
      h('input', { id: 'new-iso3', name: 'iso3', list: 'country-codes', required: true, pattern: '[A-Za-z]{3}', maxlength: 3, size: 5, autocomplete: 'off' }),
      list,
      h('label', { for: 'new-year' }, 'Report year'),
      h('input', { id: 'new-year', name: 'year', required: true, inputmode: 'numeric', pattern: '\\d{4}', size: 6, value: String(year) }),
      h('button', { type: 'submit', class: 'primary' }, 'Create'),
    ]),
  ]);
}

/** @param {HTMLElement} root */
export async function showWorkspace(root) {
  const [files, table] = await Promise.all([api('/api/files'), api('/api/countries')]);
  const drafts = new Set(draftPaths());
  const head = ['Country-year', 'ISO3', 'Year', 'File', 'Tier', 'Validity', 'Watch List clock', 'Unsaved'];
  replace(root, [
    h('h1', { id: 'workspace-title', tabindex: '-1' }, 'Workspace'),
    h('p', {}, [`Folder: `, h('code', {}, files.workspace), '. Ledger: ', files.ledger ? h('code', {}, files.ledger) : 'none (the Watch List clock is not applied)', '.']),
    newForm(table.countries),
    h('table', { class: 'files' }, [
      h('caption', {}, `${files.files.length} evidence file${files.files.length === 1 ? '' : 's'}`),
      h('thead', {}, h('tr', {}, head.map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, files.files.map((/** @type {any} */ f) => row(f, drafts))),
    ]),
  ]);
  focusOn(document.getElementById('workspace-title'));
}
