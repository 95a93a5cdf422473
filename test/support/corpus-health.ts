import type { Corpus } from '../../src/rules/corpus.js';

/** Statute files without the statute's words for every year they cover, or with words that do not say where they come from. */
export function textProblems(corpus: Corpus): string[] {
  const problems: string[] = [];
  for (const r of [...corpus.rules, ...corpus.parameters].filter((x) => x.layer === 'statute')) {
    if (!r.text) {
      problems.push(`${r.file}: no text`);
      continue;
    }
    if (r.text[0]!.from > r.effective.from) problems.push(`${r.file}: no text for ${r.effective.from}`);
    for (const t of r.text) {
      if (!t.verbatim && !t.note) problems.push(`${r.file}: text from ${t.from} is not verbatim and says not why`);
      if (!/\b(U\.S\.C\.|TVPA|Pub\. L\.)/.test(t.citation)) problems.push(`${r.file}: text from ${t.from} cites "${t.citation}"`);
    }
  }
  return problems;
}
