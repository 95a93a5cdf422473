import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { evidenceJsonSchema } from '../../src/evidence/json-schema.js';
import { PACKAGE_ROOT } from '../../src/paths.js';

test('tip-evidence.schema.json (what editors read) is what `tip schema` prints', () => {
  const committed = readFileSync(join(PACKAGE_ROOT, 'tip-evidence.schema.json'), 'utf8');
  expect(committed, 'run `npx tip schema --out tip-evidence.schema.json`').toBe(JSON.stringify(evidenceJsonSchema(), null, 2) + '\n');
});
