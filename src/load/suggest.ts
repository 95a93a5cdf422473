/**
 * "Did you mean …?" for misspelt keys. Optimal-string-alignment (restricted Damerau-Levenshtein)
 * distance, so a swapped pair of letters ("nmae") costs 1, as a typist would expect.
 */
export function editDistance(a: string, b: string): number {
  const s = Array.from(a);
  const t = Array.from(b);
  const rows = s.length + 1;
  const cols = t.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  const at = (i: number, j: number): number => d[i * cols + j] as number;
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let v = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) {
        v = Math.min(v, at(i - 2, j - 2) + 1);
      }
      d[i * cols + j] = v;
    }
  }
  return at(rows - 1, cols - 1);
}

/**
 * The known key closest to `typed`, if close enough: distance ≤ 2, or ≤ a third of the typed key's
 * length (so long keys tolerate more slips). The distance must also stay below the typed key's
 * length, otherwise a one- or two-letter key would "match" anything of similar size.
 * Comparison ignores case and `-`/`_` differences first, since `report-year` for `report_year`
 * is the commonest slip. Ties go to the earlier key in schema order, so the answer is stable.
 */
export function suggestKey(typed: string, known: readonly string[]): string | undefined {
  const norm = (k: string): string => k.toLowerCase().replace(/[-_\s]/g, '');
  const typedLen = Array.from(typed).length;
  const limit = Math.max(2, Math.floor(typedLen / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const k of known) {
    if (k === typed) continue;
    const dist = norm(k) === norm(typed) ? 0.5 : editDistance(typed, k);
    if (dist <= limit && dist < typedLen && dist < bestDistance) {
      best = k;
      bestDistance = dist;
    }
  }
  return best;
}
