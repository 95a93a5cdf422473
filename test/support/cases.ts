import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { TIERS } from '../../src/model/tier.js';
import { WATCH_LIST_PLACEMENTS } from '../../src/rules/stages.js';

/**
 * OpenFisca-style test cases a lawyer can read: test/cases/<path of the rule>.yaml holds the
 * cases of that rule. `input` patches a baseline Tier 2 country (test/support/evidence.ts).
 */
export const CaseSchema = z.strictObject({
  name: z.string().min(1),
  report_year: z.number().int().min(2001).max(2100),
  /** A patch over the baseline evidence, with the evidence file's own keys. */
  input: z.record(z.string(), z.unknown()).default({}),
  /** What the Watch List clock says (default: unknown, as with no ledger). */
  clock: z
    .strictObject({
      watch_list_placement: z.enum(WATCH_LIST_PLACEMENTS),
      rule_f_applies: z.boolean().default(false),
      /** With an 'unknown' placement: every filling of the gaps forbids the Watch List without a waiver. */
      forbidden_in_every_filling: z.boolean().optional(),
    })
    .optional(),
  /** Last year's placement, as the ledger gives it (default: unknown, as with no ledger). */
  previous_tier: z.enum(TIERS).optional(),
  options: z
    .strictObject({
      secretary_disregards_presumption: z.boolean().optional(),
      effective: z.record(z.string(), z.strictObject({ from: z.number().int().optional(), to: z.number().int().optional() })).optional(),
    })
    .optional(),
  output: z.strictObject({
    tier: z.enum(TIERS).optional(),
    /** The rules give no answer / two answers. */
    error: z.enum(['empty', 'conflict']).optional(),
    fires: z.array(z.string()).default([]),
    does_not_fire: z.array(z.string()).default([]),
    not_in_force: z.array(z.string()).default([]),
    /** The rules whose conclusion stands (after exceptions set others aside). */
    decided_by: z.array(z.string()).optional(),
    watch_list_grounds: z.array(z.enum(['I', 'II', 'III'])).optional(),
    /** The standards and criteria with no information the rubric's recommendation rests on. */
    rubric_unknowns: z.array(z.string()).optional(),
    /** The rules the evidence's unknowns leave open (exactly these). */
    open_questions: z.array(z.string()).optional(),
  }),
  /** The provisions the case illustrates, for the reader. */
  citations: z.array(z.string()).default([]),
});
export type Case = z.output<typeof CaseSchema>;
export const CaseFileSchema = z.strictObject({ cases: z.array(CaseSchema).min(1) });

export const CASES_DIR = join(import.meta.dirname, '..', 'cases');

export function listCaseFiles(dir: string = CASES_DIR): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, e.name);
    if (e.isDirectory()) out.push(...listCaseFiles(full));
    else if (e.name.endsWith('.yaml')) out.push(full);
  }
  return out.sort();
}
