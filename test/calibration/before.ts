import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCorpus, type Corpus } from '../../src/rules/corpus.js';
import { RULES_DIR } from '../../src/paths.js';
import { UPGRADE_PRACTICE } from '../../src/evidence/facts.js';

/**
 * The rule corpus as it decided before issue 9, for the "before" figures of the calibration
 * (README.md): today's rules, with the rubric of commit 2ddec02 (before/*.yaml: every standard and
 * criterion met for "fully meets"; (a)(4) at least partly met and some criterion at least partly
 * met for "significant efforts") written over today's facts, and without the practice rule of an
 * upgrade out of Tier 3 (it did not exist: it is dropped, and so are the statutory rules' references
 * to it in `exception_of`). Built in a temporary folder; rules/ is never changed.
 */
export function beforeCorpus(): Corpus {
  const dir = mkdtempSync(join(tmpdir(), 'tip-before-'));
  try {
    const rules = join(dir, 'rules');
    cpSync(RULES_DIR, rules, { recursive: true });
    for (const name of ['fully-meets.yaml', 'significant-efforts.yaml']) cpSync(join(import.meta.dirname, 'before', name), join(rules, 'rubric', name));
    const corpus = loadCorpus(rules);
    const kept = corpus.rules.filter((r) => r.id !== UPGRADE_PRACTICE);
    if (kept.length !== corpus.rules.length - 1) throw new Error(`${UPGRADE_PRACTICE} not found in the corpus`);
    return {
      ...corpus,
      rules: kept.map((r) => (r.exception_of?.includes(UPGRADE_PRACTICE) ? { ...r, exception_of: r.exception_of.filter((id) => id !== UPGRADE_PRACTICE) } : r)),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
