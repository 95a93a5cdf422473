// @ts-check
import { h, replace, svgNode } from './dom.js';

/**
 * The live panel: what the engine makes of the evidence as it stands, from POST /api/assess.
 * The tier and the rule that decided it, with its citation; the rubric's answer and the analyst's
 * determination; the Watch List grounds; the clock as the batch report's own SVG timeline; the
 * Special Watch List and the Tier 3 consequences; the recommendations; the trace on demand.
 */

/** @typedef {Record<string, any>} Json */

const yesNo = (/** @type {unknown} */ b) => (b === true ? 'yes' : b === false ? 'no' : String(b));

/** @param {Json[]} cites */
function citeLinks(cites) {
  return cites.flatMap((c, i) => [i > 0 ? '; ' : '', h('a', { href: c.href, target: '_blank', rel: 'noopener noreferrer' }, c.title)]);
}

/** @param {[string, unknown][]} rows */
function facts(rows) {
  return h('dl', { class: 'facts' }, rows.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v === null || v === undefined ? 'n/a' : String(v))]));
}

/** @param {Json} a @param {Json} names */
function tierBlock(a, names) {
  const decided = a.decidedBy.map((/** @type {Json} */ d) => h('li', {}, [h('code', {}, d.rule), `: ${d.title} (`, ...citeLinks(d.cites), ')']));
  const CHANGE = /** @type {Record<string, string>} */ ({ upgrade: 'an upgrade', downgrade: 'a downgrade', same: 'no change', 'not-comparable': 'not comparable' });
  const change = a.previousTier ? `Last year: ${names.previousTier} (${CHANGE[a.tierChange] ?? a.tierChange})` : 'Last year: not in the ledger';
  return [
    h('p', { class: `tier tier-${String(a.tier).toLowerCase()}`, id: 'tier-line' }, names.tier),
    a.clockEffect !== 'none' ? h('p', { class: 'clock-effect' }, `Watch List clock: ${a.clockEffect}${a.tierBeforeClock !== a.tier ? ` (otherwise ${names.tierBeforeClock})` : ''}`) : null,
    h('p', {}, change),
    h('h3', {}, 'Decided by'),
    h('ul', { class: 'decided' }, decided),
  ];
}

/** @param {Json} a */
function decisionBlock(a) {
  const d = a.determination;
  return [
    h('h3', {}, 'Rubric and determination'),
    facts([
      ['Rubric (policy guidance): fully meets', yesNo(a.rubric.fullyMeets)],
      ['Rubric: significant efforts', yesNo(a.rubric.significantEfforts)],
      [`Determination (${d.source === 'analyst' ? 'the analyst' : 'the rubric\'s, none recorded'}): fully meets`, yesNo(d.fullyMeets)],
      ['Determination: significant efforts', yesNo(d.significantEfforts)],
    ]),
    d.overridesRubric ? h('p', { class: 'warning' }, 'The analyst\'s determination departs from the rubric; its rationale is recorded.') : null,
    a.watchList.grounds.length ? h('h3', {}, 'Watch List grounds') : null,
    a.watchList.grounds.length ? h('ul', {}, a.watchList.grounds.map((/** @type {Json} */ g) => h('li', {}, `(${g.ground}) ${g.text}`))) : null,
  ];
}

/** @param {Json} a @param {string} svg @param {Json | null} ledger */
function clockBlock(a, svg, ledger) {
  const c = a.clock;
  const picture = svgNode(svg);
  // Focusable, so a keyboard can scroll a long timeline (it opens at its right end: this year).
  const out = [h('h3', {}, 'Watch List clock'), h('div', { class: 'timeline', tabindex: '0', role: 'region', 'aria-label': 'Tier timeline and Watch List clock (scrolls sideways)' }, picture ? [picture] : [])];
  if (!c) return [...out, h('p', { class: 'warning' }, 'No tier ledger: the clock of 22 U.S.C. 7107(b)(2)(D)-(F) is not applied. Start tip serve with --history CSV.')];
  return [
    ...out,
    h('p', { class: 'help' }, ledger ? `Ledger: ${ledger.file}${ledger.waivers ? ` and ${ledger.waivers}` : ''}` : ''),
    facts([
      [`Consecutive Watch List years before ${c.year}`, c.consecutiveWatchListYears],
      ['Of them, counted (from the 2009 report)', c.countedWatchListYears],
      ['Waiver years used / allowed', `${c.waiverYearsUsed} / ${c.waiverYearsAllowed}`],
      ['Watch List this year', c.watchListPlacement],
      ['Earliest automatic downgrade', c.earliestDowngradeYear],
      ['Rule (F) applies', yesNo(c.ruleF.applies)],
    ]),
    c.unknownYears.length ? h('p', { class: 'warning' }, `Missing from the ledger: ${c.unknownYears.join(', ')}`) : null,
    h('p', { class: 'help' }, c.explanation),
  ];
}

/** @param {Json} a */
function listsBlock(a) {
  const s = a.specialWatchList;
  const t = a.tier3;
  return [
    h('h3', {}, 'Special Watch List'),
    s ? facts([['Member', yesNo(s.member)], ['Grounds', s.grounds.join('; ') || 'none'], ['Interim assessment due', s.interimAssessmentDue]]) : h('p', {}, 'Not computed (no ledger).'),
    h('h3', {}, 'Tier 3 consequences'),
    t
      ? h('div', {}, [
          h('ul', {}, t.restrictions.map((/** @type {string} */ r) => h('li', {}, r))),
          h('p', {}, `Presidential determination ${t.determinationWindow.minDays}-${t.determinationWindow.maxDays} days after the report${t.determinationWindow.from ? ` (${t.determinationWindow.from} to ${t.determinationWindow.to})` : ''}; fiscal year ${t.fiscalYear}.`),
          h('p', { class: 'help' }, t.nationalInterestWaiver),
        ])
      : h('p', {}, 'None: the country is not on Tier 3.'),
    h('h3', {}, 'Recommendations'),
    h('ol', { class: 'recommendations' }, a.recommendations.map((/** @type {Json} */ r) => h('li', {}, [r.text, r.rule ? h('span', { class: 'help' }, ` [${r.rule}]`) : null]))),
    a.notes.length ? h('h3', {}, 'Notes') : null,
    a.notes.length ? h('ul', { class: 'notes' }, a.notes.map((/** @type {string} */ n) => h('li', {}, n))) : null,
  ];
}

/**
 * Draws the panel for an assessment.
 * @param {HTMLElement} body @param {Json} result the answer of POST /api/assess
 */
export function showAssessment(body, result) {
  const a = result.assessment;
  replace(body, [
    ...tierBlock(a, result.names),
    h('p', { class: 'help' }, `${a.era.label}; reporting period ${a.reportingPeriod.from} to ${a.reportingPeriod.to}`),
    ...decisionBlock(a),
    ...clockBlock(a, result.timelineSvg, result.ledger),
    ...listsBlock(a),
  ]);
}

/**
 * The panel while the evidence has problems: how many, and the tier from the last valid state.
 * @param {HTMLElement} body @param {number} count @param {boolean} hadTier
 */
export function showInvalid(body, count, hadTier) {
  const note = h('p', { class: 'warning', id: 'panel-invalid' }, `${count} problem${count === 1 ? '' : 's'} in the form (shown at the fields): the tier is computed once they are fixed.${hadTier ? ' Below: the last valid assessment.' : ''}`);
  body.querySelector('#panel-invalid')?.remove();
  body.prepend(note);
  body.classList.toggle('stale', hadTier);
}

/** The trace table. @param {HTMLElement} into @param {Json[]} trace */
export function showTrace(into, trace) {
  const rows = trace.map((t) => h('tr', {}, [
    h('td', {}, t.outcome + (t.decides ? ' (decides)' : '')),
    h('td', {}, h('code', {}, t.rule)),
    h('td', {}, t.cites.map((/** @type {Json} */ c) => c.title).join('; ')),
    h('td', {}, t.facts.map((/** @type {Json} */ f) => `${f.fact}=${JSON.stringify(f.factValue)}`).join(', ')),
  ]));
  replace(into, h('table', { class: 'trace' }, [
    h('caption', {}, 'Every rule of the corpus, its citation, the facts it read and its outcome'),
    h('thead', {}, h('tr', {}, ['Outcome', 'Rule', 'Cites', 'Facts read'].map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, rows),
  ]));
}
