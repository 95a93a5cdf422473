import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { formatDiagnostic } from '../../src/diagnostics/diagnostic.js';
import { parseYaml, validateDoc, type Located } from '../../src/load/index.js';
import { TIERS } from '../../src/model/tier.js';

/** A small strict schema shaped like an evidence file, for the loader's own tests. */
const Finding = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('met'), rationale: z.string().min(1) }),
  z.strictObject({ kind: z.literal('not_met'), rationale: z.string().min(1), gaps: z.array(z.string()) }),
]);
const Schema = z.strictObject({
  country: z.strictObject({
    name: z.string().min(1),
    iso3: z.string().regex(/^[A-Z]{3}$/),
    bureau: z.enum(['AF', 'EAP', 'EUR', 'NEA', 'SCA', 'WHA']),
  }),
  report_year: z.number().int().min(2001),
  tier: z.enum(TIERS),
  prosecution: z.strictObject({
    investigations: z.number().int().nonnegative().optional(),
    data_provided: z.boolean(),
  }),
  sources: z.array(z.string()).min(1),
  released: z.iso.date().optional(),
  note: z.union([z.string(), z.array(z.string())]).optional(),
  finding: Finding.optional(),
  by_year: z.record(z.string().regex(/^\d{4}$/), z.number().int()).optional(),
  share: z.number().multipleOf(5).max(100).optional(),
  reviewed: z.string().refine((s) => s.startsWith('20'), { message: 'a review year', params: { expected: 'a year starting with 20' } }).optional(),
});

const VALID = `country:
  name: China
  iso3: CHN
  bureau: EAP
report_year: 2009
tier: 2WL
prosecution:
  investigations: 2566
  data_provided: false
sources:
  - 2009 TIP Report
`;

function parse(src: string): Located<unknown> {
  const r = parseYaml(src, 'f.yaml');
  if (!r.ok) throw new Error(r.diagnostics.map(formatDiagnostic).join('\n'));
  return r.doc;
}

function problems(src: string): string[] {
  const r = validateDoc(parse(src), Schema);
  if (r.ok) return [];
  return r.diagnostics.map((d) => `${d.code} ${formatDiagnostic(d)}`);
}

/** VALID with one line replaced (1-based) or appended. */
function edit(line: number, text: string | null): string {
  const lines = VALID.split('\n');
  if (text === null) lines.splice(line - 1, 1);
  else lines[line - 1] = text;
  return lines.join('\n');
}

describe('validateDoc', () => {
  it('accepts the valid document and returns the typed value', () => {
    const r = validateDoc(parse(VALID), Schema);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.prosecution.investigations).toBe(2566);
  });

  const rows: { name: string; src: string; want: string[] }[] = [
    {
      name: 'misspelt top-level key suggests the intended key, at the misspelt key',
      src: edit(5, 'reprot_year: 2009'),
      want: [
        'missing f.yaml:1:1: report_year: expected a whole number of at least 2001, found nothing',
        'unknown-key f.yaml:5:1: reprot_year: expected one of the keys country, report_year, tier, prosecution, sources, released, note, finding, by_year, share, reviewed, found the key reprot_year (did you mean "report_year"?)',
      ],
    },
    {
      name: 'misspelt nested key (transposition) suggests the sibling key',
      src: edit(3, '  isO3: CHN'),
      want: [
        'missing f.yaml:2:3: country.iso3: expected a string matching /^[A-Z]{3}$/, found nothing',
        'unknown-key f.yaml:3:3: country.isO3: expected one of the keys name, iso3, bureau, found the key isO3 (did you mean "iso3"?)',
      ],
    },
    {
      name: 'unknown keys: one diagnostic per key, each at its own position; far-off keys get no hint',
      src: VALID + 'colour: red\ntierr: 2\n',
      want: [
        'unknown-key f.yaml:12:1: colour: expected one of the keys country, report_year, tier, prosecution, sources, released, note, finding, by_year, share, reviewed, found the key colour',
        'unknown-key f.yaml:13:1: tierr: expected one of the keys country, report_year, tier, prosecution, sources, released, note, finding, by_year, share, reviewed, found the key tierr (did you mean "tier"?)',
      ],
    },
    {
      name: 'a fraction where a whole number is wanted',
      src: edit(8, '  investigations: 2566.5'),
      want: ['wrong-type f.yaml:8:19: prosecution.investigations: expected a whole number of at least 0, found 2566.5'],
    },
    {
      name: 'a tier that is not one of the five',
      src: edit(6, 'tier: 2 Watch List'),
      want: ['invalid-value f.yaml:6:7: tier: expected one of 1, 2, 2WL, 3, special, found 2 Watch List'],
    },
    {
      name: 'yes stays a string, so it is not a boolean',
      src: edit(9, '  data_provided: yes'),
      want: ['wrong-type f.yaml:9:18: prosecution.data_provided: expected true or false, found yes'],
    },
    {
      name: 'a number where a string is wanted, as written',
      src: edit(2, '  name: 0x10'),
      want: ['wrong-type f.yaml:2:9: country.name: expected a string, found 0x10'],
    },
    {
      name: 'empty value',
      src: edit(2, '  name:'),
      want: ['wrong-type f.yaml:2:3: country.name: expected a string, found an empty value'],
    },
    {
      name: 'empty string',
      src: edit(2, '  name: ""'),
      want: ['too-small f.yaml:2:9: country.name: expected a non-empty string, found ""'],
    },
    {
      name: 'regex format',
      src: edit(3, '  iso3: China'),
      want: ['invalid-format f.yaml:3:9: country.iso3: expected a string matching /^[A-Z]{3}$/, found China'],
    },
    {
      name: 'number below the minimum',
      src: edit(5, 'report_year: 1999'),
      want: ['too-small f.yaml:5:14: report_year: expected a number of at least 2001, found 1999'],
    },
    {
      name: 'empty list where one item is required',
      src: edit(11, null).replace('sources:', 'sources: []'),
      want: ['too-small f.yaml:10:10: sources: expected a non-empty list, found a list of 0 items'],
    },
    {
      name: 'a mapping where a list is wanted',
      src: edit(11, '  first: 2009 TIP Report'),
      want: ['wrong-type f.yaml:11:3: sources: expected a list, found a mapping'],
    },
    {
      name: 'a list item of the wrong type',
      src: VALID + '  - [a, b]\n',
      want: ['wrong-type f.yaml:12:5: sources[1]: expected a string, found [a, b]'],
    },
    {
      name: 'a date not written YYYY-MM-DD',
      src: VALID + 'released: 16 June 2009\n',
      want: ['invalid-format f.yaml:12:11: released: expected a date written YYYY-MM-DD, found 16 June 2009'],
    },
    {
      name: 'a union where no branch fits the type',
      src: VALID + 'note: 42\n',
      want: ['no-match f.yaml:12:7: note: expected a string or a list, found 42'],
    },
    {
      name: 'a union where one branch fits the type: that branch\'s problem',
      src: VALID + 'note:\n  - fine\n  - 7\n',
      want: ['wrong-type f.yaml:14:5: note[1]: expected a string, found 7'],
    },
    {
      name: 'a discriminated union with an unknown discriminator',
      src: VALID + 'finding:\n  kind: partly\n  rationale: x\n',
      want: ['no-match f.yaml:13:9: finding.kind: expected one of met, not_met, found partly'],
    },
    {
      name: 'a discriminated union branch with a missing key and a misspelt one',
      src: VALID + 'finding:\n  kind: not_met\n  rationale: x\n  gapz: []\n',
      want: [
        'missing f.yaml:13:3: finding.gaps: expected a list, found nothing',
        'unknown-key f.yaml:15:3: finding.gapz: expected one of the keys kind, rationale, gaps, found the key gapz (did you mean "gaps"?)',
      ],
    },
    {
      name: 'a record key that does not match',
      src: VALID + 'by_year:\n  2008: 1\n  last: 2\n',
      want: ['invalid-key f.yaml:14:3: by_year.last: expected a key that is a string matching /^\\d{4}$/, found the key last'],
    },
    {
      name: 'not a multiple, and too big: both reported',
      src: VALID + 'share: 101\n',
      want: [
        'not-multiple-of f.yaml:12:8: share: expected a multiple of 5, found 101',
        'too-big f.yaml:12:8: share: expected a number of at most 100, found 101',
      ],
    },
    {
      name: 'a refinement that says what it expects',
      src: VALID + 'reviewed: "1999"\n',
      want: ['invalid f.yaml:12:11: reviewed: expected a year starting with 20, found "1999"'],
    },
    {
      name: 'a nested mapping given as a scalar',
      src: VALID.replace(/prosecution:\n.*\n.*\n/, 'prosecution: none\n'),
      want: ['wrong-type f.yaml:7:14: prosecution: expected a mapping, found none'],
    },
    {
      name: 'a whole document that is a list',
      src: '- a\n- b\n',
      want: ['wrong-type f.yaml:1:1: (document): expected a mapping, found a list'],
    },
    {
      name: 'a long value is shortened',
      src: edit(2, '  name: ' + 'x'.repeat(30) + ' ' + 'y'.repeat(30)).replace('bureau: EAP', 'bureau: ' + 'Z'.repeat(60)),
      want: [`invalid-value f.yaml:4:11: country.bureau: expected one of AF, EAP, EUR, NEA, SCA, WHA, found ${'Z'.repeat(39)}…`],
    },
  ];

  it.each(rows)('$name', ({ src, want }) => {
    expect(problems(src)).toEqual(want);
  });

  it('lists every problem, sorted by line then column', () => {
    const src = `tier: 4
report_year: 2009.5
country:
  nmae: China
  iso3: chn
  bureau: EAP
prosecution:
  data_provided: no
sources: []
`;
    expect(problems(src).map((p) => p.replace(/: expected .*/, ''))).toEqual([
      'invalid-value f.yaml:1:7: tier',
      'wrong-type f.yaml:2:14: report_year',
      'missing f.yaml:4:3: country.name',
      'unknown-key f.yaml:4:3: country.nmae',
      'invalid-format f.yaml:5:9: country.iso3',
      'wrong-type f.yaml:8:18: prosecution.data_provided',
      'too-small f.yaml:9:10: sources',
    ]);
  });

  it('is deterministic: the same input gives the same diagnostics', () => {
    const src = VALID + 'colour: red\nnote: 1\n';
    expect(problems(src)).toEqual(problems(src));
    expect(JSON.stringify(problems(src))).toBe(JSON.stringify(problems(src)));
  });

  it('finds known keys through optional, nullable, default, pipe, lazy and array wrappers', () => {
    const Item = z.strictObject({ label: z.string(), weight: z.number() });
    const Wrapped = z.strictObject({
      items: z.array(Item).nullable().optional(),
      later: z.lazy(() => Item).default({ label: 'x', weight: 1 }),
      piped: z.strictObject({ amount: z.string() }).pipe(z.transform((o) => o.amount.length)),
    });
    const doc = parse('items:\n  - lable: a\n    weight: 1\nlater:\n  wieght: 2\n  label: b\npiped:\n  amuont: "1"\n');
    const r = validateDoc(doc, Wrapped);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const hints = r.diagnostics.filter((d) => d.code === 'unknown-key').map((d) => [d.line, d.col, d.hint]);
    expect(hints).toEqual([
      [2, 5, 'did you mean "label"?'],
      [5, 3, 'did you mean "weight"?'],
      [8, 3, 'did you mean "amount"?'],
    ]);
  });

  it('suggests keys of a record whose keys are an enum', () => {
    const ByTier = z.strictObject({ counts: z.record(z.enum(['Tier1', 'Tier2', 'Tier3']), z.number()) });
    const r = validateDoc(parse('counts:\n  Tier1: 1\n  Tier2: 2\n  Tier3: 3\n  Teir3: 4\n'), ByTier);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics.map(formatDiagnostic)).toEqual([
      'f.yaml:5:3: counts.Teir3: expected one of the keys Tier1, Tier2, Tier3, found the key Teir3 (did you mean "Tier3"?)',
    ]);
  });

  it('follows aliases to place problems inside anchored values', () => {
    const S = z.strictObject({ a: z.array(z.string()), b: z.array(z.number()) });
    const r = validateDoc(parse('a: &s [x, y]\nb: *s\n'), S);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics.map((d) => [d.path.join('.'), d.line, d.col, d.found])).toEqual([
      ['b.0', 1, 8, 'x'],
      ['b.1', 1, 11, 'y'],
    ]);
  });

  it('turns a throwing transform into one "internal" diagnostic', () => {
    const Boom = z.strictObject({ a: z.string().transform(() => { throw new Error('boom'); }) });
    const r = validateDoc(parse('a: x\n'), Boom);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics.map((d) => [d.code, formatDiagnostic(d)])).toEqual([
      ['internal', 'f.yaml: (document): expected a file the loader can read, found an internal error (Error: boom) (this is a bug in the loader; please report it with the input file)'],
    ]);
  });

  it('works with a Located built by hand (coarser: found text from the value)', () => {
    const doc: Located<unknown> = { value: { tier: 9 }, file: 'mem', locate: () => ({ line: 7, col: 2 }) };
    const r = validateDoc(doc, z.strictObject({ tier: z.enum(TIERS) }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics.map(formatDiagnostic)).toEqual(['mem:7:2: tier: expected one of 1, 2, 2WL, 3, special, found 9']);
  });
});
