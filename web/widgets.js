// @ts-check
import { h, uid } from './dom.js';

/**
 * The leaf fields of the form: text, number, a choice (radios, or a list box past six options) and
 * a set of checkboxes. Each writes what the officer typed into the evidence value as is: a number
 * field holding "abc" sends "abc", so the server's check says, at this field, in the words of
 * `tip validate`, what was expected and what was found.
 */

/**
 * @typedef {import('./schema-model.js').Field} Field
 * @typedef {import('./schema-model.js').Option} Option
 * @typedef {{ id: string, describedBy: string, label: string, required: boolean, value: unknown,
 *   onValue: (v: unknown) => void, onClear: () => void }} LeafProps
 */

/** @param {HTMLTextAreaElement} el */
function grow(el) {
  el.style.height = 'auto';
  el.style.height = `${Math.max(el.scrollHeight, 38)}px`;
}

/** @param {Field & { kind: 'text' }} field @param {LeafProps} p */
export function textControl(field, p) {
  const value = typeof p.value === 'string' ? p.value : p.value === undefined || p.value === null ? '' : JSON.stringify(p.value);
  const onInput = (/** @type {Event} */ e) => {
    const v = /** @type {HTMLInputElement} */ (e.target).value;
    if (v === '' && !p.required) p.onClear();
    else p.onValue(v);
  };
  if (!field.multiline) {
    const type = field.format === 'date' ? 'date' : field.format === 'uri' ? 'url' : 'text';
    return h('input', { id: p.id, type, value, 'aria-describedby': p.describedBy, required: p.required, oninput: onInput, autocomplete: 'off' });
  }
  const area = h('textarea', { id: p.id, rows: 1, 'aria-describedby': p.describedBy, required: p.required, oninput: (e) => { onInput(e); grow(/** @type {HTMLTextAreaElement} */ (e.target)); } });
  area.value = value;
  requestAnimationFrame(() => grow(area));
  return area;
}

/** @param {Field & { kind: 'number' }} field @param {LeafProps} p */
export function numberControl(field, p) {
  const value = p.value === undefined || p.value === null ? '' : String(p.value);
  return h('input', {
    id: p.id,
    type: 'text',
    inputmode: field.integer ? 'numeric' : 'decimal',
    value,
    'aria-describedby': p.describedBy,
    required: p.required && !field.nullable,
    autocomplete: 'off',
    class: 'number',
    oninput: (e) => {
      const raw = /** @type {HTMLInputElement} */ (e.target).value.trim().replace(/,(?=\d{3}\b)/g, '');
      if (raw === '') {
        if (field.nullable) p.onValue(null);
        else p.onClear();
      } else {
        p.onValue(/^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw);
      }
    },
  });
}

/**
 * The options of a choice: the schema's, plus "Not recorded" when the field may be left out.
 * @param {Field & { kind: 'choice' }} field @param {boolean} required
 * @returns {{ value: unknown, label: string, clear?: boolean }[]}
 */
function choiceOptions(field, required) {
  /** @type {{ value: unknown, label: string, clear?: boolean }[]} */
  const options = [...field.options];
  if (field.nullable && !options.some((o) => o.value === null)) options.push({ value: null, label: 'Not recorded' });
  if (!required && !field.nullable) options.push({ value: undefined, label: 'Not recorded', clear: true });
  return options;
}

/** Radios (inside a fieldset) for a few options, a list box for more. @param {Field} field @param {boolean} required */
export function usesGroup(field, required) {
  if (field.kind === 'multi') return true;
  return field.kind === 'choice' && choiceOptions(field, required).length <= 6;
}

/** @param {Field & { kind: 'choice' }} field @param {LeafProps} p */
export function choiceControl(field, p) {
  const options = choiceOptions(field, p.required);
  const pick = (/** @type {number} */ i) => {
    const o = options[i];
    if (!o) return;
    if (o.clear) p.onClear();
    else p.onValue(o.value);
  };
  const current = options.findIndex((o) => (o.clear ? p.value === undefined : o.value === p.value));
  if (!usesGroup(field, p.required)) {
    const select = h('select', { id: p.id, 'aria-describedby': p.describedBy, onchange: (e) => pick(Number(/** @type {HTMLSelectElement} */ (e.target).value)) }, [
      h('option', { value: '-1', disabled: true, selected: current < 0 }, 'Choose…'),
      ...options.map((o, i) => h('option', { value: String(i), selected: i === current }, o.label)),
    ]);
    return select;
  }
  const name = uid('choice');
  return h('div', { class: 'radios', id: p.id }, options.map((o, i) => {
    const rid = `${p.id}-${i}`;
    return h('span', { class: 'radio' }, [
      h('input', { type: 'radio', id: rid, name, value: String(i), checked: i === current, onchange: () => pick(i) }),
      h('label', { for: rid }, o.label),
    ]);
  }));
}

/** @param {Field & { kind: 'multi' }} field @param {LeafProps} p */
export function multiControl(field, p) {
  const chosen = new Set(Array.isArray(p.value) ? p.value : []);
  const boxes = field.options.map((o, i) => {
    const cid = `${p.id}-${i}`;
    return h('span', { class: 'check' }, [
      h('input', {
        type: 'checkbox',
        id: cid,
        checked: chosen.has(o.value),
        onchange: (e) => {
          if (/** @type {HTMLInputElement} */ (e.target).checked) chosen.add(o.value);
          else chosen.delete(o.value);
          // Kept in the schema's order, so the file does not reorder itself as boxes are ticked.
          p.onValue(field.options.map((x) => x.value).filter((v) => chosen.has(v)));
        },
      }),
      h('label', { for: cid }, o.label),
    ]);
  });
  return h('div', { class: 'checks', id: p.id }, boxes);
}
