import { Ajv2020 } from 'ajv/dist/2020.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { evidenceJsonSchema } from '../../src/evidence/json-schema.js';
import { EXAMPLES_DIR } from '../../src/paths.js';
import { baseEvidence } from '../support/evidence.js';

// Formats (date, uri) are zod's to check; ajv here checks structure and unknown keys.
const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: false });
const validate = ajv.compile(evidenceJsonSchema());
const example = join(EXAMPLES_DIR, 'CHN-2009.yaml');

describe('the JSON Schema of the evidence file (tip schema)', () => {
  test('accepts valid evidence', () => {
    expect(validate(JSON.parse(JSON.stringify(baseEvidence(2020)))), JSON.stringify(validate.errors)).toBe(true);
  });
  test('accepts the bundled China 2009 example', () => {
    const doc = parse(readFileSync(example, 'utf8'));
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
  });
  test('rejects a file with an unknown field, at any depth', () => {
    const top = { ...JSON.parse(JSON.stringify(baseEvidence(2009))), comparison_with_previos_year: {} };
    expect(validate(top)).toBe(false);
    expect(validate.errors?.some((e) => e.keyword === 'additionalProperties')).toBe(true);
    const deep = JSON.parse(JSON.stringify(baseEvidence(2009)));
    deep.prosecution.investigatons = 3;
    expect(validate(deep)).toBe(false);
  });
});
