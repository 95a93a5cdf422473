import { relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadYamlFile } from '../src/load/index.js';
import { bundledCorpus } from '../src/rules/corpus.js';
import { RULES_DIR } from '../src/paths.js';
import {
  CASES_DIR,
  caseFileId,
  CaseFileSchema,
  coverageProblems,
  emptyCoverage,
  listCaseFiles,
  ParameterCaseFileSchema,
  runCase,
  runParameterCase,
  type Coverage,
} from './support/cases.js';
import { LAW } from './support/law.js';

const corpus = bundledCorpus();
const files = listCaseFiles();
const parameterIds = new Set(corpus.parameters.map((p) => p.id));

/** What every case file says about each rule and parameter, for the coverage test. */
const seen = new Map<string, Coverage>();
function note(id: string, kind: keyof Coverage, year: number) {
  const s = seen.get(id) ?? emptyCoverage();
  s[kind].push(year);
  seen.set(id, s);
}

for (const file of files) {
  const id = caseFileId(file);
  describe(relative(CASES_DIR, file), () => {
    if (parameterIds.has(id)) {
      const { value } = loadYamlFile(file, ParameterCaseFileSchema);
      for (const c of value.cases) {
        note(id, 'in_force' in c.output ? 'notInForce' : 'values', c.report_year);
        test(`${c.name} (${c.report_year})`, () => runParameterCase(id, c, LAW));
      }
      return;
    }
    const { value } = loadYamlFile(file, CaseFileSchema);
    for (const c of value.cases) {
      c.output.fires.forEach((r) => note(r, 'fires', c.report_year));
      c.output.does_not_fire.forEach((r) => note(r, 'notFired', c.report_year));
      c.output.not_in_force.forEach((r) => note(r, 'notInForce', c.report_year));
      test(`${c.name} (${c.report_year})`, () => runCase(c, LAW));
    }
  });
}

describe('coverage of the corpus by the cases', () => {
  test('every case file mirrors a rule or parameter file path', () => {
    const ids = new Set([...corpus.rules, ...corpus.parameters].map((r) => r.id));
    for (const file of files) {
      expect(ids.has(caseFileId(file)), `${relative(CASES_DIR, file)} names no rule or parameter (expected a path under ${relative(process.cwd(), RULES_DIR)})`).toBe(true);
    }
  });
  test('every rule has a case where it fires and one where it does not, at the edges of its years; every parameter a case per dated value', () => {
    expect(coverageProblems(corpus, seen)).toEqual([]);
  });
});
