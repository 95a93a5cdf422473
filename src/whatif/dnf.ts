import type { Formula } from './formula.js';

/**
 * Bounded disjunctive normal form. A term is a conjunction of literals, one allowed-value mask per
 * fact (the fact's full mask when the term does not constrain it); its cost is the number of facts
 * whose current value the term excludes, that is the number of changes it needs. Terms that cost
 * more than the bound are dropped as they are built: adding a conjunct can only exclude more
 * current values, never fewer, so no term of a larger product can come back under the bound. A
 * term subsumed by a more general one is dropped too (the disjunction means the same). What is
 * left is every way of satisfying the formula with at most `bound` changes, as sets of
 * constraints; src/whatif/candidates.ts reads the change sets from them.
 */
export interface Term {
  readonly masks: Uint8Array;
  readonly cost: number;
}

/** The search space, as masks: each fact's whole domain and the bit of its current value. */
export interface Masks {
  readonly full: Uint8Array;
  readonly current: Uint8Array;
}

/** Raised when the terms of one formula outgrow `limit` (never a silent truncation). */
export class SearchLimitError extends Error {
  constructor(readonly limit: number) {
    super(`the what-if search kept more than ${limit} partial answers; lower the bound on the number of changes`);
    this.name = 'SearchLimitError';
  }
}

export class BoundedDnf {
  private readonly memo = new Map<Formula, Term[]>();
  /** Terms built, for the benchmark's account of the work done. */
  built = 0;

  constructor(
    private readonly space: Masks,
    private readonly bound: number,
    private readonly limit = 200_000,
  ) {}

  private costOf(masks: Uint8Array): number {
    let cost = 0;
    const cur = this.space.current;
    for (let i = 0; i < masks.length; i++) if ((masks[i]! & cur[i]!) === 0) cost++;
    return cost;
  }

  private term(masks: Uint8Array): Term | undefined {
    const cost = this.costOf(masks);
    this.built++;
    return cost > this.bound ? undefined : { masks, cost };
  }

  /** The terms of `f`, memoized by node (the formulas share sub-formulas). */
  of(f: Formula): Term[] {
    const known = this.memo.get(f);
    if (known) return known;
    let out: Term[];
    if (f.k === 'const') out = f.value ? [{ masks: this.space.full.slice(), cost: 0 }] : [];
    else if (f.k === 'lit') {
      const masks = this.space.full.slice();
      masks[f.fact] = f.mask;
      const t = this.term(masks);
      out = t ? [t] : [];
    } else if (f.k === 'or') out = reduce(f.parts.flatMap((p) => this.of(p)));
    else {
      const parts = f.parts.map((p) => this.of(p)).sort((a, b) => a.length - b.length);
      out = parts.reduce((acc, p) => this.product(acc, p), [{ masks: this.space.full.slice(), cost: 0 }]);
    }
    if (out.length > this.limit) throw new SearchLimitError(this.limit);
    this.memo.set(f, out);
    return out;
  }

  private product(a: readonly Term[], b: readonly Term[]): Term[] {
    const out: Term[] = [];
    for (const x of a) {
      for (const y of b) {
        const masks = new Uint8Array(x.masks.length);
        let empty = false;
        for (let i = 0; i < masks.length && !empty; i++) {
          masks[i] = x.masks[i]! & y.masks[i]!;
          empty = masks[i] === 0;
        }
        if (empty) continue; // contradictory: one fact cannot take two disjoint sets of values
        const t = this.term(masks);
        if (t) out.push(t);
      }
      if (out.length > this.limit * 4) throw new SearchLimitError(this.limit);
    }
    return reduce(out);
  }
}

/** Does `general` allow everything `specific` allows (so `specific` adds nothing to a disjunction)? */
function subsumes(general: Term, specific: Term): boolean {
  const g = general.masks;
  const s = specific.masks;
  for (let i = 0; i < g.length; i++) if ((s[i]! & ~g[i]!) !== 0) return false;
  return true;
}

/** Drops duplicate and subsumed terms; the most general first, so each survivor is checked once. */
export function reduce(terms: readonly Term[]): Term[] {
  const width = (t: Term) => t.masks.reduce((n, m) => n + popcount(m), 0);
  const sorted = [...terms].sort((a, b) => width(b) - width(a));
  const kept: Term[] = [];
  for (const t of sorted) if (!kept.some((k) => subsumes(k, t))) kept.push(t);
  return kept;
}

function popcount(m: number): number {
  let n = 0;
  for (let x = m; x; x &= x - 1) n++;
  return n;
}
