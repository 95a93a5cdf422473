import * as z from 'zod';
import { bundledCorpus, type Corpus } from '../rules/corpus.js';
import { describeJsonSchema } from './descriptions.js';
import { HEADS_ID, policyOrPatternHeads } from './law-checks.js';
import { EvidenceSchema } from './schema.js';

type Json = Record<string, any>;

/**
 * The JSON Schema of the evidence file (version 2), for editors (yaml-language-server), the
 * workbench's form and other tools. "input" mode: fields with defaults are optional, as when
 * writing the file by hand. Values the rules define (the heads of 22 U.S.C. 7107(b)(3)(B)) are
 * filled in from the corpus, as of the latest version, so an editor can offer them.
 */
export function evidenceJsonSchema(corpus: Corpus = bundledCorpus()): Record<string, unknown> {
  const schema = z.toJSONSchema(EvidenceSchema, { io: 'input', target: 'draft-2020-12' }) as Json;
  const kind = schema['properties']?.['state_labor']?.['items']?.['properties']?.['kind'] as Json | undefined;
  const starts = corpus.parameters.filter((p) => p.id === HEADS_ID).flatMap((p) => Object.keys(p.values).map(Number));
  if (kind && starts.length > 0) kind['enum'] = policyOrPatternHeads(Math.max(...starts), corpus);
  // Every field's help (src/evidence/descriptions.ts): shown by editors and beside the workbench's fields.
  describeJsonSchema(schema);
  return {
    ...schema,
    $id: 'https://example.invalid/tip-evidence.schema.json',
    title: 'TIP Report evidence file (one country, one report year)',
  };
}
