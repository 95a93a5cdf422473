import type { Cite } from './schema.js';

/** The citations without repeats (same title and pinpoint), in first-seen order. */
export function uniqueCites(cites: readonly Cite[]): Cite[] {
  const seen = new Set<string>();
  return cites.filter((c) => {
    const k = `${c.title}|${c.pinpoint}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
