import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { readBuildCache, writeBuildCache } from '../load/build-cache.js';
import { PACKAGE_ROOT, RULES_DIR } from '../paths.js';
import type { Corpus } from './corpus.js';
import { listYamlFiles, loadCorpus } from './corpus.js';

/**
 * A build-time cache of the validated rule corpus. Parsing and checking the YAML rule files is
 * most of a cold `tip assess` (measured by `npm run bench`); the build writes the checked corpus
 * as JSON with a fingerprint of every rule file's path and bytes, and a run uses it only when the
 * fingerprint still matches. An edited rule file therefore always wins over the cache.
 */
export const CORPUS_CACHE_PATH = join(PACKAGE_ROOT, 'dist', 'corpus.json');
const FORMAT = 1;

export function corpusFingerprint(rulesDir: string = RULES_DIR): string {
  const hash = createHash('sha256');
  for (const file of listYamlFiles(rulesDir)) {
    hash.update(relative(rulesDir, file).split(sep).join('/'));
    hash.update('\0');
    hash.update(readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** The cached corpus, or undefined when there is none or it no longer matches the rule files. */
export function readCorpusCache(path: string = CORPUS_CACHE_PATH, rulesDir: string = RULES_DIR): Corpus | undefined {
  return readBuildCache<{ fingerprint: string; corpus: Corpus }>(path, FORMAT, (c) => c.corpus !== undefined && c.fingerprint === corpusFingerprint(rulesDir))?.corpus;
}

/** Loads and checks the rule files, then writes the cache (atomically). */
export function writeCorpusCache(path: string = CORPUS_CACHE_PATH, rulesDir: string = RULES_DIR): Corpus {
  const corpus = loadCorpus(rulesDir);
  writeBuildCache(path, FORMAT, { fingerprint: corpusFingerprint(rulesDir), corpus });
  return corpus;
}
