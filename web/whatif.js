// @ts-check
import { api } from './api.js';
import { h, replace } from './dom.js';

/**
 * The panel's "What would change the tier" section, from POST /api/what-if (tip what-if --json):
 * for each other tier, the smallest sets of evidence changes that would give it, each change
 * marked as a government action, a value to record, a decision of the Department, or the country's
 * situation (never advice); the clock next year if nothing changes; the government actions in
 * order. Loaded when the section is opened, and again after each assessment while it is open.
 */

/** @typedef {Record<string, any>} Json */

const TIER_NAMES = /** @type {Record<string, string>} */ ({ 1: 'Tier 1', 2: 'Tier 2', '2WL': 'Tier 2 Watch List', 3: 'Tier 3', special: 'Special Case' });
const MARK_WORDS = /** @type {Record<string, string>} */ ({
  action: 'government action',
  record: 'to record (not a government action)',
  procedural: "the Department's decision",
  situational: 'situational: never advice',
  withdraw: 'a finding withdrawn: never advice',
});
/** The most sets shown per tier (the JSON of tip what-if lists every one). */
const SHOWN = 4;

/** @param {Json} c */
function markOf(c) {
  if (c.class === 'situational') return 'situational';
  if (c.kind === 'withdraw') return 'withdraw';
  if (c.kind === 'record') return 'record';
  return c.class === 'procedural' ? 'procedural' : 'action';
}

const show = (/** @type {unknown} */ v) => (typeof v === 'string' ? v : JSON.stringify(v));

/** @param {Json} set */
function setItem(set) {
  return h('li', { class: 'what-if-set' }, [
    h('ul', {}, set.changes.map((/** @type {Json} */ c) => {
      const mark = markOf(c);
      return h('li', { class: `change change-${mark}` }, [h('span', { class: 'change-mark' }, `[${MARK_WORDS[mark]}]`), ' ', h('code', {}, c.field), `: ${show(c.from)} → ${show(c.to)}`, h('span', { class: 'help' }, ` ${c.label}`)]);
    })),
    h('p', { class: 'help' }, `Then decided by ${set.decidedBy.map((/** @type {Json} */ d) => `${d.rule} (${d.cites[0]?.title ?? d.file})`).join('; ')}`),
  ]);
}

/** @param {Json} t */
function targetBlock(t) {
  const title = h('h4', {}, `Toward ${TIER_NAMES[t.tier] ?? t.tier} (${t.direction})`);
  if (t.sets.length === 0) return [title, h('p', {}, t.none === 'unreachable' ? 'No change of the evidence gives it this year: the tier history decides.' : 'No set within the bound on the number of changes.')];
  const rest = t.sets.length - SHOWN;
  return [title, h('ol', { class: 'what-if-sets' }, t.sets.slice(0, SHOWN).map(setItem)), rest > 0 ? h('p', { class: 'help' }, `… and ${rest} more (tip what-if --json lists them all).`) : null];
}

/** Draws the section. @param {HTMLElement} into @param {Json} w */
export function showWhatIf(into, w) {
  replace(into, [
    h('p', { class: 'help' }, `The smallest sets of at most ${w.bound} evidence changes that move the tier (exact over the ${w.work.factsRead} facts the rules read here).`),
    ...w.targets.flatMap(targetBlock),
    h('h4', {}, 'Next year, if nothing changes'),
    ...w.nextYear.summary.map((/** @type {string} */ s) => h('p', {}, s)),
    h('h4', {}, 'Government actions, in order'),
    w.plan.length
      ? h('ol', { class: 'what-if-plan' }, w.plan.map((/** @type {Json} */ a) => h('li', {}, [a.text, h('span', { class: 'help' }, ` (toward ${a.towards.map((/** @type {string} */ t) => TIER_NAMES[t] ?? t).join(', ')}${a.covers.length ? `; answers ${a.covers.join(', ')}` : ''})`)])))
      : h('p', {}, 'None: no set toward a better tier has a government action.'),
  ]);
}

/** Loads the section for the evidence as it stands. @param {HTMLElement} into @param {unknown} evidence */
export async function loadWhatIf(into, evidence) {
  into.setAttribute('aria-busy', 'true');
  try {
    showWhatIf(into, await api('/api/what-if', { method: 'POST', json: evidence }));
  } catch (err) {
    into.textContent = `The what-if needs valid evidence: ${/** @type {Error} */ (err).message}`;
  } finally {
    into.removeAttribute('aria-busy');
  }
}
