import { CLOCK_IDS, clockLaw } from '../history/clock/law.js';
import { FIRST_REPORT_YEAR } from '../model/tier.js';
import { inForce } from '../rules/corpus.js';
import { enactedBy, firstYearOf, type Law, type Versioned } from '../rules/law.js';

/**
 * The eras of the law, for the reader of an assessment ("Law applied: ..."). Nothing here is typed
 * by hand: each era starts in the first year of a provision of the corpus (the Watch List, the
 * count toward the automatic downgrade, rule (F)), or when the downgrade can first apply (the first
 * counted year plus the counted years of (D)(i)); its label names the act that enacted that
 * provision, from the rule file; its summary lists the statute files that start or end with it.
 * So an amendment that moves a provision moves the era with it.
 */
export interface Era {
  id: string;
  from: number;
  to?: number;
  label: string;
  summary: string;
}

interface Anchor {
  id: string;
  /** The provision whose first year starts the era and whose act names it. */
  provision: string;
  start: (law: Law) => number;
  /** What the era is, in words the provisions' titles do not give. */
  gist: string;
}

const ANCHORS: readonly Anchor[] = [
  { id: 'tvpa-2000', provision: '22usc7107.b.1.A', start: () => FIRST_REPORT_YEAR, gist: 'Tiers 1, 2 and 3' },
  { id: 'tvpra-2003', provision: CLOCK_IDS.watchList, start: (law) => firstYearOf(law, CLOCK_IDS.watchList), gist: 'the Special Watch List and the Tier 2 Watch List' },
  { id: 'tvpra-2008-counting', provision: CLOCK_IDS.downgrade, start: (law) => firstYearOf(law, CLOCK_IDS.downgrade), gist: 'Watch List years count toward the automatic downgrade' },
  {
    id: 'tvpra-2008',
    provision: CLOCK_IDS.downgrade,
    start: (law) => {
      const cl = clockLaw(law);
      return cl.countingFrom + cl.at(cl.countingFrom).freeYears;
    },
    gist: 'the automatic downgrade applies (the counted years of (D)(i) have passed)',
  },
  { id: 'tvpra-2018', provision: CLOCK_IDS.ruleF, start: (law) => firstYearOf(law, CLOCK_IDS.ruleF), gist: 'rule (F) and the other amendments of the reauthorizations that added it' },
];

/** "Frederick Douglass ... Act of 2018 (Pub. L. 115-425)": the act of a provision, from its file. */
function actOf(law: Law, id: string, year: number): string {
  const act = enactedBy(law, id, year) ?? '';
  const pl = /Pub\. L\. \d+-\d+/.exec(act)?.[0];
  if (!pl) return act || id;
  const all: Versioned[] = [...law.corpus.rules, ...law.corpus.parameters];
  for (const v of all) {
    for (const c of v.cites) {
      const i = c.title.indexOf(`, ${pl}`);
      if (i > 0 && /Act of \d{4}$/.test(c.title.slice(0, i))) return `${c.title.slice(0, i)} (${pl})`;
    }
  }
  return pl;
}

/** The statute provisions that start in `year`, and those that end just before it. */
function changesIn(law: Law, year: number): string[] {
  const all: Versioned[] = [...law.corpus.rules, ...law.corpus.parameters].filter((v) => v.layer === 'statute');
  const starts = all.filter((v) => inForce(v, year, law.effective) && !inForce(v, year - 1, law.effective)).map((v) => v.title);
  const ends = all.filter((v) => inForce(v, year - 1, law.effective) && !inForce(v, year, law.effective) && !all.some((o) => o.id === v.id && inForce(o, year, law.effective)));
  return [...new Set(starts), ...ends.map((v) => `no longer: ${v.title}`)];
}

/** Every era of the law, in order. */
export function erasOf(law: Law): Era[] {
  const starts = ANCHORS.map((a) => ({ anchor: a, from: a.start(law) })).sort((a, b) => a.from - b.from);
  return starts.map(({ anchor, from }, i) => {
    const next = starts[i + 1]?.from;
    const to = next === undefined ? undefined : next - 1;
    const years = to === undefined ? `reports ${from}-` : from === to ? `report ${from}` : `reports ${from}-${to}`;
    // The first era is where the corpus starts: every provision would be listed.
    const changes = i === 0 ? [] : changesIn(law, from);
    return {
      id: anchor.id,
      from,
      ...(to !== undefined ? { to } : {}),
      label: `${actOf(law, anchor.provision, from)} (${years})`,
      summary: `${anchor.gist[0]!.toUpperCase()}${anchor.gist.slice(1)}${changes.length ? `. From the ${from} report: ${changes.join('; ')}` : ''}.`,
    };
  });
}

export function eraOf(year: number, law: Law): Era {
  const era = erasOf(law).find((e) => year >= e.from && (e.to === undefined || year <= e.to));
  if (!era) throw new Error(`no era for report year ${year}`);
  return era;
}
