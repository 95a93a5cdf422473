import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { loadCorpus } from '../../src/rules/corpus.js';
import { readCorpusCache, writeCorpusCache } from '../../src/rules/corpus-cache.js';
import { RULES_DIR } from '../../src/paths.js';

test('the corpus cache is used only while every rule file is byte-identical to what was cached', () => {
  const root = mkdtempSync(join(tmpdir(), 'tip-cache-'));
  const rules = join(root, 'rules');
  cpSync(RULES_DIR, rules, { recursive: true });
  const cachePath = join(root, 'corpus.json');
  const written = writeCorpusCache(cachePath, rules);
  expect(readCorpusCache(cachePath, rules)).toEqual(JSON.parse(JSON.stringify(loadCorpus(rules))));
  expect(written.rules.length).toBeGreaterThan(30);

  // Edit one rule file: the cache no longer applies, and the YAML wins.
  const file = join(rules, '22usc7107', 'b', '2', 'F.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace('effective: {from: 2019}', 'effective: {from: 2020}'));
  expect(readCorpusCache(cachePath, rules)).toBeUndefined();
  expect(loadCorpus(rules).rules.find((r) => r.id === '22usc7107.b.2.F')!.effective.from).toBe(2020);

  // A damaged cache is no cache.
  writeFileSync(cachePath, '{not json');
  expect(readCorpusCache(cachePath, rules)).toBeUndefined();
});
