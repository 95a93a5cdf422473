// @ts-check
import { api } from './api.js';
import { announce, focusOn, h, replace } from './dom.js';
import { Editor } from './editor.js';
import { showWorkspace } from './workspace.js';

/**
 * The workbench page: a workspace list (#/), a file in the form (#/edit/PATH) and a new
 * country-year (#/new/ISO3/YEAR). Everything comes from the JSON API of `tip serve`.
 */

const main = /** @type {HTMLElement} */ (document.getElementById('main'));
/** @type {{ schema: any, formats: any } | null} */
let basics = null;

async function loadBasics() {
  basics ??= { schema: await api('/api/schema'), formats: await api('/api/formats') };
  return basics;
}

/** @param {string} path */
async function openFile(path) {
  const { schema, formats } = await loadBasics();
  const file = await api(`/api/files/${path.split('/').map(encodeURIComponent).join('/')}`);
  const notes = file.valid ? [] : [`This file has ${file.diagnostics.length} problem(s); they are shown at the fields.`];
  if (file.value === null) throw new Error(`${path} is not YAML the workbench can read: ${file.diagnostics.map((/** @type {any} */ d) => d.message).join('; ')}`);
  const editor = new Editor(main, schema, formats, { path: file.path, revision: file.revision, value: file.value, previous: file.previous, notes });
  await editor.render();
}

/** @param {string} iso3 @param {string} year */
async function newCountryYear(iso3, year) {
  const { schema, formats } = await loadBasics();
  const p = await api(`/api/new?iso3=${encodeURIComponent(iso3)}&year=${encodeURIComponent(year)}`);
  if (p.exists) {
    location.replace(`#/edit/${p.path}`);
    return;
  }
  const from = p.previous ? `Carried forward from ${p.previous.path} (${p.previous.year}): each value is marked "from ${p.previous.year}, unchanged" until you change it. Review them all, the determination and the comparison with last year above all: the tier shown is where the country would stand this year if nothing changed.` : null;
  const sources = p.table.filled.length ? `Names and bureau marked "from the country table" come from: ${p.table.sources.join('; ')}.` : null;
  const notes = [from, ...p.notes, sources, ...p.table.notes.map((/** @type {string} */ n) => `Country table: ${n}`)].filter((n) => typeof n === 'string');
  const name = p.value.country?.name ?? iso3;
  const header = `Evidence for ${name} (${iso3}), ${year} Trafficking in Persons Report.\nCreated in the workbench${p.previous ? ` from ${p.previous.path}: values carried forward from ${p.previous.year} are to be reviewed` : ''}.`;
  const editor = new Editor(main, schema, formats, { path: p.path, revision: null, value: p.value, previous: p.previous, tableFilled: p.table.filled, notes, header });
  await editor.render();
}

async function route() {
  const hash = decodeURIComponent(location.hash.replace(/^#/, ''));
  try {
    if (hash.startsWith('/edit/')) await openFile(hash.slice('/edit/'.length));
    else if (hash.startsWith('/new/')) {
      const [iso3 = '', year = ''] = hash.slice('/new/'.length).split('/');
      await newCountryYear(iso3, year);
    } else await showWorkspace(main);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    replace(main, [h('h1', { id: 'failed', tabindex: '-1' }, 'Something went wrong'), h('p', { class: 'error' }, message), h('p', {}, h('a', { href: '#/' }, 'Back to the workspace'))]);
    focusOn(document.getElementById('failed'));
    announce(message);
  }
}

// In-page anchors (the skip link: #main) are not routes: the browser just moves to them.
window.addEventListener('hashchange', () => {
  if (location.hash === '' || location.hash.startsWith('#/')) route();
});
route();
