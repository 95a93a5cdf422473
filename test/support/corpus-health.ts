import type { Corpus } from '../../src/rules/corpus.js';

/**
 * Files whose owner (the evidence engineer, issue 9) rewrites them with their text: exempt only
 * while they have none, so nothing else may lack it and they pass the day their text lands.
 */
const AWAITING_OWNER = ['rules/22usc7106/b/1/data-presumption', 'rules/22usc7106/b/7/data-presumption'];

/** Statute files without the statute's words for every year they cover, or with words that do not say where they come from. */
export function textProblems(corpus: Corpus): string[] {
  const problems: string[] = [];
  for (const r of [...corpus.rules, ...corpus.parameters].filter((x) => x.layer === 'statute')) {
    if (!r.text) {
      if (!AWAITING_OWNER.some((p) => r.file.startsWith(p))) problems.push(`${r.file}: no text`);
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
