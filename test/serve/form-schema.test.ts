import { beforeAll, describe, expect, test } from 'vitest';
import { FIELD_DESCRIPTIONS, descriptionFor } from '../../src/evidence/descriptions.js';
import { evidenceJsonSchema } from '../../src/evidence/json-schema.js';
import { webModule } from './support.js';

/**
 * The form generator's reading of JSON Schema (web/schema-model.js and web/sections.js, run here
 * in Node): it must follow the schema's constructs, not today's field list, so that the evidence
 * model's next version (tri-state booleans, ranges, new fields) flows into the form unchanged.
 */

let model: any;
let sections: any;
const schema = evidenceJsonSchema() as Record<string, any>;

beforeAll(async () => {
  model = await webModule('schema-model.js');
  sections = await webModule('sections.js');
});

describe('classify: one kind of field per JSON Schema construct', () => {
  test('a boolean with "unknown" (issue 7\'s tri-state) is one choice offering Yes, No and Unknown', () => {
    for (const s of [{ anyOf: [{ type: 'boolean' }, { const: 'unknown' }] }, { oneOf: [{ type: 'boolean' }, { type: 'string', enum: ['unknown'] }] }]) {
      const f = model.classify(s);
      expect(f.kind).toBe('choice');
      expect(f.options.map((o: { label: string }) => o.label)).toEqual(['Yes', 'No', 'Unknown']);
      expect(model.allowsUnknown(s)).toBe(true);
    }
    expect(model.allowsUnknown({ type: 'boolean' })).toBe(false);
  });

  test('an enum with a "no_information" finding offers it; a nullable count is a number that may be empty', () => {
    const finding = model.classify({ type: 'string', enum: ['met', 'partly_met', 'not_met', 'not_applicable', 'no_information'] });
    expect(finding.options.map((o: { label: string }) => o.label)).toContain('No information');
    const count = model.classify(schema.properties.prosecution.properties.investigations);
    expect(count).toMatchObject({ kind: 'number', integer: true, nullable: true, min: 0, description: expect.stringContaining('investigations') });
  });

  test('a union of shapes (a number or a range, as estimates will be) lets the officer pick the shape', () => {
    const estimate = { oneOf: [{ type: 'integer', minimum: 0 }, { type: 'object', title: 'A range', properties: { min: { type: 'integer' }, max: { type: 'integer' } }, required: ['min', 'max'] }, { type: 'null' }] };
    const f = model.classify(estimate);
    expect(f.kind).toBe('union');
    expect(f.nullable).toBe(true);
    expect(f.branches.map((b: { label: string }) => b.label)).toEqual(['A number', 'A range']);
    expect(model.branchOf(f.branches, 5)).toBe(0);
    expect(model.branchOf(f.branches, { min: 1, max: 2 })).toBe(1);
  });

  test('objects, maps keyed by a pattern, lists, sets of enum values, dates and links', () => {
    const p = schema.properties;
    expect(model.classify(p.country).kind).toBe('object');
    expect(model.classify(p.criteria)).toMatchObject({ kind: 'map', keyPattern: '^b([1-9]|1[0-2])$' });
    expect(model.classify(p.forms).kind).toBe('multi');
    expect(model.classify(p.prosecution.properties.cases).kind).toBe('list');
    const source = p.standards.properties.a1.properties.sources.items.properties;
    expect(model.classify(source.date)).toMatchObject({ kind: 'text', format: 'date', multiline: false });
    expect(model.classify(source.url)).toMatchObject({ kind: 'text', format: 'uri' });
    expect(model.classify({ type: ['string', 'null'] })).toMatchObject({ kind: 'text', nullable: true });
  });

  test('every field of today\'s schema is one the form can edit', () => {
    const kinds: string[] = [];
    const walk = (s: any) => {
      const f = model.classify(s);
      kinds.push(f.kind);
      if (f.kind === 'object') Object.values(f.properties).forEach(walk);
      if (f.kind === 'map') walk(f.values);
      if (f.kind === 'list') walk(f.items);
    };
    Object.entries(schema.properties).filter(([k]) => !k.startsWith('$')).forEach(([, s]) => walk(s));
    expect(kinds).not.toContain('any');
    expect(kinds.length).toBeGreaterThan(100);
  });

  test('labels and paths as tip validate prints them', () => {
    expect(model.humanize('data_provided_to_un')).toBe('Data provided to UN');
    expect(model.humanize('EAP')).toBe('EAP');
    expect(model.pathKey(['prosecution', 'cases', 0])).toBe('prosecution.cases[0]');
    const v: Record<string, unknown> = {};
    model.setIn(v, ['a', 'b', 0], 1);
    expect(v).toEqual({ a: { b: [1] } });
    model.deleteIn(v, ['a', 'b', 0]);
    expect(v).toEqual({ a: { b: [] } });
  });
});

describe('sections: like a narrative, and nothing of the schema left out', () => {
  test('identity, profile, prosecution, protection, prevention, then the standards and the criteria', () => {
    const ids = sections.sectionsFor(schema).map((s: { id: string }) => s.id);
    expect(ids.slice(0, 7)).toEqual(['identity', 'profile', 'prosecution', 'protection', 'prevention', 'standards', 'criteria']);
    expect(ids).not.toContain('other');
  });

  test('every field of the schema is in exactly one section', () => {
    const placed = sections.sectionsFor(schema).flatMap((s: { paths: string[] }) => s.paths);
    expect(new Set(placed).size).toBe(placed.length);
    for (const [key, sub] of Object.entries<any>(schema.properties)) {
      if (key.startsWith('$')) continue;
      const covered = placed.includes(key) || Object.keys(sub.properties ?? {}).every((k) => placed.includes(`${key}.${k}`));
      expect(covered, key).toBe(true);
    }
  });

  test('a field the evidence model gains appears under "Other fields" without new UI code', () => {
    const grown = structuredClone(schema);
    grown.properties.first_year_in_report = { type: 'boolean' };
    grown.properties.narrative.properties.context = { type: 'array', items: { type: 'string' } };
    const last = sections.sectionsFor(grown).at(-1);
    expect(last).toMatchObject({ id: 'other', paths: ['narrative.context', 'first_year_in_report'] });
  });
});

describe('help beside every field', () => {
  test('every field of the JSON Schema has a description', () => {
    const missing: string[] = [];
    const walk = (s: any, path: string) => {
      if (path && typeof s.description !== 'string') missing.push(path);
      for (const [k, v] of Object.entries<any>(s.properties ?? {})) walk(v, path ? `${path}.${k}` : k);
      if (s.additionalProperties && typeof s.additionalProperties === 'object') walk(s.additionalProperties, `${path}.*`);
      if (s.items?.properties) for (const [k, v] of Object.entries<any>(s.items.properties)) walk(v, `${path}[].${k}`);
    };
    walk(schema, '');
    expect(missing).toEqual([]);
  });

  test('every description names a field the schema has (no stale help)', () => {
    const paths: string[] = [];
    const walk = (s: any, path: string) => {
      if (path) paths.push(path);
      for (const b of [...(s.anyOf ?? []), ...(s.oneOf ?? [])]) for (const [k, v] of Object.entries<any>(b.properties ?? {})) walk(v, `${path}.${k}`);
      for (const [k, v] of Object.entries<any>(s.properties ?? {})) walk(v, path ? `${path}.${k}` : k);
      if (s.additionalProperties && typeof s.additionalProperties === 'object') walk(s.additionalProperties, `${path}.*`);
      if (s.items && typeof s.items === 'object') walk(s.items, `${path}[]`);
    };
    walk(schema, '');
    for (const key of Object.keys(FIELD_DESCRIPTIONS)) {
      const used = key.startsWith('*.') ? paths.some((p) => p.endsWith(key.slice(1))) : paths.includes(key);
      expect(used, key).toBe(true);
    }
    expect(descriptionFor('criteria.*.sources[].title')).toBe(FIELD_DESCRIPTIONS['*.sources[].title']);
  });
});
