import { bundledCorpus } from '../../src/rules/corpus.js';
import { lawOf, type Law } from '../../src/rules/law.js';

/** The bundled law with no overrides: what `tip` applies by default. */
export const LAW: Law = lawOf(bundledCorpus());
