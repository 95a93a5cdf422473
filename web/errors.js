// @ts-check
import { focusOn, h, replace } from './dom.js';
import { pathKey } from './schema-model.js';

/**
 * The server's diagnostics, shown where the officer looks: at the field (the nearest field the form
 * has for the diagnostic's path), in the words of `tip validate` ("expected …, found …"), and listed
 * at the top of the form with a link to each field.
 */

/** @typedef {import('./api.js').Diagnostic} Diagnostic */

/** The wording of `tip validate` for one problem, without the file position. @param {Diagnostic} d */
export function problemText(d) {
  return `expected ${d.expected}, found ${d.found}${d.hint ? ` (${d.hint})` : ''}`;
}

/**
 * The field element for a path key, or the nearest enclosing one.
 * @param {HTMLElement} form @param {(string | number)[]} path
 */
function fieldFor(form, path) {
  for (let n = path.length; n >= 0; n--) {
    const key = pathKey(path.slice(0, n));
    const el = form.querySelector(`[data-path="${CSS.escape(key)}"]`);
    if (el) return /** @type {HTMLElement} */ (el);
  }
  return null;
}

/** The error slot that belongs to a field (its own, not a nested field's). @param {HTMLElement} field */
function slotOf(field) {
  return /** @type {HTMLElement | null} */ (field.querySelector(':scope > p.error'));
}

/** @param {HTMLElement} form */
export function clearErrors(form) {
  for (const slot of form.querySelectorAll('p.error')) {
    slot.textContent = '';
    slot.setAttribute('hidden', '');
  }
  for (const el of form.querySelectorAll('[aria-invalid="true"]')) el.removeAttribute('aria-invalid');
  for (const el of form.querySelectorAll('.field.has-error')) el.classList.remove('has-error');
}

/**
 * Shows each diagnostic at its field and lists them all in `summary`.
 * @param {HTMLElement} form @param {HTMLElement} summary @param {Diagnostic[]} diagnostics
 */
export function showErrors(form, summary, diagnostics) {
  clearErrors(form);
  const items = diagnostics.map((d) => {
    const field = fieldFor(form, d.path);
    const slot = field ? slotOf(field) : null;
    if (field && slot) {
      slot.textContent = slot.textContent ? `${slot.textContent} ${problemText(d)}` : problemText(d);
      slot.removeAttribute('hidden');
      field.classList.add('has-error');
      const control = field.querySelector(':scope > input, :scope > textarea, :scope > select');
      control?.setAttribute('aria-invalid', 'true');
    }
    const link = h('button', { type: 'button', class: 'linklike', onclick: () => focusOn(/** @type {HTMLElement | null} */ (field?.querySelector('input, textarea, select') ?? field)) }, d.field);
    return h('li', {}, [link, `: ${problemText(d)}`]);
  });
  summary.hidden = items.length === 0;
  replace(summary, items.length ? [h('h2', {}, `${items.length} problem${items.length === 1 ? '' : 's'} to fix`), h('ul', {}, items)] : []);
}
