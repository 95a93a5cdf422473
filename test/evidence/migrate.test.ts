import fc from 'fast-check';
import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, test } from 'vitest';
import { assessEvidence } from '../../src/assess/assess.js';
import { InputError } from '../../src/diagnostics/diagnostic.js';
import { loadEvidenceFile } from '../../src/evidence/load.js';
import { migrateFile, migrateText } from '../../src/evidence/migrate.js';
import type { Evidence } from '../../src/evidence/schema.js';
import { EXAMPLES_DIR } from '../../src/paths.js';
import { assessmentInput } from '../support/arbitraries.js';

const V1_DIR = join(import.meta.dirname, 'v1');
const v1Files = readdirSync(V1_DIR).filter((f) => f.endsWith('.yaml'));
const exampleFiles = [join(EXAMPLES_DIR, 'CHN-2009.yaml'), ...readdirSync(join(EXAMPLES_DIR, 'more')).map((f) => join(EXAMPLES_DIR, 'more', f))];

function tempCopy(file: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'tip-migrate-'));
  const to = join(dir, 'e.yaml');
  copyFileSync(file, to);
  return to;
}

const comments = (text: string) => text.split('\n').filter((l) => l.trim().startsWith('#')).map((l) => l.trim());

/** The parts of an assessment that depend on the evidence (not on where it was read from). */
async function verdict(evidence: Evidence) {
  const a = await assessEvidence(evidence, { clock: null, previousTier: null });
  return { tier: a.tier, decidedBy: a.decidedBy.map((d) => d.rule), grounds: a.watchList.grounds, notes: a.notes, trace: a.trace.map((t) => [t.rule, t.outcome]) };
}

/** A version 1 file for the same evidence: the flat ground (I) fields, no version, no capacity. */
function asVersion1(e: Evidence): Record<string, unknown> {
  const v1 = structuredClone(e) as unknown as Record<string, any>;
  delete v1['evidence_version'];
  const g = v1['victims'].watch_list_ground_i ?? {};
  delete v1['victims'].watch_list_ground_i;
  v1['victims'].very_significant = g.very_significant ?? false;
  v1['victims'].significantly_increasing = g.significantly_increasing ?? false;
  if (g.proportional_concrete_actions !== undefined) v1['victims'].proportional_concrete_actions = g.proportional_concrete_actions;
  delete v1['prosecution'].data_capacity;
  delete v1['complicity'].data_capacity;
  delete v1['complicity'].data_requested;
  return v1;
}

describe('version 1 evidence files and tip migrate', () => {
  for (const name of v1Files) {
    test(`${name}: the version 1 file is valid, and migrated it reads as the same evidence with the same assessment`, async () => {
      const file = tempCopy(join(V1_DIR, name));
      const before = loadEvidenceFile(file);
      expect(before.version).toBe(1);
      const m = migrateFile(file);
      expect(m.from).toBe(1);
      expect(m.changes[0]).toMatch(/^evidence_version: 2/);
      const after = loadEvidenceFile(file);
      expect(after.version).toBe(2);
      expect(after.evidence).toEqual(before.evidence);
      expect(await verdict(after.evidence)).toEqual(await verdict(before.evidence));
    });

    test(`${name}: every comment is kept, the lines it does not concern are untouched, and a second run changes nothing`, () => {
      const file = tempCopy(join(V1_DIR, name));
      const old = readFileSync(file, 'utf8');
      migrateFile(file);
      const once = readFileSync(file, 'utf8');
      for (const c of comments(old)) expect(comments(once)).toContain(c);
      // Only added lines and the moved ground (I) block differ: every old line is still there.
      const lines = new Set(once.split('\n').map((l) => l.trim()));
      const missing = old.split('\n').filter((l) => !lines.has(l.trim()) && !/penalties_commensurate_with_rape/.test(l));
      expect(missing).toEqual([]);
      const mtime = statSync(file).mtimeMs;
      const again = migrateFile(file);
      expect(again.changes).toEqual([]);
      expect(readFileSync(file, 'utf8')).toBe(once);
      expect(statSync(file).mtimeMs).toBe(mtime);
    });
  }

  test('every file in examples/ is current: migrate leaves it byte for byte as it is', () => {
    for (const example of exampleFiles) {
      const file = tempCopy(example);
      const m = migrateFile(file);
      expect(m.from, example).toBe(2);
      expect(m.changes).toEqual([]);
      expect(readFileSync(file, 'utf8')).toBe(readFileSync(example, 'utf8'));
    }
  });

  test('the examples assess as their version 1 originals did (China: b5 is now "no information", the same outcome)', async () => {
    for (const name of v1Files) {
      const example = exampleFiles.find((f) => f.endsWith(name))!;
      const a = await verdict(loadEvidenceFile(example).evidence);
      const b = await verdict(loadEvidenceFile(join(V1_DIR, name)).evidence);
      expect({ tier: a.tier, decidedBy: a.decidedBy, grounds: a.grounds }, name).toEqual({ tier: b.tier, decidedBy: b.decidedBy, grounds: b.grounds });
    }
  });

  test('migration is atomic: no temporary file is left, and an invalid file is not touched', () => {
    const file = tempCopy(join(V1_DIR, 'CHN-2009.yaml'));
    migrateFile(file);
    expect(readdirSync(join(file, '..'))).toEqual(['e.yaml']);
    const bad = tempCopy(join(V1_DIR, 'CHN-2009.yaml'));
    const text = readFileSync(bad, 'utf8').replace('bureau: EAP', 'bureau: EAPP');
    writeFileSync(bad, text);
    expect(() => migrateFile(bad)).toThrow(InputError);
    expect(readFileSync(bad, 'utf8')).toBe(text);
    expect(readdirSync(join(bad, '..'))).toEqual(['e.yaml']);
  });

  test('a version 1 file written in flow style migrates, the flow mappings rewritten in flow style', () => {
    const text = readFileSync(join(V1_DIR, 'MYS-2024.yaml'), 'utf8')
      .replace(/^victims:\n(?: {2}.*\n)+/m, 'victims: {estimate: null, very_significant: true, significantly_increasing: false, proportional_concrete_actions: true}\n');
    const m = migrateText(text, 'flow.yaml');
    expect(m.text).toContain('victims: {estimate: null, watch_list_ground_i: {very_significant: true, significantly_increasing: false, proportional_concrete_actions: true}}');
    expect(m.text).toContain('comparison: {crime: rape, commensurate: true}');
  });

  test('property: any version 1 file reads as its migration does, with the same assessment', async () => {
    await fc.assert(
      fc.asyncProperty(assessmentInput, async ({ evidence }) => {
        const v1 = stringify(asVersion1(evidence));
        const file = join(mkdtempSync(join(tmpdir(), 'tip-migrate-')), 'e.yaml');
        writeFileSync(file, v1);
        const before = loadEvidenceFile(file);
        const m = migrateText(v1, file);
        writeFileSync(file, m.text);
        const after = loadEvidenceFile(file);
        expect(after.evidence).toEqual(before.evidence);
        expect(await verdict(after.evidence)).toEqual(await verdict(before.evidence));
      }),
      { numRuns: 60 },
    );
  });
});
