import fc from 'fast-check';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, test } from 'vitest';
import { InputError, formatDiagnostic } from '../../src/diagnostics/diagnostic.js';
import { loadEvidenceFile } from '../../src/evidence/load.js';
import { evidenceSkeleton } from '../../src/evidence/skeleton.js';
import { parseYaml, validateDoc } from '../../src/load/index.js';
import { EvidenceSchema } from '../../src/evidence/schema.js';
import { baseEvidence } from '../support/evidence.js';
import { assessmentInput } from '../support/arbitraries.js';

function tempFile(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'tip-evidence-'));
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

function diagnosticsOf(text: string) {
  const file = tempFile('e.yaml', text);
  try {
    loadEvidenceFile(file);
    return [];
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    return err.diagnostics;
  }
}

const valid = stringify(baseEvidence(2009));
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('evidence files', () => {
  test('a valid evidence file loads', () => {
    expect(diagnosticsOf(valid)).toEqual([]);
  });

  test('a misspelt top-level key is reported at its line and column with the intended key', () => {
    const text = valid.replace('comparison_with_previous_year:', 'comparison_with_previos_year:');
    const ds = diagnosticsOf(text);
    const d = ds.find((x) => x.code === 'unknown-key')!;
    expect(d).toBeDefined();
    expect(d.line).toBe(lineOf(text, 'comparison_with_previos_year'));
    expect(d.col).toBe(1);
    expect(d.hint).toContain('comparison_with_previous_year');
    expect(formatDiagnostic(d)).toMatch(/^.*e\.yaml:\d+:1: comparison_with_previos_year: expected .*did you mean "comparison_with_previous_year"/);
  });

  const table: [string, (t: string) => string, string, string][] = [
    ['a tier-era criterion missing', (t) => t.replace(/^ {2}b12:\n(?: {4}.*\n)+/m, ''), 'missing-criterion', 'criteria:'],
    ['a criterion not in force that year', (t) => t.replace('report_year: 2009', 'report_year: 2003').replace('estimate: null', 'estimate: null\n  significant_number: true'), 'criterion-not-in-force', '  b8:'],
    ['a wrong type', (t) => t.replace('investigations: 10', 'investigations: "ten"'), 'wrong-type', 'investigations:'],
    ['an unknown bureau', (t) => t.replace('bureau: EUR', 'bureau: EU'), 'invalid-value', 'bureau:'],
    ['a bad ISO code', (t) => t.replace('iso3: TST', 'iso3: Tst'), 'invalid-format', 'iso3:'],
  ];
  for (const [name, edit, code, lineNeedle] of table) {
    test(name, () => {
      const text = edit(valid);
      const ds = diagnosticsOf(text);
      expect(ds.map((d) => d.code), JSON.stringify(ds)).toContain(code);
      expect(ds.find((d) => d.code === code)!.line).toBe(lineOf(text, lineNeedle));
    });
  }

  test('a Special Case before the practice began (2003) is refused, not left to fail in the rules', () => {
    const text = stringify(baseEvidence(2002)).replace(/^report_year: 2002$/m, 'report_year: 2002\nspecial_case: {reason: no government}');
    const ds = diagnosticsOf(text);
    expect(ds.map((d) => d.code)).toEqual(['special-case-not-in-use']);
    expect(ds[0]!.line).toBe(lineOf(text, 'special_case:'));
  });

  test('every error is listed, not only the first', () => {
    const text = valid.replace('bureau: EUR', 'bureau: EU').replace('investigations: 10', 'investigations: -1');
    expect(diagnosticsOf(text).length).toBeGreaterThanOrEqual(2);
  });

  test('the loader never modifies its input', () => {
    const file = tempFile('e.yaml', valid);
    loadEvidenceFile(file);
    expect(readFileSync(file, 'utf8')).toBe(valid);
  });

  test('a valid evidence object printed to YAML and read back is unchanged', () => {
    fc.assert(
      fc.property(assessmentInput, fc.string(), ({ evidence }, text) => {
        const withText = { ...evidence, narrative: { ...evidence.narrative, profile: [`${text}x`, ...evidence.narrative.profile] } };
        const parsed = parseYaml(stringify(withText), 'mem.yaml');
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) return;
        const checked = validateDoc(parsed.doc, EvidenceSchema);
        expect(checked.ok).toBe(true);
        if (checked.ok) expect(checked.value).toEqual(EvidenceSchema.parse(withText));
      }),
      { numRuns: 100 },
    );
  });

  test('tip init writes a skeleton with the criteria of its year, whose every blank validate reports', () => {
    for (const [year, criteria] of [[2003, 7], [2008, 10], [2009, 12], [2020, 12]] as const) {
      const text = evidenceSkeleton('CHN', year);
      const keys = text.match(/^ {2}b\d+:/gm) ?? [];
      expect(keys.length, String(year)).toBe(criteria);
      const ds = diagnosticsOf(text);
      expect(ds.length).toBeGreaterThan(10);
      expect(ds.every((d) => d.line > 0)).toBe(true);
      expect(text.includes('proportional_concrete_actions')).toBe(year >= 2019);
      expect(text.includes('significant_number')).toBe(year <= 2008);
    }
  });
});
