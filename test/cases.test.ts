import { relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { decide } from '../src/assess/decide.js';
import { DecisionError } from '../src/assess/resolve.js';
import { loadYamlFile } from '../src/load/index.js';
import { bundledCorpus, idFromPath } from '../src/rules/corpus.js';
import { RULES_DIR } from '../src/paths.js';
import { baseEvidence } from './support/evidence.js';
import { CASES_DIR, CaseFileSchema, listCaseFiles, type Case } from './support/cases.js';

const corpus = bundledCorpus();
const files = listCaseFiles();

async function run(c: Case) {
  const evidence = baseEvidence(c.report_year, c.input);
  const clock = c.clock
    ? {
        watchListPlacement: c.clock.watch_list_placement,
        ruleFApplies: c.clock.rule_f_applies,
        watchListForbiddenInEveryFilling:
          c.clock.forbidden_in_every_filling ?? (c.clock.watch_list_placement === 'needs-waiver' || c.clock.watch_list_placement === 'barred'),
      }
    : { watchListPlacement: 'unknown' as const, ruleFApplies: false, watchListForbiddenInEveryFilling: false };
  return decide(evidence, clock, corpus, {
    ...(c.options?.secretary_disregards_presumption !== undefined ? { secretaryDisregardsPresumption: c.options.secretary_disregards_presumption } : {}),
    ...(c.options?.effective ? { effective: c.options.effective } : {}),
    ...(c.previous_tier ? { previousTier: c.previous_tier } : {}),
  });
}

/** What every case file says about each rule, for the coverage test. */
const seen = new Map<string, { fires: number[]; notFired: number[]; notInForce: number[] }>();
function note(id: string, kind: 'fires' | 'notFired' | 'notInForce', year: number) {
  const s = seen.get(id) ?? { fires: [], notFired: [], notInForce: [] };
  s[kind].push(year);
  seen.set(id, s);
}

for (const file of files) {
  const { value } = loadYamlFile(file, CaseFileSchema);
  describe(relative(CASES_DIR, file), () => {
    for (const c of value.cases) {
      c.output.fires.forEach((id) => note(id, 'fires', c.report_year));
      c.output.does_not_fire.forEach((id) => note(id, 'notFired', c.report_year));
      c.output.not_in_force.forEach((id) => note(id, 'notInForce', c.report_year));
      test(`${c.name} (${c.report_year})`, async () => {
        if (c.output.error) {
          await expect(run(c)).rejects.toSatisfy((e) => e instanceof DecisionError && e.kind === c.output.error);
          return;
        }
        const d = await run(c);
        const outcome = (id: string) => d.trace.filter((t) => t.rule === id).map((t) => t.outcome);
        for (const id of c.output.fires) expect(outcome(id), `${id} fires`).toContain('fired');
        for (const id of c.output.does_not_fire) {
          expect(outcome(id).length, `${id} exists`).toBeGreaterThan(0);
          expect(outcome(id), `${id} does not fire`).not.toContain('fired');
          expect(outcome(id).some((o) => o === 'not met' || o === 'not evaluated'), `${id} is in force`).toBe(true);
        }
        for (const id of c.output.not_in_force) {
          expect(outcome(id).length, `${id} exists`).toBeGreaterThan(0);
          expect(outcome(id).every((o) => o === 'not in force in this year'), `${id} not in force`).toBe(true);
        }
        if (c.output.tier) expect(d.tier).toBe(c.output.tier);
        if (c.output.decided_by) expect(d.resolution.deciding.map((r) => r.id).sort()).toEqual([...c.output.decided_by].sort());
        if (c.output.rubric_unknowns) expect(d.rubric.unknowns).toEqual(c.output.rubric_unknowns);
        if (c.output.open_questions) expect(d.openQuestions.map((q) => q.rule).sort()).toEqual([...c.output.open_questions].sort());
        if (c.output.watch_list_grounds) {
          const grounds = d.fired('watch-list-ground').map((r) => (r.event.type === 'watch-list-ground' ? r.event.params.ground : ''));
          expect(grounds.sort()).toEqual([...c.output.watch_list_grounds].sort());
        }
      });
    }
  });
}

describe('coverage of the corpus by the cases', () => {
  test('every case file mirrors a rule file path', () => {
    const ids = new Set(corpus.rules.map((r) => r.id));
    for (const file of files) {
      const id = idFromPath(relative(CASES_DIR, file));
      expect(ids.has(id), `${relative(CASES_DIR, file)} names no rule (expected a path under ${relative(process.cwd(), RULES_DIR)})`).toBe(true);
    }
  });
  test('every rule has a case where it fires and one where it does not, at the edges of its years', () => {
    const problems: string[] = [];
    for (const r of corpus.rules) {
      const s = seen.get(r.id) ?? { fires: [], notFired: [], notInForce: [] };
      const inVersion = (y: number) => y >= r.effective.from && (r.effective.to === undefined || y <= r.effective.to);
      if (!s.fires.some(inVersion)) problems.push(`${r.file}: no case where it fires`);
      if (!s.notFired.some(inVersion) && !(s.notInForce.length > 0)) problems.push(`${r.file}: no case where it does not fire`);
      const edge = (y: number) => s.fires.includes(y) || s.notFired.includes(y);
      if (!edge(r.effective.from)) problems.push(`${r.file}: no case in its first year ${r.effective.from}`);
      if (r.effective.from > 2001 && !s.notInForce.includes(r.effective.from - 1) && !corpus.rules.some((o) => o !== r && o.id === r.id && o.effective.to === r.effective.from - 1)) {
        problems.push(`${r.file}: no case showing it not in force in ${r.effective.from - 1}`);
      }
      if (r.effective.to !== undefined) {
        if (!edge(r.effective.to)) problems.push(`${r.file}: no case in its last year ${r.effective.to}`);
        if (!s.notInForce.includes(r.effective.to + 1) && !corpus.rules.some((o) => o !== r && o.id === r.id && o.effective.from === r.effective.to! + 1)) {
          problems.push(`${r.file}: no case showing it not in force in ${r.effective.to + 1}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
