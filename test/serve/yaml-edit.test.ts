import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { parseYaml } from '../../src/load/index.js';
import { applyValueToYaml, newYamlFile } from '../../src/serve/yaml-edit.js';
import { EXAMPLES } from './support.js';

/** The save path's YAML editing: the value written is the value sent, and nothing else changes. */

const CHN = readFileSync(join(EXAMPLES, 'CHN-2009.yaml'), 'utf8');
/** A folded paragraph of the file, as written: a reprint would re-fold it (so its presence proves a splice). */
const FOLDED = '      Bride and sex trafficking by abduction is punished severely (29 defendants convicted in Guizhou,\n      the main defendant sentenced to death), but the law recognizes no coercion other than abduction\n';
const ALIGNED = '  - child_sex_trafficking        # minors over 14 in the commercial sex trade; teenage girls to the UK\n';

const valueOf = (text: string) => {
  const r = parseYaml(text, 'x.yaml');
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
  return r.doc.value as Record<string, any>;
};

describe('applyValueToYaml', () => {
  test('the same value gives the same bytes: every comment, quote and block style of the China file survives', () => {
    expect(applyValueToYaml(CHN, valueOf(CHN))).toBe(CHN);
  });

  test('a changed figure changes one line; the comments around it stay', () => {
    const v = valueOf(CHN);
    v.prosecution.investigations = 2600;
    const out = applyValueToYaml(CHN, v);
    const before = CHN.split('\n');
    const changed = out.split('\n').filter((l, i) => l !== before[i]);
    expect(changed).toEqual(['  investigations: 2600']);
    expect(out).toContain('  # Ministry of Public Security: "2,566 potential trafficking cases in 2008", on China\'s limited');
    expect(valueOf(out)).toEqual(v);
  });

  test('text with a colon, a tab or a leading dash is quoted, never breaking the file', () => {
    const v = valueOf(CHN);
    v.standards.a1.rationale = 'Note: the law\tprohibits - some forms; #not a comment';
    v.country.name = '- China';
    const out = applyValueToYaml(CHN, v);
    expect(valueOf(out)).toEqual(v);
    expect(out).toContain('name: "- China"\n');
    expect(out).toContain(FOLDED);
  });

  test('a new key goes after the key before it in the value; a removed key goes with its comment', () => {
    const v = valueOf(CHN);
    const { sentences, ...rest } = v.prosecution;
    v.prosecution = { ...rest };
    v.prosecution = Object.fromEntries(Object.entries(v.prosecution).flatMap(([k, x]) => (k === 'convictions' ? [[k, x], ['sentences', { count: 3 }]] : [[k, x]])));
    expect(sentences).toBeDefined();
    v.waiver = { written_plan: true, plan_would_constitute_significant_efforts: true, sufficient_resources: true, granted: false };
    delete v.complicity.description;
    const out = applyValueToYaml(CHN, v);
    expect(valueOf(out)).toEqual(v);
    expect(out).toContain(FOLDED);
    expect(out).toContain(ALIGNED);
    expect(out).toContain('    count: 3\n');
    expect(out).toContain('\nwaiver:\n  written_plan: true\n');
    const keys = Object.keys(parse(out).prosecution);
    expect(keys.indexOf('sentences')).toBe(keys.indexOf('convictions') + 1);
    expect(out).not.toContain('concerted efforts to investigate, prosecute, and punish government officials for complicity in\n    human trafficking."');
  });

  test('lists grow and shrink item by item; the items left keep their comments', () => {
    const v = valueOf(CHN);
    v.forms = v.forms.slice(0, 3);
    v.prosecution.cases.push('A new case, reported in March 2009, that is long enough to be folded over two lines of the file.');
    v.protection.victims_rescued = null;
    const out = applyValueToYaml(CHN, v);
    expect(valueOf(out)).toEqual(v);
    expect(out).toContain(`forms:\n  - sex_trafficking\n${ALIGNED}  - forced_labor\n\n# §108(a)`);
    expect(out).toContain('    - >-\n      A new case, reported in March 2009');
    expect(out).toContain('  victims_rescued: null\n');
    expect(out).toContain(FOLDED);
  });

  test('property: any edit of scalar values reads back as the value sent', () => {
    const base = valueOf(CHN);
    const scalar = fc.oneof(fc.string({ maxLength: 80 }), fc.integer(), fc.boolean(), fc.constant(null));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('roles.origin', 'prosecution.investigations', 'standards.a2.rationale', 'country.adjective', 'protection.shelters'), scalar), { maxLength: 5 }), (edits) => {
        const v = structuredClone(base);
        for (const [path, x] of edits) {
          const parts = path.split('.');
          let o: any = v;
          for (const p of parts.slice(0, -1)) o = o[p];
          o[parts[parts.length - 1]!] = x;
        }
        expect(valueOf(applyValueToYaml(CHN, v))).toEqual(v);
      }),
      { numRuns: 60 },
    );
  });
});

test('newYamlFile: the header as a comment, long text as folded blocks, the value as sent', () => {
  const value = { country: { name: 'Malaysia' }, narrative: { profile: ['x'.repeat(50) + ' ' + 'y'.repeat(50)] } };
  const out = newYamlFile(value, ' Created for the test.');
  expect(out.startsWith('# Created for the test.\n')).toBe(true);
  expect(out).toContain('  profile:\n    - >-\n');
  expect(valueOf(out)).toEqual(value);
});
