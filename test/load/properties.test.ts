import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import * as z from 'zod';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { parseYaml, validateDoc } from '../../src/load/index.js';
import { TIERS } from '../../src/model/tier.js';

/** A small strict schema for the properties; the lead adds the same round trip for the evidence model. */
const Schema = z.strictObject({
  name: z.string(),
  year: z.number().int(),
  tier: z.enum(TIERS),
  active: z.boolean(),
  tags: z.array(z.string()),
  inner: z.strictObject({ note: z.string().optional(), ratio: z.number() }).optional(),
  released: z.iso.date().optional(),
});

type Outcome = { ok: true; value: unknown } | { ok: false; diagnostics: Diagnostic[] };

/** The loader's two steps, as a caller runs them. Any exception escaping here fails the property. */
function load(source: string | Uint8Array): Outcome {
  const parsed = parseYaml(source, 'p.yaml');
  if (!parsed.ok) return parsed;
  return validateDoc(parsed.doc, Schema);
}

/** Every failure is structured, located sensibly, sorted, and not an internal error. */
function checkOutcome(out: Outcome, text: string): void {
  if (out.ok) return;
  expect(out.diagnostics.length).toBeGreaterThan(0);
  const lines = text.split('\n').length;
  let prev = [0, 0];
  for (const d of out.diagnostics) {
    expect(d.code).not.toBe('internal');
    expect(d.file).toBe('p.yaml');
    expect(d.code).toMatch(/^[a-z0-9-]+$/);
    expect(d.expected.length).toBeGreaterThan(0);
    expect(d.found.length).toBeGreaterThan(0);
    expect(Number.isInteger(d.line) && Number.isInteger(d.col)).toBe(true);
    expect(d.line).toBeGreaterThanOrEqual(0);
    expect(d.line).toBeLessThanOrEqual(lines + 1);
    expect(d.line === 0 ? d.col === 0 : d.col >= 1).toBe(true);
    expect(d.line > prev[0]! || (d.line === prev[0] && d.col >= prev[1]!)).toBe(true);
    prev = [d.line, d.col];
  }
}

const FRAGMENTS = [
  ':', ': ', '- ', '&a ', '*a', '&b ', '*b', '{', '}', '[', ']', ', ', '__proto__', 'constructor', 'prototype',
  '\n', '\n  ', '  ', 'name', 'year', 'tier', 'tags', 'inner', 'ratio', '2009', '2WL', '1.5', 'yes', '~', 'null',
  '"', "'", '? ', '!!str ', '!!binary ', '!foo ', '---\n', '...\n', '# c', '|\n', '>\n', '\t', '<<', '%YAML 1.1\n',
  '\uFEFF', 'é', '😀', '\\', '\r\n', '2009-06-16', '0x1F', '.inf', '-', '%',
];

const yamlish = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 40 }).map((parts) => parts.join(''));

describe('the loader never throws', () => {
  it('on arbitrary strings (graphemes)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (s) => checkOutcome(load(s), s)),
      { numRuns: 500 },
    );
  });

  it('on arbitrary strings (any UTF-16, lone surrogates included)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => checkOutcome(load(s), s)),
      { numRuns: 300 },
    );
  });

  it('on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (b) => checkOutcome(load(b), new TextDecoder().decode(b))),
      { numRuns: 500 },
    );
  });

  it('on YAML-ish text built from fragments', () => {
    fc.assert(
      fc.property(yamlish, (s) => checkOutcome(load(s), s)),
      {
        numRuns: 2000,
        // Inputs that once failed, kept as regression examples.
        examples: [
          ['__proto__: {constructor: *a}\n'],
          ['? [a]\n: &a {<<: *a}\n'],
          ['a: &a [*a]\n'],
          ['\uFEFF---\n...\n---\n'],
          ['>\n'], // an empty folded scalar once gave an empty "found"
        ],
      },
    );
  });

  it('on YAML-ish fragments as UTF-8 bytes, and gives the same answer twice', () => {
    fc.assert(
      fc.property(yamlish, (s) => {
        const bytes = new TextEncoder().encode(s);
        const a = load(bytes);
        checkOutcome(a, s);
        expect(JSON.stringify(load(bytes))).toBe(JSON.stringify(a));
      }),
      { numRuns: 500 },
    );
  });
});

describe('round trip', () => {
  // Strings that YAML would read as something else if written bare: stringify must quote them.
  const tricky = fc.constantFrom('yes', 'no', 'on', '~', 'null', '', ' ', '2009-06-16', '0x1F', '1e3', '.inf', '- a',
    'a: b', '#c', '*a', '&a', '!!str', '"q"', "'", '---', '...', '%YAML', '__proto_', '1_000', 'Côte d’Ivoire', '\t', 'a\nb');
  const text = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 30 }), tricky);
  const date = fc.date({ min: new Date('1900-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  const valid = fc.record(
    {
      name: text,
      year: fc.integer(),
      tier: fc.constantFrom(...TIERS),
      active: fc.boolean(),
      tags: fc.array(text, { maxLength: 5 }),
      inner: fc.record({ note: text, ratio: fc.double({ noNaN: true, noDefaultInfinity: true }) }, { requiredKeys: ['ratio'], noNullPrototype: true }),
      released: date,
    },
    { requiredKeys: ['name', 'year', 'tier', 'active', 'tags'], noNullPrototype: true },
  );

  it('a valid object printed with yaml.stringify reads back deep-equal', () => {
    fc.assert(
      fc.property(valid, (obj) => {
        expect(Schema.safeParse(obj).success).toBe(true);
        const out = load(stringify(obj));
        if (!out.ok) throw new Error(JSON.stringify(out.diagnostics));
        expect(out.value).toStrictEqual(obj);
      }),
      { numRuns: 500 },
    );
  });
});
