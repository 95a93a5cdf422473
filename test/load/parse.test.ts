import { describe, expect, it } from 'vitest';
import { formatDiagnostic, type Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { parseYaml, DEFAULT_MAX_ALIASES, type ParseOptions } from '../../src/load/index.js';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

interface Refusal {
  name: string;
  source: string | Uint8Array;
  opts?: ParseOptions;
  code: string;
  line: number;
  col: number;
  /** The whole formatted first diagnostic. */
  message: string;
}

/** One row per class of input the loader refuses. File name "f.yaml" throughout. */
const refusals: Refusal[] = [
  {
    name: 'duplicate key',
    source: 'country: China\nyear: 2009\ncountry: PRC\n',
    code: 'duplicate-key', line: 3, col: 1,
    message: 'f.yaml:3:1: country: expected each key at most once in a mapping, found the key country again',
  },
  {
    name: 'duplicate key in a nested mapping',
    source: 'prosecution:\n  investigations: 2566\n  investigations: 1\n',
    code: 'duplicate-key', line: 3, col: 3,
    message: 'f.yaml:3:3: prosecution.investigations: expected each key at most once in a mapping, found the key investigations again',
  },
  {
    name: 'duplicate key written once bare and once quoted (the same JS key)',
    source: '2009: Tier 2\n"2009": Tier 2 Watch List\n',
    code: 'duplicate-key', line: 2, col: 1,
    message: 'f.yaml:2:1: 2009: expected each key at most once in a mapping, found the key 2009 again',
  },
  {
    name: 'flow collections nested too deep (20,000 levels once aborted Node)',
    source: 'a: ' + '['.repeat(20_000) + ']'.repeat(20_000) + '\n',
    code: 'too-deep', line: 1, col: 68,
    message: 'f.yaml:1:68: (document): expected [ ] and { } nested at most 64 deep, found a bracket at depth 65',
  },
  {
    name: 'an alias inside the value it refers to',
    source: 'a: &a [1, *a]\n',
    code: 'recursive-alias', line: 1, col: 11,
    message: 'f.yaml:1:11: a[1]: expected an alias outside the value anchored as &a, found *a inside it',
  },
  {
    name: 'several documents',
    source: 'a: 1\n---\nb: 2\n',
    code: 'multiple-documents', line: 2, col: 1,
    message: 'f.yaml:2:1: (document): expected a single YAML document in the file, found a second document starting here',
  },
  {
    name: 'unknown tag',
    source: 'a: 1\nb: !!js/function x\n',
    code: 'unknown-tag', line: 2, col: 4,
    message: 'f.yaml:2:4: b: expected a plain value without a tag (or !!str, !!int, !!bool, !!null, !!map, !!seq), found the tag !!js/function',
  },
  {
    name: 'a YAML 1.1 tag yaml would otherwise turn into a Buffer',
    source: 'a: !!binary YWJj\n',
    code: 'unknown-tag', line: 1, col: 4,
    message: 'f.yaml:1:4: a: expected a plain value without a tag (or !!str, !!int, !!bool, !!null, !!map, !!seq), found the tag !!binary',
  },
  {
    name: '__proto__ key at the top',
    source: 'a: 1\n__proto__:\n  polluted: true\n',
    code: 'reserved-key', line: 2, col: 1,
    message: 'f.yaml:2:1: __proto__: expected a key other than __proto__, constructor or prototype, found __proto__ (these names can alter objects built from the file)',
  },
  {
    name: 'constructor key deep in a list',
    source: 'rules:\n  - id: x\n    constructor: 1\n',
    code: 'reserved-key', line: 3, col: 5,
    message: 'f.yaml:3:5: rules[0].constructor: expected a key other than __proto__, constructor or prototype, found constructor (these names can alter objects built from the file)',
  },
  {
    name: 'prototype key in a flow mapping',
    source: 'a: {b: 1, prototype: 2}\n',
    code: 'reserved-key', line: 1, col: 11,
    message: 'f.yaml:1:11: a.prototype: expected a key other than __proto__, constructor or prototype, found prototype (these names can alter objects built from the file)',
  },
  {
    name: 'quoted __proto__ key',
    source: '"__proto__": 1\n',
    code: 'reserved-key', line: 1, col: 1,
    message: 'f.yaml:1:1: __proto__: expected a key other than __proto__, constructor or prototype, found __proto__ (these names can alter objects built from the file)',
  },
  {
    name: 'too many aliases',
    source: 'a: &x 1\n' + Array.from({ length: DEFAULT_MAX_ALIASES + 1 }, (_, i) => `k${i}: *x\n`).join(''),
    code: 'too-many-aliases', line: 2 + DEFAULT_MAX_ALIASES, col: 6,
    message: `f.yaml:${2 + DEFAULT_MAX_ALIASES}:6: k${DEFAULT_MAX_ALIASES}: expected at most 10 aliases (*name) in the file, found alias number 11, *x (write the value out instead of referring to an anchor)`,
  },
  {
    name: 'any alias when maxAliases is 0',
    source: 'a: &x 1\nb: *x\n',
    opts: { maxAliases: 0 },
    code: 'too-many-aliases', line: 2, col: 4,
    message: 'f.yaml:2:4: b: expected no aliases (*name), found alias number 1, *x (write the value out instead of referring to an anchor)',
  },
  {
    name: 'nested aliases that expand beyond the bound (billion laughs, in small)',
    source: 'a: &a [1]\nb: &b [*a, *a]\nc: &c [*b, *b]\nd: &d [*c, *c]\ne: [*d, *d]\n',
    code: 'too-many-aliases', line: 2, col: 8,
    message: 'f.yaml:2:8: b[0]: expected at most 10 aliases once nested aliases are expanded, found aliases nested so that they expand far more (write the values out instead of nesting anchors)',
  },
  {
    name: 'alias without an anchor',
    source: 'a: 1\nb: *nowhere\n',
    code: 'unresolved-alias', line: 2, col: 4,
    message: 'f.yaml:2:4: b: expected an anchor &nowhere defined before this alias, found *nowhere',
  },
  {
    name: 'a list used as a key',
    source: 'a: 1\n? [x, y]\n: 2\n',
    code: 'complex-key', line: 2, col: 3,
    // A key that is not a plain name is quoted in the path, so the path is never ambiguous.
    message: 'f.yaml:2:3: "[x, y]": expected a plain key (a name), found a list used as a key',
  },
  {
    name: 'file over the size cap (text)',
    source: 'a: "' + 'x'.repeat(100) + '"\n',
    opts: { maxBytes: 64 },
    code: 'too-large', line: 0, col: 0,
    message: 'f.yaml: (document): expected a file of at most 64 bytes, found 106 bytes',
  },
  {
    name: 'file over the default 1 MiB cap (bytes)',
    source: new Uint8Array(1024 * 1024 + 1).fill(0x20),
    code: 'too-large', line: 0, col: 0,
    message: 'f.yaml: (document): expected a file of at most 1.0 MiB (1048576 bytes), found 1.0 MiB (1048577 bytes)',
  },
  {
    name: 'invalid UTF-8 (Latin-1 é)',
    source: Uint8Array.from([...enc('a: 1\nb: caf'), 0xe9, ...enc('\n')]),
    code: 'not-utf8', line: 2, col: 7,
    message: 'f.yaml:2:7: (document): expected UTF-8 text, found the byte 0xe9, which is not valid UTF-8 (save the file as UTF-8)',
  },
  {
    name: 'invalid UTF-8 after multi-byte characters on the same line',
    source: Uint8Array.from([...enc('name: Côte d’'), 0xff]),
    code: 'not-utf8', line: 1, col: 14,
    message: 'f.yaml:1:14: (document): expected UTF-8 text, found the byte 0xff, which is not valid UTF-8 (save the file as UTF-8)',
  },
  {
    name: 'UTF-8 truncated in the middle of a character',
    source: Uint8Array.from([...enc('a: x'), 0xe2, 0x80]),
    code: 'not-utf8', line: 1, col: 5,
    message: 'f.yaml:1:5: (document): expected UTF-8 text, found the byte 0xe2, which is not valid UTF-8 (save the file as UTF-8)',
  },
  {
    name: 'binary input (NUL byte)',
    source: Uint8Array.from([...enc('a: 1\nb: x'), 0x00, 0x01]),
    code: 'binary', line: 2, col: 5,
    message: 'f.yaml:2:5: (document): expected a text file, found a NUL byte (binary data)',
  },
  {
    name: 'binary input given as a string',
    source: 'a: 1\n\0',
    code: 'binary', line: 2, col: 1,
    message: 'f.yaml:2:1: (document): expected a text file, found a NUL byte (binary data)',
  },
  {
    name: 'empty file',
    source: '',
    code: 'empty-document', line: 0, col: 0,
    message: 'f.yaml: (document): expected a YAML document, found an empty file (nothing but blank lines or comments)',
  },
  {
    name: 'only comments',
    source: '# evidence for 2009\n\n# to do\n',
    code: 'empty-document', line: 0, col: 0,
    message: 'f.yaml: (document): expected a YAML document, found an empty file (nothing but blank lines or comments)',
  },
  {
    name: 'only a document marker',
    source: '---\n',
    code: 'empty-document', line: 0, col: 0,
    message: 'f.yaml: (document): expected a YAML document, found an empty file (nothing but blank lines or comments)',
  },
  {
    name: 'a tab used as indentation: one diagnostic, at the field it belongs to',
    source: 'a:\n\tb: 1\n',
    code: 'tab-indent', line: 2, col: 1,
    message: 'f.yaml:2:1: a: expected indentation with spaces, found a tab (YAML does not allow tabs for indentation: replace the tab with spaces, lined up with the lines around it)',
  },
  {
    name: 'an unclosed flow sequence',
    source: 'a: [1, 2\n',
    code: 'yaml-syntax', line: 2, col: 1,
    message: 'f.yaml:2:1: (document): expected valid YAML, found the end of the input (Flow sequence in block collection must be sufficiently indented and end with a ] [BAD_INDENT])',
  },
];

describe('parseYaml refuses', () => {
  it.each(refusals)('$name', ({ source, opts, code, line, col, message }) => {
    const r = parseYaml(source, 'f.yaml', opts);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const first = r.diagnostics[0] as Diagnostic;
    expect({ code: first.code, line: first.line, col: first.col }).toEqual({ code, line, col });
    expect(formatDiagnostic(first)).toBe(message);
  });

  it('reports every problem, in line order', () => {
    const r = parseYaml('b: *nope\na: 1\na: 2\nc:\n  __proto__: 1\n', 'f.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics.map((d) => [d.code, d.line, d.col])).toEqual([
      ['unresolved-alias', 1, 4],
      ['duplicate-key', 3, 1],
      ['reserved-key', 5, 3],
    ]);
  });

  it('finds duplicates in a wide mapping in linear time (yaml\'s own check is quadratic)', () => {
    const keys = Array.from({ length: 40_000 }, (_, i) => `k${i}: ${i}\n`).join('');
    const r = parseYaml(keys + 'k7: again\n', 'f.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics.map((d) => [d.code, d.line, d.col, d.path])).toEqual([['duplicate-key', 40_001, 1, ['k7']]]);
  }, 20_000);

  it('counts brackets inside quotes and block scalars as text, not nesting', () => {
    const r = parseYaml('a: "' + '['.repeat(100) + '"\nb: |\n  ' + '{'.repeat(100) + '\n# ' + '['.repeat(100) + '\n', 'f.yaml');
    expect(r.ok).toBe(true);
  });

  it('turns an internal failure into one "internal" diagnostic instead of throwing', () => {
    // Not a string nor bytes: only a caller bug can do this, and it must still not escape.
    const r = parseYaml({ length: 3 } as unknown as Uint8Array, 'f.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]?.code).toBe('internal');
    expect(formatDiagnostic(r.diagnostics[0] as Diagnostic)).toMatch(/^f\.yaml: \(document\): expected a file the loader can read, found an internal error \(TypeError: /);
  });
});

describe('parseYaml accepts', () => {
  const ok = (source: string | Uint8Array, opts?: ParseOptions): unknown => {
    const r = parseYaml(source, 'f.yaml', opts);
    if (!r.ok) throw new Error(r.diagnostics.map(formatDiagnostic).join('\n'));
    return r.doc.value;
  };

  it('uses the YAML 1.2 core schema: yes/no/on stay strings, dates stay strings', () => {
    expect(ok('a: yes\nb: no\nc: on\nd: 2009-06-16\ne: 1_000\nf: 0o17\ng: ~\n')).toEqual({
      a: 'yes', b: 'no', c: 'on', d: '2009-06-16', e: '1_000', f: 15, g: null,
    });
  });

  it('keeps the core schema even under a %YAML 1.1 directive', () => {
    expect(ok('%YAML 1.1\n---\na: yes\nb: 2001-01-01\n')).toEqual({ a: 'yes', b: '2001-01-01' });
  });

  it('treats << as an ordinary key (no merge)', () => {
    expect(ok('base: &b {x: 1}\nderived:\n  <<: *b\n')).toEqual({ base: { x: 1 }, derived: { '<<': { x: 1 } } });
  });

  it('allows a byte order mark, without shifting columns', () => {
    const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, ...enc('a: 1\nb: x\n')]);
    const r = parseYaml(bytes, 'f.yaml');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.doc.value).toEqual({ a: 1, b: 'x' });
    expect(r.doc.locate(['a'])).toEqual({ line: 1, col: 4 });
    const s = parseYaml('\uFEFFa: 1\n', 'f.yaml');
    expect(s.ok && s.doc.locate(['a'])).toEqual({ line: 1, col: 4 });
  });

  it('allows up to the alias bound', () => {
    const src = 'a: &x [1, 2]\n' + Array.from({ length: DEFAULT_MAX_ALIASES }, (_, i) => `k${i}: *x\n`).join('');
    const v = ok(src) as Record<string, unknown>;
    expect(v['k9']).toEqual([1, 2]);
  });

  it('accepts a file exactly at the size cap', () => {
    expect(ok('a: 1\n', { maxBytes: 5 })).toEqual({ a: 1 });
  });

  it('accepts a top-level list or scalar (the schema decides)', () => {
    expect(ok('- 1\n- 2\n')).toEqual([1, 2]);
    expect(ok('hello\n')).toBe('hello');
  });

  it('locates values, keys of empty values, and missing keys at their parent', () => {
    const r = parseYaml('country:\n  name: China\n  iso3: CHN\nyear:\nlist:\n  - a\n  - b\n', 'f.yaml');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.doc.locate(['country', 'iso3'])).toEqual({ line: 3, col: 9 });
    expect(r.doc.locate(['country', 'bureau'])).toEqual({ line: 2, col: 3 });
    expect(r.doc.locate(['year'])).toEqual({ line: 4, col: 1 });
    expect(r.doc.locate(['list', 1])).toEqual({ line: 7, col: 5 });
    expect(r.doc.locate([])).toEqual({ line: 1, col: 1 });
  });
});
