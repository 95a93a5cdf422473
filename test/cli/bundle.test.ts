import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bufferIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { PACKAGE_ROOT } from '../../src/paths.js';

/**
 * The shipped `tip` is esbuild's bundle of src/cli/bin.ts (scripts/bundle.mjs, run by `npm run
 * build`). These tests build it afresh from today's src/ into a folder inside the package (it finds
 * rules/ and templates/ by walking up, as dist/src does) and check that it says byte for byte what
 * the library's own `main` says, and that a command loads only what it needs.
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
}, 60_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

function bundled(args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [join(out, 'cli', 'tip.js'), ...args], { cwd: PACKAGE_ROOT, encoding: 'utf8' });
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
  ])('%s', async (_label, argv) => {
    const want = await library(argv);
    const got = bundled(argv);
    expect(got.err).toBe(want.err);
    expect(got.out).toBe(want.out);
    expect(got.code).toBe(want.code);
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
  /** The inputs (source files) of the entry and every chunk it imports statically, plus the command's chunk and its static imports. */
  function loadedBy(command: string): string[] {
    const outputs = meta.outputs;
    const key = (suffix: string) => Object.keys(outputs).find((k) => relative(PACKAGE_ROOT, k).replace(/\\/g, '/').includes(suffix));
    const entry = key('/cli/tip.js');
    const chunk = Object.keys(outputs).find((k) => new RegExp(`/chunks/${command}-[A-Z0-9]+\\.js$`).test(k));
    expect(entry, 'entry').toBeDefined();
    expect(chunk, `the ${command} chunk`).toBeDefined();
    const seen = new Set<string>();
    const stack = [entry!, chunk!];
    while (stack.length > 0) {
      const k = stack.pop()!;
      if (seen.has(k) || !outputs[k]) continue;
      seen.add(k);
      for (const i of outputs[k].imports) if (i.kind === 'import-statement') stack.push(i.path);
    }
    return [...seen].flatMap((k) => Object.keys(outputs[k]!.inputs));
  }

  test('assess loads neither Handlebars nor docx nor the drafts', () => {
    const inputs = loadedBy('assess');
    expect(inputs.some((i) => i.includes('src/assess/'))).toBe(true);
    expect(inputs.some((i) => i.includes('node_modules/json-rules-engine/'))).toBe(true);
    expect(inputs.filter((i) => /node_modules\/(handlebars|docx)\//.test(i))).toEqual([]);
    expect(inputs.filter((i) => /src\/render\/(engine|view-|docx)/.test(i))).toEqual([]);
  });

  test('render loads Handlebars; only a Word draft loads docx', () => {
    const inputs = loadedBy('render');
    expect(inputs.some((i) => i.includes('node_modules/handlebars/'))).toBe(true);
    expect(inputs.filter((i) => i.includes('node_modules/docx/'))).toEqual([]);
  });
});
