import { z } from 'zod';
import { describeJsonSchema } from './descriptions.js';
import { EvidenceSchema } from './schema.js';

/**
 * The JSON Schema of the evidence file, for editors (yaml-language-server) and other tools.
 * "input" mode: fields with defaults are optional, as when writing the file by hand.
 */
export function evidenceJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(EvidenceSchema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
  // Every field's help (src/evidence/descriptions.ts): shown by editors and beside the workbench's fields.
  describeJsonSchema(schema);
  return {
    ...schema,
    $id: 'https://example.invalid/tip-evidence.schema.json',
    title: 'TIP Report evidence file (one country, one report year)',
  };
}
