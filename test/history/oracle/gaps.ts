import type { CountryHistory } from '../../../src/ledger/history.js';
import { FIRST_REPORT_YEAR, type Tier } from '../../../src/model/tier.js';
import { WATCH_LIST_FIRST_REPORT } from './eras.js';

/**
 * Missing years, handled exactly. A computation of the clock reads years through a `Reader`;
 * reading a year the ledger lacks stops it, and it is run again once for every placement that
 * year could have had. The answers of all the runs are then compared: a field is definite only
 * when every filling of the missing years gives the same value. Only the years a computation
 * actually reads are branched on, so a gap that cannot matter costs nothing.
 */

/** What the clock distinguishes: Tier 1 and Tier 2 act alike (both end a Watch List run). */
export type YearClass = 'WL' | 'T3' | 'OTHER' | 'SPECIAL';

export function classOf(tier: Tier): YearClass {
  switch (tier) {
    case '2WL':
      return 'WL';
    case '3':
      return 'T3';
    case 'special':
      return 'SPECIAL';
    case '1':
    case '2':
      return 'OTHER';
  }
}

/** Reads a year; reading a missing year stops the run and branches on its possible placements. */
export type Reader = (year: number) => YearClass;
/** Looks at a year without branching: undefined when it is missing (for scans that track every possibility themselves). */
export type Peek = (year: number) => YearClass | undefined;

class MissingYear {
  constructor(readonly year: number) {}
}

/** Nothing before the first report (2001): such a year reads as off every list. */
const FIRST_REPORT = FIRST_REPORT_YEAR;

export interface Branch<T> {
  value: T;
  /** The placements assumed for the missing years this run read. */
  assumed: ReadonlyMap<number, YearClass>;
}

/**
 * The placements a missing year could have had. No Watch List before the 2004 report
 * (Pub. L. 108-193 created it). A Special Case is told apart from Tier 1/2 only when it does not
 * end a run; otherwise it acts exactly like them.
 */
export function domain(year: number, specialIsDistinct: boolean): YearClass[] {
  const out: YearClass[] = year >= WATCH_LIST_FIRST_REPORT ? ['WL', 'T3', 'OTHER'] : ['T3', 'OTHER'];
  if (specialIsDistinct) out.push('SPECIAL');
  return out;
}

/**
 * Runs `compute` under every filling of the missing years it reads. Returns one branch per
 * distinct filling of the years read (so the branches cover every possible history).
 */
export function enumerateFillings<T>(history: CountryHistory, specialIsDistinct: boolean, compute: (read: Reader, peek: Peek) => T): Branch<T>[] {
  const known = (year: number): YearClass | undefined => {
    if (year < FIRST_REPORT) return 'OTHER';
    const h = history.years.get(year);
    return h ? classOf(h.tier) : undefined;
  };
  const out: Branch<T>[] = [];
  const stack: Map<number, YearClass>[] = [new Map()];
  while (stack.length > 0) {
    const assumed = stack.pop()!;
    const peek: Peek = (year) => known(year) ?? assumed.get(year);
    const read: Reader = (year) => {
      const k = peek(year);
      if (k === undefined) throw new MissingYear(year);
      return k;
    };
    try {
      out.push({ value: compute(read, peek), assumed });
    } catch (err) {
      if (!(err instanceof MissingYear)) throw err;
      // Reverse so the branches come out in domain order (stable, readable outputs).
      for (const cls of domain(err.year, specialIsDistinct).reverse()) stack.push(new Map(assumed).set(err.year, cls));
    }
  }
  return out;
}

/** The value every branch agrees on, or 'unknown'. */
export function agreed<T, V>(branches: readonly Branch<T>[], pick: (t: T) => V): V | 'unknown' {
  const first = branches[0];
  if (!first) return 'unknown';
  const v = pick(first.value);
  const key = JSON.stringify(v);
  return branches.every((b) => JSON.stringify(pick(b.value)) === key) ? v : 'unknown';
}

/** Every distinct value over the branches, in first-seen order. */
export function possibleValues<T, V>(branches: readonly Branch<T>[], pick: (t: T) => V): V[] {
  const seen = new Map<string, V>();
  for (const b of branches) {
    const v = pick(b.value);
    const k = JSON.stringify(v);
    if (!seen.has(k)) seen.set(k, v);
  }
  return [...seen.values()];
}

/** Above this many branches the pairwise test below is skipped and every year read is listed. */
const PAIRWISE_LIMIT = 400;

/**
 * The missing years an answer depends on, sorted: a year read by some branch is listed when two
 * branches that assume different placements for it, and agree on every other year both read,
 * give different values. (A year read only to find that the run had already ended, e.g. 2003
 * before a run starting in 2004, is left out.) With many branches, every year read is listed.
 */
export function assumedYears<T, V>(branches: readonly Branch<T>[], pick: (t: T) => V): number[] {
  const read = new Set<number>();
  for (const b of branches) for (const y of b.assumed.keys()) read.add(y);
  if (branches.length > PAIRWISE_LIMIT) return [...read].sort((a, b) => a - b);
  const keys = branches.map((b) => JSON.stringify(pick(b.value)));
  const matters = new Set<number>();
  for (let i = 0; i < branches.length; i++) {
    for (let j = i + 1; j < branches.length; j++) {
      if (keys[i] === keys[j]) continue;
      const a = branches[i]!.assumed;
      const b = branches[j]!.assumed;
      const differing = [...a.keys()].filter((y) => b.has(y) && b.get(y) !== a.get(y));
      // Branches split at exactly one year they both read: that year changes the answer.
      if (differing.length === 1) matters.add(differing[0]!);
    }
  }
  return [...matters].sort((x, y) => x - y);
}

/**
 * Walks back from `from` to `floor` (default: the first report), yielding each year and its class;
 * years below the floor are never read, so a gap there cannot make an answer unknown. With
 * `skipSpecial`, Special Case years are stepped over (they neither count nor end a run: the option
 * `specialCaseBreaksRun: false`).
 */
export function* backFrom(read: Reader, from: number, skipSpecial: boolean, floor = FIRST_REPORT): Generator<[number, YearClass]> {
  for (let y = from; y >= Math.max(floor, FIRST_REPORT); y--) {
    const c = read(y);
    if (c === 'SPECIAL' && skipSpecial) continue;
    yield [y, c];
  }
}
