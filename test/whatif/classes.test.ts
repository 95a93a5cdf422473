import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { factsRead } from '../../src/evidence/facts.js';
import { bundledCorpus, loadCorpus } from '../../src/rules/corpus.js';
import { FACTS } from '../../src/rules/stages.js';
import { CLASSES_FILE, isVaried, loadFactClasses } from '../../src/whatif/classes.js';
import { DETERMINATION_FIELDS } from '../../src/whatif/space.js';

/**
 * rules/facts/classes.yaml against the corpus: every fact a rule reads is classed, every entry
 * names a fact of the registry, every class is explained and cited, and every actionable fact has
 * the words of its advice (its own, or its standard's or criterion's recommendation).
 */
const corpus = bundledCorpus();
const classes = loadFactClasses();
const read = new Set(corpus.rules.flatMap((r) => factsRead(r.conditions)));

describe('rules/facts/classes.yaml', () => {
  test('every fact a rule reads is classed', () => {
    expect([...read].filter((f) => !classes.facts.has(f)).sort()).toEqual([]);
  });

  test('every entry names a fact of the registry that a rule reads (no stale entries)', () => {
    expect([...classes.facts.keys()].filter((f) => !FACTS[f] || !read.has(f))).toEqual([]);
    expect([...classes.fields.keys()].sort()).toEqual(Object.values(DETERMINATION_FIELDS).sort());
  });

  test('facts concluded by earlier stages are derived, and only they', () => {
    for (const [name, c] of classes.facts) expect(c.class === 'derived', name).toBe((FACTS[name]?.availableFrom ?? 0) > 0);
  });

  test('every varied fact says why, with a citation; every actionable one has its advice', () => {
    for (const [name, c] of [...classes.facts, ...classes.fields]) {
      expect(c.why.length, name).toBeGreaterThan(20);
      if (!isVaried(c.class)) continue;
      expect(c.cites.length, name).toBeGreaterThan(0);
      if (c.class !== 'actionable') continue;
      const own = corpus.rules.find((r) => r.recommendation !== undefined && factsRead(r.conditions).includes(name));
      expect(Object.keys(c.advice).length > 0 || own !== undefined, `${name}: advice or a recommendation`).toBe(true);
    }
  });

  test('advice is worded as the report words recommendations: a clause starting with a verb, no final period', () => {
    for (const [name, c] of classes.facts) {
      for (const [value, words] of Object.entries(c.advice)) {
        expect(words, `${name}=${value}`).toMatch(/^[a-z]+ [^.]*[^.]$/);
        expect(c.situationalValues.includes(value), `${name}: advice for a situational value`).toBe(false);
      }
    }
  });

  test('the corpus loader leaves rules/facts/ out, and the file cites no working notes', () => {
    expect(loadCorpus().rules.some((r) => r.file.startsWith('rules/facts/'))).toBe(false);
    const text = readFileSync(CLASSES_FILE, 'utf8');
    for (const bad of ['tvpa-rules.md', 'product.md', '../shared']) expect(text.includes(bad), bad).toBe(false);
  });

  test('the Watch List grounds: (II) is actionable, the victim population of (I) situational, being new to the report situational', () => {
    expect(classes.facts.get('increasingEfforts')?.class).toBe('actionable');
    expect(classes.facts.get('increasingEfforts')?.situationalValues).toContain('first_year_in_report');
    expect(classes.facts.get('victimsVerySignificant')?.class).toBe('situational');
    expect(classes.facts.get('victimsSignificantlyIncreasing')?.class).toBe('situational');
    expect(classes.facts.get('proportionalConcreteActions')?.class).toBe('actionable');
  });
});
