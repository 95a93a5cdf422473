import type { Tier } from '../model/tier.js';
import type { LoadedRule } from '../rules/corpus.js';
import { and, or, type Formula } from './formula.js';
import type { DecisionModel } from './model.js';

/**
 * "The tier is T" as a formula: the default logic of src/assess/resolve.ts written over the tier
 * rules' conditions. A rule applies when it fires and, if it is an exception, one of its bases
 * applies; it stands when it applies and no applicable exception names it; the tier is T when
 * some rule of tier T stands and no rule of another tier does (two tiers standing is an error of
 * the corpus, no rule standing another, and neither is T).
 */
export function tierGoal(model: DecisionModel, tier: Tier): Formula {
  const rules = model.rulesOf(4, 'tier');
  const byId = new Map<string, LoadedRule[]>();
  for (const r of rules) byId.set(r.id, [...(byId.get(r.id) ?? []), r]);
  const exceptionsOf = (id: string) => rules.filter((r) => r.exception_of?.includes(id));
  const tierOf = (r: LoadedRule) => (r.event.type === 'tier' ? r.event.params.tier : undefined);

  const applies = (r: LoadedRule, polarity: boolean, path: readonly string[]): Formula =>
    model.named(`applies:${r.file}=${polarity}`, () => {
      if (path.includes(r.id)) throw new Error(`the exceptions of ${r.id} form a cycle`);
      const bases = (r.exception_of ?? []).flatMap((id) => byId.get(id) ?? []);
      const fires = model.fires(r, polarity);
      if (r.exception_of === undefined) return fires;
      const via = bases.map((b) => applies(b, polarity, [...path, r.id]));
      return polarity ? and([fires, or(via)]) : or([fires, and(via)]);
    });
  const stands = (r: LoadedRule, polarity: boolean): Formula =>
    model.named(`stands:${r.file}=${polarity}`, () => {
      const set = exceptionsOf(r.id).map((e) => applies(e, !polarity, []));
      return polarity ? and([applies(r, true, []), ...set]) : or([applies(r, false, []), ...set]);
    });

  return model.named(`tier=${tier}`, () =>
    and([or(rules.filter((r) => tierOf(r) === tier).map((r) => stands(r, true))), ...rules.filter((r) => tierOf(r) !== tier).map((r) => stands(r, false))]),
  );
}
