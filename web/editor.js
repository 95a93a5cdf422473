// @ts-check
import { api } from './api.js';
import { showComparison } from './compare.js';
import { showConflict } from './conflict.js';
import { announce, focusOn, h, replace } from './dom.js';
import { Drafts } from './drafts.js';
import { refreshField, renderField } from './form.js';
import { Live } from './live.js';
import { deleteIn, getIn, humanize, pathKey, same, setIn } from './schema-model.js';
import { requiredAt, schemaAt, sectionsFor } from './sections.js';
import { dropDraft, loadDraft, storeDraft } from './storage.js';

/**
 * One country-year in the form. The evidence value is the page's only state; every edit updates
 * it, keeps it in localStorage, and schedules the live assessment. Saving sends it to
 * PUT /api/files/PATH with the revision it was opened at; the server writes the YAML file.
 */

/**
 * @typedef {import('./form.js').FormCtx} FormCtx
 * @typedef {import('./schema-model.js').Path} Path
 * @typedef {{ path: string, revision: string | null, value: Record<string, unknown>, previous: { path: string, year: number, value: unknown } | null,
 *   tableFilled?: string[], notes?: string[], header?: string }} Opened
 */

const filePath = (/** @type {string} */ p) => `/api/files/${p.split('/').map(encodeURIComponent).join('/')}`;

export class Editor {
  /** @param {HTMLElement} root @param {Record<string, any>} schema @param {any} formats @param {Opened} opened */
  constructor(root, schema, formats, opened) {
    this.root = root;
    this.schema = schema;
    this.formats = formats;
    this.path = opened.path;
    this.revision = opened.revision;
    this.value = opened.value;
    this.previous = opened.previous;
    this.header = opened.header;
    /** @type {Set<string>} */
    this.touched = new Set();
    this.tableFilled = new Set(opened.tableFilled ?? []);
    /** @type {any} */
    this.law = null;
    this.dirty = false;
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    this.draftTimer = undefined;
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    this.lawTimer = undefined;
    /** @type {string[]} */
    this.notes = [];
    this.restoreDraft(opened.notes ?? []);
    this.sections = sectionsFor(schema);
    this.form = h('form', { id: 'evidence-form', novalidate: true, onsubmit: (e) => e.preventDefault() });
    this.summary = h('div', { class: 'errors', id: 'errors', hidden: true });
    this.comparison = h('div', { class: 'comparison-box', id: 'comparison' });
    this.banners = h('div', { class: 'banners', id: 'banners' }, this.notes.map((n) => h('p', { class: 'banner' }, n)));
    this.saveState = h('span', { class: 'save-state', id: 'save-state' }, this.dirty ? 'Unsaved changes (kept in this browser)' : this.revision === null ? 'New file: not saved yet' : 'Saved');
    this.panel = h('div', { id: 'panel-body', class: 'panel-body' });
    this.trace = h('details', { id: 'trace' }, [h('summary', {}, 'Trace: every rule, its citation and what it read'), h('div', { class: 'trace-body' })]);
    this.whatIf = h('details', { id: 'what-if' }, [h('summary', {}, 'What would change the tier, and next year'), h('div', { class: 'what-if-body' })]);
    this.tierStatus = h('p', { class: 'visually-hidden', 'aria-live': 'polite', id: 'tier-status' });
    this.draftsBox = h('section', { id: 'drafts', class: 'drafts', 'aria-labelledby': 'drafts-title' });
    this.carried = h('span', { class: 'carried-count', id: 'carried-count' });
    this.live = new Live({ form: this.form, summary: this.summary, panel: this.panel, trace: this.trace, whatIf: this.whatIf, tierStatus: this.tierStatus }, () => this.value);
    this.drafts = new Drafts(this.draftsBox, formats, () => this.value);
  }

  /** Unsaved edits from an earlier visit come back, with a banner saying so. @param {string[]} notes */
  restoreDraft(notes) {
    this.notes = [...notes];
    const draft = loadDraft(this.path);
    if (!draft) return;
    this.value = draft.value;
    this.touched = new Set(draft.touched);
    this.dirty = true;
    const when = draft.savedAt.replace('T', ' ').slice(0, 16);
    if (draft.base === this.revision) this.notes.unshift(`Unsaved changes from ${when} were restored from this browser. Save them, or discard them with "Discard my changes".`);
    else {
      this.notes.unshift(`Unsaved changes from ${when} were restored, but the file changed on disk since: saving will show what differs, and overwrite nothing without asking.`);
      this.revision = draft.base;
    }
  }

  /** @returns {FormCtx} */
  ctx() {
    return {
      get: (path) => getIn(this.value, path),
      set: (path, v) => { setIn(this.value, path, v); this.changed(path); },
      remove: (path) => { deleteIn(this.value, path); this.changed(path); },
      mark: (path) => this.mark(path),
      provision: (key) => [...(this.law?.standards ?? []), ...(this.law?.criteria ?? [])].find((p) => p.path === key),
      mapKeys: (key) => (key === 'criteria' && this.law ? { keys: this.law.criteria.map((/** @type {any} */ c) => c.key), inForce: this.law.criteria.map((/** @type {any} */ c) => c.key) } : null),
    };
  }

  /** The provenance of a value the officer has not touched: the country table, or last year's file. @param {Path} path */
  mark(path) {
    const key = pathKey(path);
    if (this.touched.has(key)) return null;
    if (this.tableFilled.has(key)) return 'from the country table (World Factbook; Department bureau pages): check it';
    const now = getIn(this.value, path);
    if (!this.previous || now === undefined || path[0] === 'report_year') return null;
    return same(getIn(this.previous.value, path), now) ? `from ${this.previous.year}, unchanged` : null;
  }

  /** @param {Path} path */
  changed(path) {
    for (let n = 1; n <= path.length; n++) {
      const key = pathKey(path.slice(0, n));
      this.touched.add(key);
      // A list's mark goes as soon as one of its items changes.
      this.form.querySelector(`[data-path="${CSS.escape(key)}"] > .mark`)?.setAttribute('hidden', '');
    }
    this.dirty = true;
    if (!storeDraft(this.path, { base: this.revision, value: this.value, touched: [...this.touched] })) announce('This browser could not keep a copy of your changes: save soon.');
    this.saveState.textContent = 'Unsaved changes (kept in this browser)';
    this.countCarried();
    this.live.schedule();
    this.showComparison();
    clearTimeout(this.draftTimer);
    this.draftTimer = setTimeout(() => this.drafts.refresh(), 1200);
    if (path[0] === 'report_year') {
      clearTimeout(this.lawTimer);
      this.lawTimer = setTimeout(() => this.loadLaw().then(() => this.renderLawSections()), 400);
    }
  }

  async loadLaw() {
    const year = getIn(this.value, ['report_year']);
    if (typeof year !== 'number' || year < 2001 || year > 2100) return;
    this.law = await api(`/api/law?year=${year}`);
  }

  /** @param {string} dotted */
  fieldFor(dotted) {
    const parts = dotted.split('.');
    const last = parts[parts.length - 1] ?? dotted;
    const label = parts.length > 1 ? `${humanize(last)} (${humanize(parts[0] ?? '').toLowerCase()})` : humanize(last);
    return renderField(this.ctx(), schemaAt(this.schema, dotted), parts, { label, required: requiredAt(this.schema, dotted) });
  }

  /** @param {import('./sections.js').Section} s */
  sectionBlock(s) {
    const box = h('section', { class: 'section', id: `sec-${s.id}`, 'aria-labelledby': `sec-${s.id}-h` }, [
      h('h2', { id: `sec-${s.id}-h`, tabindex: '-1' }, s.title),
      s.intro ? h('p', { class: 'help' }, s.intro) : null,
      ...s.paths.map((p) => this.fieldFor(p)),
    ]);
    if (s.id === 'comparison') box.append(this.comparison);
    return box;
  }

  renderLawSections() {
    for (const id of ['standards', 'criteria']) {
      const old = this.form.querySelector(`#sec-${id}`);
      const s = this.sections.find((x) => x.id === id);
      if (old && s) old.replaceWith(this.sectionBlock(s));
    }
    this.live.schedule();
  }

  showComparison() {
    showComparison(this.comparison, this.previous, this.value, (sentence) => {
      const path = ['comparison_with_previous_year', 'rationale'];
      const before = getIn(this.value, path);
      setIn(this.value, path, typeof before === 'string' && before.trim() !== '' ? `${before} ${sentence}` : sentence);
      this.changed(path);
      refreshField(this.form.querySelector(`[data-path="${pathKey(path)}"]`));
      announce('The figures were written into the rationale.');
    });
  }

  /** How many values are still as last year's file had them: a reminder of what is left to review. */
  countCarried() {
    const n = this.form.querySelectorAll('.mark:not([hidden])').length;
    const from = this.previous ? `${this.previous.year} (or the country table)` : 'the country table';
    this.carried.textContent = n > 0 ? `${n} value${n === 1 ? '' : 's'} still as carried from ${from}` : '';
  }

  toolbar() {
    const name = /** @type {string} */ (getIn(this.value, ['country', 'name']) ?? getIn(this.value, ['country', 'iso3']) ?? 'New country-year');
    return h('div', { class: 'toolbar' }, [
      h('a', { href: '#/', class: 'back' }, '← Workspace'),
      h('h1', { id: 'editor-title', tabindex: '-1' }, `${name}, ${getIn(this.value, ['report_year']) ?? '?'} report`),
      h('span', { class: 'path' }, this.path),
      h('button', { type: 'button', id: 'save', class: 'primary', onclick: () => this.save() }, 'Save'),
      h('button', { type: 'button', id: 'discard', onclick: () => this.discard() }, 'Discard my changes'),
      this.saveState,
      this.carried,
    ]);
  }

  async render() {
    await this.loadLaw();
    const nav = h('nav', { 'aria-label': 'Sections of the form', class: 'sections' }, h('ul', {}, this.sections.map((s) => h('li', {}, h('a', { href: `#sec-${s.id}`, onclick: (e) => { e.preventDefault(); focusOn(document.getElementById(`sec-${s.id}-h`)); } }, s.title)))));
    for (const s of this.sections) this.form.append(this.sectionBlock(s));
    replace(this.root, [
      this.toolbar(),
      this.banners,
      h('div', { class: 'columns' }, [
        h('div', { class: 'form-col' }, [nav, this.summary, this.form, this.draftsBox]),
        h('aside', { class: 'panel', 'aria-labelledby': 'panel-title' }, [h('h2', { id: 'panel-title' }, 'Assessment'), this.tierStatus, this.panel, this.whatIf, this.trace]),
      ]),
    ]);
    this.showComparison();
    this.countCarried();
    this.live.run();
    focusOn(document.getElementById('editor-title'));
  }

  async save() {
    try {
      const r = await api(filePath(this.path), { method: 'PUT', json: { revision: this.revision, value: this.value, ...(this.revision === null && this.header ? { header: this.header } : {}) } });
      this.revision = r.revision;
      this.dirty = false;
      dropDraft(this.path);
      this.saveState.textContent = r.valid ? `Saved ${this.path}` : `Saved ${this.path}, with ${r.diagnostics.length} problems still to fix`;
      announce(this.saveState.textContent);
      if (location.hash !== `#/edit/${this.path}`) history.replaceState(null, '', `#/edit/${this.path}`);
    } catch (err) {
      const e = /** @type {import('./api.js').ApiError} */ (err);
      if (e.status !== 409) {
        this.saveState.textContent = `Not saved: ${e.message}`;
        announce(this.saveState.textContent);
        return;
      }
      this.showConflict(e.message);
    }
  }

  /** @param {string} message */
  showConflict(message) {
    showConflict(this.banners, {
      path: this.path,
      mine: this.value,
      message,
      onDownloadMine: () => {
        const a = h('a', { href: URL.createObjectURL(new Blob([JSON.stringify(this.value, null, 2)], { type: 'application/json' })), download: `${this.path.replace(/[/]/g, '_')}.mine.json`, hidden: true });
        document.body.append(a);
        a.click();
        a.remove();
      },
      onTakeDisk: () => { dropDraft(this.path); location.reload(); },
      onKeepMine: (revision) => { this.revision = revision; replace(this.banners, []); this.save(); },
    });
  }

  discard() {
    dropDraft(this.path);
    announce('Your unsaved changes were discarded.');
    location.reload();
  }
}
