import * as z from 'zod';
import type { Assessment } from '../assess/types.js';
import type { Evidence } from '../evidence/schema.js';
import { CountryViewSchema, countryView, draftRecommendations } from './view-common.js';
import { PlacementViewSchema, type PlacementView } from './view-placement.js';

/**
 * The press guidance: Q1 on the placement ("Why was China again given a ranking of Tier 2 Watch
 * List?"), Q2 on progress, the analyst's own questions, and a last one on what the government could
 * do. Questions are numbered here so a draft without progress text or recommendations has no gap.
 */
export const PressQuestionViewSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('placement'), number: z.number().int().min(1) }),
  z.strictObject({ kind: z.literal('progress'), number: z.number().int().min(1), answer: z.array(z.string()).min(1) }),
  z.strictObject({ kind: z.literal('custom'), number: z.number().int().min(1), question: z.string(), answer: z.string() }),
  z.strictObject({ kind: z.literal('recommendations'), number: z.number().int().min(1), recommendations: z.array(z.string()).min(1) }),
]);
export type PressQuestionView = z.output<typeof PressQuestionViewSchema>;

export const PressViewSchema = z.strictObject({
  country: CountryViewSchema,
  year: z.number().int(),
  placement: PlacementViewSchema,
  questions: z.array(PressQuestionViewSchema).min(1),
});
export type PressView = z.output<typeof PressViewSchema>;

/**
 * The press guidance; its first answer is the narrative's tier paragraph (`placement`), without the
 * recommendations sentence. `ordered`: the recommendations in the action plan's order, when known.
 */
export function buildPressView(assessment: Assessment, evidence: Evidence, placement: PlacementView, ordered?: readonly string[]): PressView {
  const questions: PressQuestionView[] = [{ kind: 'placement', number: 1 }];
  const next = () => questions.length + 1;
  if (evidence.narrative.progress.length > 0) questions.push({ kind: 'progress', number: next(), answer: evidence.narrative.progress });
  for (const q of evidence.narrative.press_questions) questions.push({ kind: 'custom', number: next(), question: q.question, answer: q.answer });
  const recommendations = ordered ? [...ordered] : draftRecommendations(assessment);
  if (recommendations.length > 0) questions.push({ kind: 'recommendations', number: next(), recommendations });
  return PressViewSchema.parse({
    country: countryView(assessment),
    year: assessment.year,
    placement: { ...placement, recommendations: [] },
    questions,
  });
}
