import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { InputError } from '../../src/diagnostics/diagnostic.js';
import { bundledCorpus, loadCorpus } from '../../src/rules/corpus.js';
import { FACTS } from '../../src/rules/stages.js';
import type { Condition } from '../../src/rules/schema.js';

const corpus = bundledCorpus();
const all = [...corpus.rules, ...corpus.parameters];

function facts(c: Condition): string[] {
  if ('all' in c) return c.all.flatMap(facts);
  if ('any' in c) return c.any.flatMap(facts);
  if ('not' in c) return facts(c.not);
  return [c.fact];
}

describe('corpus health', () => {
  test('the corpus is not empty and every file loaded', () => {
    expect(corpus.rules.length).toBeGreaterThan(30);
  });

  test('every rule cites its source with a pinpoint and a link', () => {
    for (const r of all) {
      expect(r.cites.length, r.file).toBeGreaterThan(0);
      for (const c of r.cites) {
        expect(c.href, r.file).toMatch(/^https?:\/\//);
        expect(c.pinpoint.trim(), r.file).not.toBe('');
      }
    }
  });

  test('every statute rule cites the U.S. Code or a public law', () => {
    for (const r of all.filter((x) => x.layer === 'statute')) {
      expect(r.cites.some((c) => /U\.S\.C\.|Pub\. L\./.test(c.title)), r.file).toBe(true);
    }
  });

  test('the path says where in the statute a rule is: 22 U.S.C. 7106/7107 rules cite their own section', () => {
    for (const r of all.filter((x) => /^22usc(7106|7107)\./.test(x.id))) {
      const section = r.id.slice(5, 9);
      expect(r.cites.some((c) => c.title.includes(`22 U.S.C. ${section}`)), r.file).toBe(true);
    }
  });

  test('effective years are report years from 2001, and ranges are ordered', () => {
    for (const r of all) {
      expect(r.effective.from, r.file).toBeGreaterThanOrEqual(2001);
      if (r.effective.to !== undefined) expect(r.effective.to, r.file).toBeGreaterThanOrEqual(r.effective.from);
    }
  });

  test('every fact a rule reads is registered', () => {
    for (const r of corpus.rules) for (const f of facts(r.conditions)) expect(FACTS[f], `${r.file}: ${f}`).toBeDefined();
  });

  test('ids are unique per period: two versions of one id never overlap', () => {
    const byId = new Map<string, typeof all>();
    for (const r of all) byId.set(r.id, [...(byId.get(r.id) ?? []), r]);
    for (const [id, versions] of byId) {
      for (let y = 2001; y <= 2030; y++) {
        const live = versions.filter((v) => y >= v.effective.from && (v.effective.to === undefined || y <= v.effective.to));
        expect(live.length, `${id} in ${y}`).toBeLessThanOrEqual(1);
      }
    }
  });

  test('exceptions name tier rules that exist, and never form a cycle', () => {
    const ids = new Set(corpus.rules.map((r) => r.id));
    const edges = new Map(corpus.rules.map((r) => [r.id, r.exception_of ?? []]));
    for (const r of corpus.rules) for (const b of r.exception_of ?? []) expect(ids.has(b), `${r.file} -> ${b}`).toBe(true);
    const visiting = new Set<string>();
    const reaches = (from: string, target: string): boolean => {
      if (visiting.has(from)) return false;
      visiting.add(from);
      const hit = (edges.get(from) ?? []).some((b) => b === target || reaches(b, target));
      visiting.delete(from);
      return hit;
    };
    for (const id of ids) expect(reaches(id, id), `cycle through ${id}`).toBe(false);
  });

  test('rubric files are labelled as policy guidance, not law', () => {
    for (const r of corpus.rules.filter((x) => x.id.startsWith('rubric.'))) expect(r.layer).toBe('rubric');
  });

  test('criteria and standards carry the recommendation used when they are not met, except a criterion no rubric rule weighs (context, such as (b)(8))', () => {
    const weighed = new Set(corpus.rules.filter((x) => x.layer === 'rubric').flatMap((x) => facts(x.conditions)));
    for (const r of corpus.rules.filter((x) => x.event.type === 'criterion-unmet' || x.event.type === 'standard-unmet')) {
      const fact = r.event.type === 'criterion-unmet' ? `criterion_${r.event.params.criterion}` : r.event.type === 'standard-unmet' ? `standard_${r.event.params.standard}` : '';
      expect(r.recommendation !== undefined, r.file).toBe(weighed.has(fact));
    }
  });
});

describe('rule files are checked when loaded', () => {
  const good = (over: string) => `id: x.y
kind: rule
title: A test rule
cites:
  - {title: 22 U.S.C. 7107(b), pinpoint: (b), href: "https://www.law.cornell.edu/uscode/text/22/7107"}
effective: {from: 2009}
layer: statute
verified_on: 2026-12-01
${over}`;
  const conditions = `conditions:
  all:
    - {fact: increasingEfforts, operator: equal, value: false}
event: {type: watch-list-ground, params: {ground: II, text: t}}
`;
  function loadOne(text: string, name = 'y.yaml') {
    const root = mkdtempSync(join(tmpdir(), 'tip-rules-'));
    mkdirSync(join(root, 'rules', 'x'), { recursive: true });
    writeFileSync(join(root, 'rules', 'x', name), text);
    try {
      loadCorpus(join(root, 'rules'));
      return [];
    } catch (err) {
      if (err instanceof InputError) return err.diagnostics;
      throw err;
    }
  }
  const cases: [string, string, string, number][] = [
    ['a valid rule loads', good(conditions), '', 0],
    ['an empty group (json-rules-engine treats it as true)', good('conditions: {all: []}\nevent: {type: tier, params: {tier: "3"}}\n'), 'too-small', 9],
    ['an unknown fact', good(conditions.replace('increasingEfforts', 'increasingEffort')), 'unknown-fact', 11],
    ['a numeric operator on a boolean fact', good(conditions.replace('operator: equal', 'operator: greaterThan')), 'bad-operator', 11],
    ['a value of the wrong type', good(conditions.replace('value: false', 'value: "false"')), 'bad-value', 11],
    ['a fact read before its stage', good(conditions.replace('increasingEfforts', 'fullyMeets')), 'fact-not-yet-available', 11],
    ['a __proto__ key in a condition', good(conditions.replace('{fact:', '{__proto__: {}, fact:')), 'reserved-key', 11],
    ['an id that does not match the path', good(conditions).replace('id: x.y', 'id: x.z'), 'id-path-mismatch', 1],
    ['an unknown key', good(conditions).replace('layer:', 'layr:'), 'unknown-key', 7],
    ['a practice rule (State Department practice, not law) loads', good(conditions).replace('layer: statute', 'layer: practice'), '', 0],
    ['a text that is not verbatim and says not why', good(conditions).replace('verified_on:', 'text:\n  - {from: 2009, citation: "TVPA §110(b)", source: {title: t, href: "https://example.org/"}, verbatim: false, words: w}\nverified_on:'), 'missing', 9],
    ['a text that starts after the first year of the file', good(conditions).replace('verified_on:', 'text:\n  - {from: 2010, citation: "TVPA §110(b)", source: {title: t, href: "https://example.org/"}, verbatim: true, words: w}\nverified_on:'), 'text-out-of-years', 9],
    ['no verified_on date', good(conditions).replace('verified_on: 2026-12-01\n', ''), 'missing', 1],
  ];
  for (const [name, text, code, line] of cases) {
    test(name, () => {
      const ds = loadOne(text);
      if (code === '') expect(ds).toEqual([]);
      else {
        expect(ds.map((d) => d.code), JSON.stringify(ds)).toContain(code);
        expect(ds.find((d) => d.code === code)!.line).toBe(line);
      }
    });
  }
  test('two versions of one id with overlapping years are refused', () => {
    const root = mkdtempSync(join(tmpdir(), 'tip-rules-'));
    mkdirSync(join(root, 'rules', 'x'), { recursive: true });
    writeFileSync(join(root, 'rules', 'x', 'y@2009.yaml'), good(conditions));
    writeFileSync(join(root, 'rules', 'x', 'y@2010.yaml'), good(conditions).replace('from: 2009', 'from: 2010'));
    expect(() => loadCorpus(join(root, 'rules'))).toThrow(/overlapping|years after/);
  });
});
