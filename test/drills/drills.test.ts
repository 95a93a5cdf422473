import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse, parseDocument } from 'yaml';
import * as z from 'zod';
import { loadYamlFile } from '../../src/load/index.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { bundledCorpus, loadCorpus, type Corpus } from '../../src/rules/corpus.js';
import { lawOf, type Law } from '../../src/rules/law.js';
import {
  caseFileId,
  CaseFileSchema,
  coverageProblems,
  emptyCoverage,
  listCaseFiles,
  ParameterCaseFileSchema,
  runCase,
  runParameterCase,
  type Coverage,
} from '../support/cases.js';
import { textProblems } from '../support/corpus-health.js';

/**
 * The two drills of the README ("Adding or changing a rule"), each done on a temporary copy of
 * rules/ and test/cases/: a drill file (test/drills/*.yaml) says which files a lawyer creates or
 * edits and how; the test applies it, checks that it touches at most 3 files, and then runs what
 * CI runs on the law: the corpus loads, its health checks hold, every case passes and covers every
 * rule. The drill's own cases must fail on the corpus as it is (the drill really changes the law).
 * Every year, id and citation comes from the drill files, none from this code.
 */

const Edit = z.strictObject({
  path: z.string().regex(/^(rules|test\/cases)\//),
  /** A new file, whole. */
  create: z.string().optional(),
  /** Values set at a path of the YAML document. */
  set: z.array(z.strictObject({ path: z.array(z.union([z.string(), z.number()])), value: z.unknown() })).optional(),
  /** Items appended to the list at a path. */
  append: z.array(z.strictObject({ path: z.array(z.union([z.string(), z.number()])), value: z.unknown() })).optional(),
});
const Drill = z.strictObject({ name: z.string(), files: z.array(Edit).min(1) });
type Drill = z.output<typeof Drill>;

const DRILLS = join(PACKAGE_ROOT, 'test', 'drills');
const MAX_FILES = 3;

function apply(drill: Drill, root: string): string[] {
  const touched: string[] = [];
  for (const e of drill.files) {
    const file = join(root, e.path);
    if (e.create !== undefined) {
      expect(existsSync(file), `${e.path} is new`).toBe(false);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, e.create);
    } else {
      const doc = parseDocument(readFileSync(file, 'utf8'));
      for (const s of e.set ?? []) doc.setIn(s.path, doc.createNode(s.value));
      for (const a of e.append ?? []) {
        const list = doc.getIn(a.path) as { add: (x: unknown) => void } | undefined;
        if (!list) throw new Error(`${e.path}: no list at ${a.path.join('.')}`);
        list.add(doc.createNode(a.value));
      }
      writeFileSync(file, String(doc));
    }
    touched.push(e.path);
  }
  return [...new Set(touched)];
}

/** Runs every case file under `casesDir` against `law`; returns the failures and the coverage problems. */
async function runAll(casesDir: string, corpus: Corpus, only?: (file: string, name: string) => boolean): Promise<{ failures: string[]; coverage: string[] }> {
  const law: Law = lawOf(corpus);
  const parameterIds = new Set(corpus.parameters.map((p) => p.id));
  const seen = new Map<string, Coverage>();
  const note = (id: string, kind: keyof Coverage, year: number) => {
    const s = seen.get(id) ?? emptyCoverage();
    s[kind].push(year);
    seen.set(id, s);
  };
  const failures: string[] = [];
  const attempt = async (label: string, f: () => unknown) => {
    try {
      await f();
    } catch (err) {
      failures.push(`${label}: ${(err as Error).message.split('\n')[0]}`);
    }
  };
  for (const file of listCaseFiles(casesDir)) {
    const id = caseFileId(file, casesDir);
    const rel = relative(casesDir, file);
    if (parameterIds.has(id)) {
      for (const c of loadYamlFile(file, ParameterCaseFileSchema).value.cases) {
        if (only && !only(rel, c.name)) continue;
        note(id, 'in_force' in c.output ? 'notInForce' : 'values', c.report_year);
        await attempt(`${rel}: ${c.name}`, () => runParameterCase(id, c, law));
      }
      continue;
    }
    for (const c of loadYamlFile(file, CaseFileSchema).value.cases) {
      if (only && !only(rel, c.name)) continue;
      c.output.fires.forEach((r) => note(r, 'fires', c.report_year));
      c.output.does_not_fire.forEach((r) => note(r, 'notFired', c.report_year));
      c.output.not_in_force.forEach((r) => note(r, 'notInForce', c.report_year));
      await attempt(`${rel}: ${c.name}`, () => runCase(c, law));
    }
  }
  return { failures, coverage: only ? [] : coverageProblems(corpus, seen) };
}

/** The cases a drill adds: the names in its created case files and appended case items. */
function drillCases(drill: Drill): { file: string; name: string }[] {
  const out: { file: string; name: string }[] = [];
  for (const e of drill.files.filter((f) => f.path.startsWith('test/cases/'))) {
    const file = relative('test/cases', e.path);
    if (e.create !== undefined) for (const c of (parse(e.create) as { cases: { name: string }[] }).cases) out.push({ file, name: c.name });
    for (const a of e.append ?? []) out.push({ file, name: (a.value as { name: string }).name });
  }
  return out;
}

const drills = readdirSync(DRILLS)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => ({ file: f, drill: Drill.parse(parse(readFileSync(join(DRILLS, f), 'utf8'))) }));

describe('the README drills, on a temporary copy of the corpus', () => {
  test('there are the two drills of the README', () => {
    const readme = readFileSync(join(PACKAGE_ROOT, 'README.md'), 'utf8');
    expect(drills).toHaveLength(2);
    for (const { file } of drills) expect(readme, `the README walks through ${file}`).toContain(`test/drills/${file}`);
  });

  for (const { file, drill } of drills) {
    test(`${drill.name} (${file}): at most ${MAX_FILES} files, and the corpus and every case hold`, async () => {
      const root = mkdtempSync(join(tmpdir(), 'tip-drill-'));
      cpSync(join(PACKAGE_ROOT, 'rules'), join(root, 'rules'), { recursive: true });
      cpSync(join(PACKAGE_ROOT, 'test', 'cases'), join(root, 'test', 'cases'), { recursive: true });
      const touched = apply(drill, root);
      expect(touched.length, touched.join(', ')).toBeLessThanOrEqual(MAX_FILES);

      const corpus = loadCorpus(join(root, 'rules'));
      expect(textProblems(corpus)).toEqual([]);
      const after = await runAll(join(root, 'test', 'cases'), corpus);
      expect(after.failures).toEqual([]);
      expect(after.coverage).toEqual([]);

      // The drill's cases fail on the corpus as it is: the drill is a change of the law.
      const added = drillCases(drill);
      expect(added.length).toBeGreaterThan(0);
      const isAdded = (f: string, name: string) => added.some((a) => a.file === f && a.name === name);
      const before = await runAll(join(root, 'test', 'cases'), bundledCorpus(), isAdded);
      expect(before.failures.length, 'a drill case that already passes before the drill').toBeGreaterThan(0);
    }, 60_000);
  }
});
