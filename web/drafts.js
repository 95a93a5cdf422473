// @ts-check
import { api, download } from './api.js';
import { announce, h, replace } from './dom.js';

/**
 * The four drafts: a preview of each (in plain text) and a
 * download button per format the render module offers (GET /api/formats), so a format the
 * renderer gains, Word included, appears here with no change to this file.
 */

/** @typedef {{ docs: string[], formats: { format: string, extension: string, label: string }[] }} Formats */

const TITLES = /** @type {Record<string, string>} */ ({ narrative: 'Country narrative', demarche: 'Demarche cable', nonpaper: 'Non-paper', press: 'Press guidance' });

/** Saves a Blob as a file through a temporary link. @param {Blob} blob @param {string} name */
function saveBlob(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export class Drafts {
  /** @param {HTMLElement} root @param {Formats} formats @param {() => unknown} evidence */
  constructor(root, formats, evidence) {
    this.root = root;
    this.formats = formats;
    this.evidence = evidence;
    // Previewed as plain text when the renderer offers it (Markdown next): a Word file cannot be shown.
    const list = formats.formats;
    this.previewFormat = (list.find((f) => f.extension === 'txt') ?? list.find((f) => f.extension === 'md') ?? list[0])?.format ?? 'text';
    /** @type {Map<string, HTMLElement>} */
    this.previews = new Map();
    /** @type {Map<string, HTMLDetailsElement>} */
    this.details = new Map();
    replace(root, [h('h2', { id: 'drafts-title' }, 'Drafts'), h('p', { class: 'help' }, 'Open a draft to preview it; it follows the form as you type. Download it in any format.'), ...formats.docs.map((d) => this.docBlock(d))]);
  }

  /** @param {string} doc */
  docBlock(doc) {
    const preview = h('pre', { class: 'preview', tabindex: '0', 'aria-label': `${TITLES[doc] ?? doc} preview` }, '');
    this.previews.set(doc, preview);
    const buttons = this.formats.formats.map((f) => h('button', { type: 'button', class: 'download', 'data-doc': doc, 'data-format': f.format, onclick: () => this.download(doc, f.format) }, `Download ${f.label}`));
    const details = h('details', { class: 'draft', 'data-doc': doc, ontoggle: () => { if (details.open) this.preview(doc); } }, [
      h('summary', {}, TITLES[doc] ?? doc),
      h('div', { class: 'buttons' }, buttons),
      preview,
    ]);
    this.details.set(doc, details);
    return details;
  }

  /** @param {string} doc */
  async preview(doc) {
    const into = this.previews.get(doc);
    if (!into) return;
    try {
      const r = await api(`/api/render?doc=${encodeURIComponent(doc)}&format=${encodeURIComponent(this.previewFormat)}`, { method: 'POST', json: this.evidence() });
      into.textContent = r.content;
      into.classList.remove('failed');
    } catch (err) {
      const e = /** @type {import('./api.js').ApiError} */ (err);
      into.textContent = `${e.message}${e.diagnostics?.length ? `:\n${e.diagnostics.map((d) => `  ${d.field}: expected ${d.expected}, found ${d.found}`).join('\n')}` : ''}`;
      into.classList.add('failed');
    }
  }

  /** Refreshes the previews that are open. */
  refresh() {
    for (const [doc, d] of this.details) if (d.open) this.preview(doc);
  }

  /** @param {string} doc @param {string} format */
  async download(doc, format) {
    try {
      const { blob, name } = await download(`doc=${encodeURIComponent(doc)}&format=${encodeURIComponent(format)}`, this.evidence());
      saveBlob(blob, name);
      announce(`Downloaded ${name}`);
    } catch (err) {
      announce(`Could not download the ${doc}: ${/** @type {Error} */ (err).message}`);
    }
  }
}
