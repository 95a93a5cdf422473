// @ts-check
/**
 * Building the page. Every piece of text, evidence text above all, goes in through textContent or
 * setAttribute, never as HTML: a name or a rationale holding "<script>" shows as those characters.
 */

/**
 * @typedef {string | number | boolean | null | undefined | ((e: Event) => void)} AttrValue
 * @typedef {Node | string | number | null | undefined | false} Child
 */

/**
 * An element with attributes (`on…` keys add listeners; `class`, `for` and ARIA work as written)
 * and children (strings become text nodes).
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, AttrValue>} [attrs]
 * @param {Child[] | Child} [children]
 * @returns {HTMLElementTagNameMap[K]}
 */
export function h(tag, attrs = {}, children = []) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), /** @type {EventListener} */ (value));
    else if (key === 'value' && 'value' in el) /** @type {HTMLInputElement} */ (el).value = String(value);
    else if (key === 'checked' && 'checked' in el) /** @type {HTMLInputElement} */ (el).checked = Boolean(value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

/**
 * @param {Node} parent
 * @param {Child[] | Child} children
 */
export function append(parent, children) {
  for (const c of Array.isArray(children) ? children : [children]) {
    if (c === null || c === undefined || c === false) continue;
    parent.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

/** @param {Node} el */
export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
}

/**
 * Replaces the children of an element.
 * @param {Node} el
 * @param {Child[] | Child} children
 */
export function replace(el, children) {
  clear(el);
  append(el, children);
}

let counter = 0;
/** A fresh id for label/aria wiring. @param {string} prefix */
export function uid(prefix) {
  counter += 1;
  return `${prefix}-${counter}`;
}

/**
 * An SVG picture the server drew (its text escaped there), parsed as SVG, never as HTML, so
 * nothing in it can run.
 * @param {string} markup
 * @returns {Node | null}
 */
export function svgNode(markup) {
  const doc = new DOMParser().parseFromString(markup, 'image/svg+xml');
  const root = doc.documentElement;
  if (root.nodeName !== 'svg' || doc.getElementsByTagName('parsererror').length > 0) return null;
  for (const s of Array.from(root.querySelectorAll('script, foreignObject'))) s.remove();
  return document.importNode(root, true);
}

/** Announces a message to screen readers (and shows it in the status line). @param {string} text */
export function announce(text) {
  const status = document.getElementById('status');
  if (status) status.textContent = text;
}

/**
 * Moves keyboard focus to an element (made focusable when it is not).
 * @param {HTMLElement | null} el
 */
export function focusOn(el) {
  if (!el) return;
  if (!el.hasAttribute('tabindex') && !/^(A|BUTTON|INPUT|SELECT|TEXTAREA)$/.test(el.tagName)) el.setAttribute('tabindex', '-1');
  el.focus();
}
