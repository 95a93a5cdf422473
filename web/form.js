// @ts-check
import { h, uid, focusOn } from './dom.js';
import { branchOf, classify, humanize, pathKey } from './schema-model.js';
import { hiddenKey } from './sections.js';
import { choiceControl, multiControl, numberControl, textControl, usesGroup } from './widgets.js';

/**
 * The form generator: one field per node of the evidence JSON Schema, built from its constructs
 * (schema-model.js). Objects are fieldsets, lists can grow and shrink, optional objects are added
 * and removed with a button, a map (the §108(b) criteria) shows the keys the year's law puts in
 * force, and a union lets the officer pick its branch. Each field carries its help (the schema's
 * description), a slot for its error, and a mark when its value is carried unchanged from last year
 * (on each value and each list item).
 */

/**
 * @typedef {import('./schema-model.js').Path} Path
 * @typedef {import('./schema-model.js').Field} Field
 * @typedef {import('./schema-model.js').Schema} Schema
 * @typedef {{ rule: string, title: string, text: string[], verbatim: boolean, cites: { title: string, href: string }[] }} Provision
 * @typedef {{
 *   get: (path: Path) => unknown,
 *   set: (path: Path, value: unknown) => void,
 *   remove: (path: Path) => void,
 *   mark: (path: Path) => string | null,
 *   provision: (key: string) => Provision | undefined,
 *   mapKeys: (key: string) => { keys: string[], inForce: string[] } | null,
 * }} FormCtx
 * @typedef {{ label: string, required: boolean }} FieldOptions
 */

/** The statute's words beside a standard or criterion. @param {Provision} p */
export function provisionBlock(p) {
  const cite = p.cites[0];
  return h('div', { class: 'statute' }, [
    h('p', { class: 'statute-cite' }, [
      cite ? h('a', { href: cite.href, target: '_blank', rel: 'noopener noreferrer' }, cite.title) : p.rule,
      p.verbatim ? ': the statute says' : ' (the rule file\'s summary; its verbatim text is not recorded yet)',
    ]),
    h('blockquote', {}, p.text.map((t) => h('p', {}, t))),
  ]);
}

/** The value a new list item or a newly added object starts from. @param {Schema} schema */
function emptyValue(schema) {
  const f = classify(schema);
  if (f.kind === 'object' || f.kind === 'map') return {};
  if (f.kind === 'list' || f.kind === 'multi') return [];
  if (f.kind === 'text') return '';
  return null;
}

/** A field re-built in place after its structure changed (an item added, an object removed). */
const builders = new WeakMap();

const CONTROL = 'input, textarea, select';

/**
 * @param {HTMLElement} el
 * @param {((fresh: HTMLElement) => Element | null) | string | null} [focus] where the keyboard goes next
 */
function rebuild(el, focus = null) {
  const build = builders.get(el);
  if (!build) return;
  const fresh = build();
  el.replaceWith(fresh);
  const target = typeof focus === 'function' ? focus(fresh) : focus ? fresh.querySelector(focus) : null;
  if (target instanceof HTMLElement) focusOn(target);
}

/** Re-builds a field from the current value (after a change made outside it). @param {Element | null} el */
export function refreshField(el) {
  if (el instanceof HTMLElement) rebuild(el);
}

/** The first control of the last item of a list. @param {HTMLElement} list */
function lastItemControl(list) {
  const items = list.querySelectorAll(':scope > .field');
  return items[items.length - 1]?.querySelector(CONTROL) ?? null;
}

/** @param {string} id @param {string | null} description */
function helpFor(id, description) {
  return description ? h('p', { class: 'help', id: `${id}-help` }, description) : null;
}

/** @param {string} id */
function errorSlot(id) {
  return h('p', { class: 'error', id: `${id}-err`, hidden: true });
}

/** @param {FormCtx} ctx @param {Field} field @param {Path} path @param {FieldOptions} opts */
function leafField(ctx, field, path, opts) {
  const id = uid('f');
  const markText = ctx.mark(path);
  const mark = h('span', { class: 'mark', id: `${id}-mark`, hidden: !markText }, markText ?? '');
  const describedBy = [field.description ? `${id}-help` : null, `${id}-mark`, `${id}-err`].filter(Boolean).join(' ');
  const touched = () => mark.setAttribute('hidden', '');
  const props = {
    id, describedBy, label: opts.label, required: opts.required, value: ctx.get(path),
    onValue: (/** @type {unknown} */ v) => { ctx.set(path, v); touched(); },
    onClear: () => { ctx.remove(path); touched(); },
  };
  let control;
  if (field.kind === 'text') control = textControl(field, props);
  else if (field.kind === 'number') control = numberControl(field, props);
  else if (field.kind === 'choice') control = choiceControl(field, props);
  else if (field.kind === 'multi') control = multiControl(field, props);
  else control = h('p', { class: 'help' }, `This field cannot be edited here: ${JSON.stringify(ctx.get(path)) ?? 'empty'}`);
  const label = [opts.label, opts.required ? null : h('span', { class: 'optional' }, ' (optional)')];
  if (usesGroup(field, opts.required)) {
    return h('fieldset', { class: 'field leaf', 'aria-describedby': describedBy }, [h('legend', {}, label), helpFor(id, field.description), mark, control, errorSlot(id)]);
  }
  return h('div', { class: 'field leaf' }, [h('label', { for: id }, label), helpFor(id, field.description), mark, control, errorSlot(id)]);
}

/** @param {FormCtx} ctx @param {Field & { kind: 'object' }} field @param {Path} path @param {FieldOptions} opts */
function objectField(ctx, field, path, opts) {
  const id = uid('o');
  const value = ctx.get(path);
  const box = h('fieldset', { class: 'field group', 'aria-describedby': field.description ? `${id}-help` : undefined }, [h('legend', {}, opts.label), helpFor(id, field.description)]);
  const provision = ctx.provision(pathKey(path));
  if (provision) box.append(provisionBlock(provision));
  if (!opts.required && (value === undefined || value === null)) {
    box.append(h('button', { type: 'button', class: 'add', onclick: () => { ctx.set(path, {}); rebuild(box, CONTROL); } }, `Add ${opts.label.toLowerCase()}`));
    return box;
  }
  for (const [key, sub] of Object.entries(field.properties)) {
    if (hiddenKey(key)) continue;
    box.append(renderField(ctx, sub, [...path, key], { label: sub.title ?? humanize(key), required: field.required.includes(key) }));
  }
  if (!opts.required) box.append(h('button', { type: 'button', class: 'remove', onclick: () => { ctx.remove(path); rebuild(box, 'button.add'); } }, `Remove ${opts.label.toLowerCase()}`));
  box.append(errorSlot(id));
  return box;
}

/** @param {FormCtx} ctx @param {Field & { kind: 'map' }} field @param {Path} path @param {FieldOptions} opts */
function mapField(ctx, field, path, opts) {
  const id = uid('m');
  const value = /** @type {Record<string, unknown>} */ (ctx.get(path) ?? {});
  const provided = ctx.mapKeys(pathKey(path));
  const inForce = provided?.inForce ?? [];
  const keys = [...(provided?.keys ?? []), ...Object.keys(value).filter((k) => !(provided?.keys ?? []).includes(k))];
  const box = h('div', { class: 'field map' }, [helpFor(id, field.description)]);
  for (const key of keys) {
    const p = ctx.provision(pathKey([...path, key]));
    const entry = renderField(ctx, field.values, [...path, key], { label: p ? p.title : key, required: true });
    if (provided && !inForce.includes(key)) {
      entry.prepend(h('p', { class: 'warning' }, `${key} is not in force in this report year: remove it.`));
      entry.append(h('button', { type: 'button', class: 'remove', onclick: () => { ctx.remove([...path, key]); rebuild(box); } }, `Remove ${key}`));
    }
    box.append(entry);
  }
  box.append(errorSlot(id));
  return box;
}

/** @param {FormCtx} ctx @param {Field & { kind: 'list' }} field @param {Path} path @param {FieldOptions} opts */
function listField(ctx, field, path, opts) {
  const id = uid('l');
  const items = /** @type {unknown[]} */ (Array.isArray(ctx.get(path)) ? ctx.get(path) : []);
  // No mark on the list itself: each item carries its own.
  const box = h('fieldset', { class: 'field list', 'aria-describedby': field.description ? `${id}-help` : undefined }, [
    h('legend', {}, [opts.label, opts.required ? null : h('span', { class: 'optional' }, ' (optional)')]),
    helpFor(id, field.description),
  ]);
  const singular = humanize(String(path[path.length - 1] ?? 'item')).replace(/([^s])s$/, '$1');
  items.forEach((_, i) => {
    const item = renderField(ctx, field.items, [...path, i], { label: `${singular} ${i + 1}`, required: true });
    item.append(h('button', { type: 'button', class: 'remove', onclick: () => { const list = /** @type {unknown[]} */ (ctx.get(path)); list.splice(i, 1); ctx.set(path, list); rebuild(box, 'button.add'); } }, `Remove ${singular.toLowerCase()} ${i + 1}`));
    box.append(item);
  });
  box.append(h('button', { type: 'button', class: 'add', onclick: () => { ctx.set(path, [...items, emptyValue(field.items)]); rebuild(box, lastItemControl); } }, `Add ${singular.toLowerCase()}`));
  box.append(errorSlot(id));
  return box;
}

/** @param {FormCtx} ctx @param {Field & { kind: 'union' }} field @param {Path} path @param {FieldOptions} opts */
function unionField(ctx, field, path, opts) {
  const id = uid('u');
  const value = ctx.get(path);
  const chosen = value === undefined || value === null ? -1 : branchOf(field.branches, value);
  const name = uid('branch');
  const choices = field.branches.map((b, i) => h('span', { class: 'radio' }, [
    h('input', { type: 'radio', id: `${id}-${i}`, name, checked: i === chosen, onchange: () => { ctx.set(path, emptyValue(b.schema)); rebuild(box); } }),
    h('label', { for: `${id}-${i}` }, b.label),
  ]));
  if (field.nullable || !opts.required) {
    choices.push(h('span', { class: 'radio' }, [
      h('input', { type: 'radio', id: `${id}-none`, name, checked: chosen < 0, onchange: () => { if (field.nullable) ctx.set(path, null); else ctx.remove(path); rebuild(box); } }),
      h('label', { for: `${id}-none` }, 'Not recorded'),
    ]));
  }
  const box = h('fieldset', { class: 'field union' }, [h('legend', {}, opts.label), helpFor(id, field.description), h('div', { class: 'radios' }, choices)]);
  const branch = field.branches[chosen];
  if (branch) box.append(renderField(ctx, branch.schema, path, { label: branch.label, required: true }));
  box.append(errorSlot(id));
  return box;
}

/**
 * One field of the form, for the schema node at `path`.
 * @param {FormCtx} ctx @param {Schema} schema @param {Path} path @param {FieldOptions} opts
 * @returns {HTMLElement}
 */
export function renderField(ctx, schema, path, opts) {
  const field = classify(schema);
  let el;
  if (field.kind === 'object') el = objectField(ctx, field, path, opts);
  else if (field.kind === 'map') el = mapField(ctx, field, path, opts);
  else if (field.kind === 'list') el = listField(ctx, field, path, opts);
  else if (field.kind === 'union') el = unionField(ctx, field, path, opts);
  else el = leafField(ctx, field, path, opts);
  el.dataset.path = pathKey(path);
  builders.set(el, () => renderField(ctx, schema, path, opts));
  return el;
}
