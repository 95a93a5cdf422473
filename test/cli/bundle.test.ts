import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bufferIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { PACKAGE_ROOT } from '../../src/paths.js';

/**
 * The shipped `tip` is a launcher over one esbuild bundle per command, compiled with V8's code
 * cache (scripts/bundle.mjs, run by `npm run build`). These tests build it afresh from today's
 * src/ into a folder inside the package (it finds rules/ and templates/ by walking up, as dist/src
 * does) and check that it says byte for byte what the library's own `main` says, with the code
 * cache, without it and with a damaged one, and that a command's bundle holds only what it needs.
 */

let out: string;
let meta: { outputs: Record<string, { imports: { path: string; kind: string }[]; inputs: Record<string, unknown>; entryPoint?: string }> };

beforeAll(() => {
  const cache = join(PACKAGE_ROOT, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  out = mkdtempSync(join(cache, 'tip-bundle-'));
  const r = spawnSync(process.execPath, [join(PACKAGE_ROOT, 'scripts', 'bundle.mjs'), join(out, 'cli'), join(out, 'meta.json')], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  meta = JSON.parse(readFileSync(join(out, 'meta.json'), 'utf8')) as typeof meta;
}, 120_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

function bundled(args: string[], env: Record<string, string> = {}): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [join(out, 'cli', 'tip.cjs'), ...args], { cwd: PACKAGE_ROOT, encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

async function library(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = bufferIo(PACKAGE_ROOT);
  const code = await main(args, io);
  return { code, out: io.out(), err: io.err() };
}

const CHINA = ['examples/CHN-2009.yaml', '--history', 'examples/tiers.csv'];

describe('the bundled tip says what the library says', () => {
  test.each([
    ['assess', ['assess', ...CHINA]],
    ['assess --json --trace', ['assess', ...CHINA, '--json', '--trace']],
    ['assess of a statutory Tier 3 (2020, policy or pattern)', ['assess', 'examples/more/CUB-2020.yaml']],
    ['render, all four drafts', ['render', ...CHINA, '--doc', 'all']],
    ['what-if', ['what-if', ...CHINA]],
    ['history', ['history', 'CHN', '--history', 'examples/tiers.csv', '--year', '2009']],
    ['rules', ['rules', '--year', '2009']],
    ['settings', ['settings', '2009']],
    ['validate of the examples', ['validate', 'examples/CHN-2009.yaml', 'examples/more/MYS-2024.yaml']],
    ['an unknown command', ['asses']],
    ['a usage error', ['assess', 'examples/CHN-2009.yaml', '--jsn']],
    ['help', ['help', 'assess']],
    ['a command\'s own --help', ['render', '--help']],
    ['the version', ['-v']],
    ['no command', []],
  ])('%s', async (_label, argv) => {
    const want = await library(argv);
    for (const env of [{}, { TIP_CODE_CACHE: '0' }] as Record<string, string>[]) {
      const got = bundled(argv, env);
      expect(got.err).toBe(want.err);
      expect(got.out).toBe(want.out);
      expect(got.code).toBe(want.code);
    }
  }, 30_000);

  test('the code caches exist for the common commands, and a damaged one is not used', async () => {
    const caches = readdirSync(join(out, 'cli', 'cache'));
    for (const c of ['main', 'assess', 'validate', 'render', 'what-if', 'batch']) expect(caches.some((f) => new RegExp(`^${c}\\.[0-9a-f]{16}\\.v8$`).test(f)), c).toBe(true);
    const assessCache = join(out, 'cli', 'cache', caches.find((f) => f.startsWith('assess.'))!);
    const good = readFileSync(assessCache);
    const want = await library(['assess', ...CHINA]);
    try {
      writeFileSync(assessCache, Buffer.concat([good.subarray(0, 64), Buffer.alloc(good.length - 64, 0x5a)]));
      const got = bundled(['assess', ...CHINA]);
      expect(got.out).toBe(want.out);
      expect(got.code).toBe(0);
    } finally {
      writeFileSync(assessCache, good);
    }
  }, 30_000);

  test('a file with errors: the same diagnostics (file:line:col), exit 1, no stack trace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tip-bundle-bad-'));
    try {
      const bad = join(dir, 'bad.yaml');
      writeFileSync(bad, readFileSync(join(PACKAGE_ROOT, 'examples', 'CHN-2009.yaml'), 'utf8').replace('report_year: 2009', 'report_year: 2009\nreprt_year: 2009'));
      const want = await library(['validate', bad]);
      const got = bundled(['validate', bad]);
      expect(want.code).toBe(1);
      expect(got.code).toBe(1);
      expect(got.err).toBe(want.err);
      expect(got.err).toMatch(/bad\.yaml:\d+:\d+/);
      expect(got.err).not.toMatch(/\n\s+at /);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);

  test('a missing engine is one line and exit 3, never a stack trace', () => {
    const engine = join(out, 'cli', 'engines', 'rules.cjs');
    const saved = readFileSync(engine);
    try {
      rmSync(engine);
      const got = bundled(['rules', '--year', '2009']);
      expect(got.code).toBe(3);
      expect(got.out).toBe('');
      expect(got.err).toMatch(/^tip: internal error: .*rules\.cjs.*\n$/);
    } finally {
      writeFileSync(engine, saved);
    }
    expect(bundled(['rules', '--year', '2009']).code).toBe(0);
  });

  test('an engine that is no engine (no run function, or no exit code) is one line and exit 3', () => {
    const engine = join(out, 'cli', 'engines', 'rules.cjs');
    const saved = readFileSync(engine);
    try {
      for (const body of ['exports.other = 1;', 'exports.run = () => 7.5;', 'exports.run = () => { throw new Error("boom"); };']) {
        writeFileSync(engine, body);
        const got = bundled(['rules', '--year', '2009']);
        expect(got.code, body).toBe(3);
        expect(got.err, body).toMatch(/^tip: internal error: [^\n]*\n$/);
      }
    } finally {
      writeFileSync(engine, saved);
    }
  });

  test('an engine edited without changing its length does not run with the old code cache', () => {
    const engine = join(out, 'cli', 'engines', 'rules.cjs');
    const saved = readFileSync(engine);
    const text = saved.toString('utf8');
    const phrase = 'rules and parameters in force';
    expect(text).toContain(phrase);
    try {
      // The same length, other code: V8 alone would take the old cache for it.
      writeFileSync(engine, text.replace(phrase, phrase.toUpperCase()));
      expect(readFileSync(engine).length).toBe(saved.length);
      const got = bundled(['rules', '--year', '2009']);
      expect(got.code).toBe(0);
      expect(got.out).toContain(phrase.toUpperCase());
      expect(got.out).toBe(bundled(['rules', '--year', '2009'], { TIP_CODE_CACHE: '0' }).out);
    } finally {
      writeFileSync(engine, saved);
    }
  });

  test('a batch writes the same files with the same bytes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tip-bundle-batch-'));
    try {
      const args = (o: string) => ['batch', 'examples/more', '--year', '2019', '--out', o];
      const want = await library(args(join(dir, 'lib')));
      const got = bundled(args(join(dir, 'bundle')));
      expect(got.code).toBe(want.code);
      const files = (d: string) => (readdirSync(d, { recursive: true }) as string[]).filter((f) => f.includes('.')).sort();
      const names = files(join(dir, 'lib'));
      expect(names).toContain('report.md');
      expect(files(join(dir, 'bundle'))).toEqual(names);
      for (const f of names) expect(readFileSync(join(dir, 'bundle', f)), f).toEqual(readFileSync(join(dir, 'lib', f)));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  test('a Word draft is written (the docx chunk loads)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tip-bundle-docx-'));
    try {
      const got = bundled(['render', ...CHINA, '--doc', 'narrative', '--format', 'docx', '--out', dir]);
      expect(got.err).not.toMatch(/\n\s+at /);
      expect(got.code).toBe(0);
      const [file] = readdirSync(dir);
      expect(file).toBe('CHN-2009-narrative.docx');
      expect(readFileSync(join(dir, file!)).subarray(0, 2).toString()).toBe('PK'); // a zip
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});

describe('what each command loads', () => {
  /** The inputs (source files) bundled into a command's engine. */
  function loadedBy(command: string): string[] {
    const engine = Object.keys(meta.outputs).find((k) => k.replace(/\\/g, '/').endsWith(`/engines/${command}.cjs`));
    expect(engine, `the ${command} engine`).toBeDefined();
    return Object.keys(meta.outputs[engine!]!.inputs);
  }

  test('assess loads neither Handlebars nor docx nor the drafts', () => {
    const inputs = loadedBy('assess');
    expect(inputs.some((i) => i.includes('src/assess/'))).toBe(true);
    expect(inputs.some((i) => i.includes('node_modules/json-rules-engine/'))).toBe(true);
    expect(inputs.filter((i) => /node_modules\/(handlebars|docx)\//.test(i))).toEqual([]);
    expect(inputs.filter((i) => /src\/render\/(engine|view-|docx)/.test(i))).toEqual([]);
  });

  test('render and batch hold Handlebars; validate holds neither the rules engine nor the drafts', () => {
    for (const c of ['render', 'batch']) expect(loadedBy(c).some((i) => i.includes('node_modules/handlebars/')), c).toBe(true);
    const validate = loadedBy('validate');
    expect(validate.some((i) => i.includes('node_modules/yaml/'))).toBe(true);
    expect(validate.filter((i) => /node_modules\/(handlebars|docx|json-rules-engine)\//.test(i))).toEqual([]);
  });
});
