import { CRITERIA } from '../rules/schema.js';
import { and, lit, or, type Formula } from './formula.js';
import { DecisionModel, exactly } from './model.js';
import { DETERMINATION_FIELDS } from './space.js';

/**
 * The facts an earlier stage concludes, as src/assess/decide.ts concludes them, written as
 * formulas over the rules that conclude them:
 *   - inScope: no scope rule fired (stage 1);
 *   - presumed_not_met_bN: a presumption rule on criterion bN fired (stage 1);
 *   - watchListGroundCount: how many Watch List ground rules fired (stage 3);
 *   - fullyMeets, significantEfforts: the analyst's determination when the evidence has one (layer
 *     3), else whether a rubric rule recommending it fired (layer 2).
 * test/whatif/model.properties.test.ts checks, over generated evidence, that the tier these
 * formulas give is the tier decide() gives: a change in decide.ts that is not mirrored here fails it.
 */
export function installDerivations(model: DecisionModel, hasDetermination: boolean): void {
  const pair = (rules: ReturnType<DecisionModel['rulesOf']>) => rules.map((r) => ({ pos: model.fires(r, true), neg: model.fires(r, false) }));
  const any = (items: { pos: Formula; neg: Formula }[], value: boolean) => (value ? or(items.map((i) => i.pos)) : and(items.map((i) => i.neg)));

  const scope = () => pair(model.rulesOf(1, 'scope'));
  model.derived.set('inScope', { values: [true, false], formula: (v) => model.named(`inScope=${v}`, () => any(scope(), v === false)) });

  for (const c of CRITERIA) {
    const rules = () => pair(model.rulesOf(1, 'presumption').filter((r) => r.event.type === 'presumption' && r.event.params.criterion === c));
    model.derived.set(`presumed_not_met_${c}`, {
      values: [true, false],
      formula: (v) => model.named(`presumed_not_met_${c}=${v}`, () => any(rules(), v === true)),
    });
  }

  const grounds = model.rulesOf(3, 'watch-list-ground');
  model.derived.set('watchListGroundCount', {
    values: grounds.map((_, i) => i).concat(grounds.length),
    formula: (v) => model.named(`watchListGroundCount=${String(v)}`, () => exactly(v as number, pair(grounds))),
  });

  for (const [fact, recommends] of [
    ['fullyMeets', 'fully-meets'],
    ['significantEfforts', 'significant-efforts'],
  ] as const) {
    const field = DETERMINATION_FIELDS[fact];
    const byRubric = () => pair(model.rulesOf(3, 'rubric').filter((r) => r.event.type === 'rubric' && r.event.params.recommends === recommends));
    model.derived.set(fact, {
      values: [true, false],
      formula: (v) =>
        model.named(`${fact}=${String(v)}`, () => {
          if (!hasDetermination) return any(byRubric(), v === true);
          const i = model.space.index.get(field);
          if (i === undefined) throw new Error(`${field} is not in the what-if's space`);
          return lit(i, 1 << model.space.facts[i]!.domain.indexOf(v), model.space.full[i]!);
        }),
    });
  }
}
