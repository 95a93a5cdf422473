/**
 * Default logic over rules that fired, as in Catala: a base rule (no `exception_of`) applies when
 * it fires; an exception applies when it fires and one of its bases applies; an applicable rule
 * is set aside when an applicable exception names it. What is left stands. (The assessment's
 * src/assess/resolve.ts resolves the tier the same way and reports conflicts; `tip check-history`
 * uses this over the clock's rule files.)
 */
export function standingRules<T extends { id: string; exception_of?: readonly string[] | undefined }>(fired: readonly T[]): T[] {
  const byId = new Map(fired.map((r) => [r.id, r]));
  const memo = new Map<string, boolean>();
  const applies = (r: T, seen: ReadonlySet<string>): boolean => {
    const known = memo.get(r.id);
    if (known !== undefined) return known;
    if (seen.has(r.id)) return false; // a cycle never applies (the corpus test forbids cycles)
    const bases = r.exception_of ?? [];
    const result = bases.length === 0 || bases.some((id) => {
      const base = byId.get(id);
      return base !== undefined && applies(base, new Set([...seen, r.id]));
    });
    memo.set(r.id, result);
    return result;
  };
  const live = fired.filter((r) => applies(r, new Set()));
  return live.filter((r) => !live.some((e) => e.exception_of?.includes(r.id)));
}
