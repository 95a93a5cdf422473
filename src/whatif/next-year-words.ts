import type { Assessment } from '../assess/types.js';
import { tierName } from '../model/tier.js';
import { cardinalWord, joinAnd, ordinalWord } from '../render/words.js';
import type { ProjectedYear } from './types.js';

/**
 * The projection in words: each year's place on the clock, and the consequence in two or three
 * sentences ("the 2010 report is the second counted Watch List year, which makes the 2011 report
 * the first in which the automatic downgrade applies ..."). Every count is read from the clock.
 */
const forbids = (y: ProjectedYear) => y.clock.placement === 'needs-waiver' || y.clock.placement === 'barred' || y.clockEffect === 'automatic-downgrade';
const report = (y: ProjectedYear) => `the ${y.year} report`;
const counted = (y: ProjectedYear) => (typeof y.clock.countedBefore === 'number' ? y.clock.countedBefore + 1 : undefined);
const years = (n: number) => `${cardinalWord(n)} year${n === 1 ? '' : 's'}`;
const citeOf = (y: ProjectedYear) => y.decidedBy[0]?.cites[0]?.title ?? y.decidedBy[0]?.rule ?? '';

function yearText(y: ProjectedYear, reading: string): string {
  const n = counted(y);
  if (y.clock.ruleF === true && y.tier === '3') return `Tier 3: rule (F) bars a further Watch List year (reading ${reading})`;
  if (y.tier === '2WL' && y.clock.placement === 'needs-waiver') {
    const used = typeof y.clock.waiverYearsUsed === 'number' ? y.clock.waiverYearsUsed + 1 : '?';
    return `Tier 2 Watch List by waiver (waiver year ${used} of ${y.clock.waiverYearsAllowed})`;
  }
  if (y.tier === '2WL') {
    if (y.counts === true && n !== undefined) return `Tier 2 Watch List, the ${ordinalWord(n)} counted Watch List year`;
    return y.counts === false ? 'Tier 2 Watch List, a year that does not count toward the automatic downgrade' : 'Tier 2 Watch List';
  }
  if (y.tier === '3' && y.clock.placement === 'needs-waiver') {
    return `Tier 3: the automatic downgrade applies (${citeOf(y)}); a waiver could keep the country on the Watch List for up to ${years(y.clock.waiverYearsAllowed)} under that year's law`;
  }
  if (y.tier === '3' && y.clock.placement === 'barred') return `Tier 3: the Watch List is barred, no waiver year is left (${citeOf(y)})`;
  if (y.clockEffect === 'automatic-downgrade') return `Tier 3: the automatic downgrade applies however the ledger's missing years (${y.clock.unknownYears.join(', ')}) are filled (${citeOf(y)})`;
  if (y.clockEffect === 'not-checked') return `${tierName(y.tier)}, though the ledger's missing years (${y.clock.unknownYears.join(', ')}) leave the clock open`;
  return tierName(y.tier);
}

/** "the second counted Watch List year" for the years on the Watch List before the downgrade. */
function before(path: readonly ProjectedYear[]): string | undefined {
  const onList = path.filter((y) => y.tier === '2WL' && y.counts === true && counted(y) !== undefined);
  if (onList.length === 0) return undefined;
  return joinAnd(onList.map((y) => `${report(y)} is the ${ordinalWord(counted(y)!)} counted Watch List year`));
}

function downgradeSentence(path: readonly ProjectedYear[]): string | undefined {
  const d = path.find(forbids);
  if (!d) return undefined;
  const lead = before(path.slice(0, path.indexOf(d)));
  const first = (verb: string) => `${report(d)}${verb} the first in which the automatic downgrade applies (${citeOf(d)})`;
  const waiver =
    d.clock.placement === 'needs-waiver'
      ? `, waivable for up to ${years(d.clock.waiverYearsAllowed)} under that year's law; without a waiver, Tier 3 in ${report(d)}`
      : d.clock.placement === 'barred'
        ? `, with no waiver year left: Tier 3 in ${report(d)}`
        : ` however the ledger's missing years (${d.clock.unknownYears.join(', ')}) are filled: Tier 3 in ${report(d)}`;
  return lead ? `If nothing changes, ${lead}, which makes ${first('')}${waiver}.` : `If nothing changes, ${first(' is')}${waiver}.`;
}

function waiverSentence(path: readonly ProjectedYear[]): string | undefined {
  const waived = path.filter((y) => y.tier === '2WL' && y.clock.placement === 'needs-waiver');
  const barred = path.find((y) => y.tier === '3');
  if (waived.length === 0 || !barred) return undefined;
  const ords = waived.map((y) => counted(y)).filter((n): n is number => n !== undefined);
  const reports = joinAnd(waived.map((y) => String(y.year)));
  const need = `${capitalized(joinAnd(ords.map((n) => `a ${ordinalWord(n)}`)))} counted Watch List year would require a waiver (the ${reports} report${waived.length === 1 ? '' : 's'})`;
  const n = counted(barred);
  const why = barred.clock.ruleF === true ? 'rule (F) bars it' : 'it is barred';
  return `${need}; ${n !== undefined ? `a ${ordinalWord(n)}` : 'the next'} is barred${why === 'it is barred' ? '' : ` (${why})`}: Tier 3 in ${report(barred)}.`;
}

function capitalized(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Fills each year's text and returns the consequence in sentences. */
export function summarise(current: Assessment, path: ProjectedYear[], waived: ProjectedYear[], reading: string): string[] {
  for (const y of [...path, ...waived]) y.text = yearText(y, reading);
  const out: string[] = [];
  const down = downgradeSentence(path);
  if (down) out.push(down);
  else if (path.length > 0) {
    out.push(`If nothing changes: ${path.map((y) => `${report(y)}, ${y.text}`).join('; ')}.`);
  }
  const w = waiverSentence(waived);
  if (w) out.push(w);
  const f = [...path, ...waived].find((y) => y.clock.ruleF === true);
  out.push(
    f
      ? `Rule (F), reading ${reading}: it applies in ${report(f)}.`
      : `Rule (F) reading applied: ${reading}${path.some((y) => y.clock.ruleF === 'unknown') ? ' (the ledger leaves it open in some year)' : ''}.`,
  );
  if (current.tier !== '2WL' && !down && path.every((y) => y.tier !== '2WL')) out.push('The Watch List clock does not run: the country is not on the Watch List.');
  return out;
}
