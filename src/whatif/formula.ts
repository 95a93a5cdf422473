/**
 * Formulas in negation normal form over the facts a what-if may change. A literal says "this fact
 * takes one of these values": a bit mask over the fact's domain (src/whatif/space.ts), so the
 * negation of a rule's condition is again a literal (the complement within the domain) and no
 * `not` survives. Facts that cannot change are folded into constants as the formulas are built.
 */
export type Formula =
  | { readonly k: 'const'; readonly value: boolean }
  | { readonly k: 'lit'; readonly fact: number; readonly mask: number }
  | { readonly k: 'and' | 'or'; readonly parts: readonly Formula[] };

export const TRUE: Formula = { k: 'const', value: true };
export const FALSE: Formula = { k: 'const', value: false };

/** `fact` takes a value in `mask`; `full` is the mask of the fact's whole domain. */
export function lit(fact: number, mask: number, full: number): Formula {
  if (mask === 0) return FALSE;
  if ((mask & full) === full) return TRUE;
  return { k: 'lit', fact, mask };
}

function join(k: 'and' | 'or', parts: readonly Formula[]): Formula {
  const absorbing = k === 'and' ? false : true;
  const out: Formula[] = [];
  for (const p of parts) {
    if (p.k === 'const') {
      if (p.value === absorbing) return p;
      continue; // the neutral element
    }
    if (p.k === k) out.push(...p.parts);
    else out.push(p);
  }
  if (out.length === 0) return k === 'and' ? TRUE : FALSE;
  if (out.length === 1) return out[0]!;
  return { k, parts: out };
}

export const and = (parts: readonly Formula[]): Formula => join('and', parts);
export const or = (parts: readonly Formula[]): Formula => join('or', parts);

/** The facts a formula names (for the size of the search space actually read). */
export function factsOf(f: Formula, into: Set<number> = new Set(), seen: Set<Formula> = new Set()): Set<number> {
  if (seen.has(f)) return into;
  seen.add(f);
  if (f.k === 'lit') into.add(f.fact);
  else if (f.k !== 'const') for (const p of f.parts) factsOf(p, into, seen);
  return into;
}

/** Whether a formula holds at a point of the space (each fact's value as a one-bit mask). */
export function holdsAt(f: Formula, point: Uint8Array): boolean {
  switch (f.k) {
    case 'const':
      return f.value;
    case 'lit':
      return (point[f.fact]! & f.mask) !== 0;
    case 'and':
      return f.parts.every((p) => holdsAt(p, point));
    case 'or':
      return f.parts.some((p) => holdsAt(p, point));
  }
}
