import * as z from 'zod';
import type { Edit } from './edits.js';
import { EVIDENCE_SECTIONS, EVIDENCE_VERSION } from './schema.js';
import { LawSchema, ProsecutionSchema, VictimsSchema } from './sections.js';
import { TriStateSchema } from './values.js';

/**
 * Version 1 of the evidence file (no `evidence_version` key, which version 1 did not have): every file valid before version 2
 * stays valid, with its meaning. It differs from version 2 in two sections:
 *  - victims: Watch List ground (I) was recorded as flat fields (`very_significant`,
 *    `significantly_increasing`, `proportional_concrete_actions`), read by the rules as the
 *    ground's finding; version 2 puts them in `victims.watch_list_ground_i`;
 *  - prosecution.law: `penalties_commensurate_with_rape`, which version 2 writes as
 *    `comparison: {crime: rape, commensurate: ...}`.
 * Two facts of version 2 had no field: the government's capacity to obtain the data (version 1
 * applied the data presumption on a request and no data, so the capacity was implied), and
 * whether the officials' data were requested (version 1 read prosecution.data_requested).
 * `v1Edits` makes those explicit; the values of version 2 (unknown, ranges, ...) are accepted.
 */

const V1VictimsSchema = VictimsSchema.omit({ watch_list_ground_i: true }).extend({
  very_significant: TriStateSchema,
  significantly_increasing: TriStateSchema,
  proportional_concrete_actions: TriStateSchema.optional(),
});

const V1ProsecutionSchema = ProsecutionSchema.extend({
  law: LawSchema.extend({ penalties_commensurate_with_rape: TriStateSchema.optional() }).optional(),
});

export const EvidenceV1Schema = z.strictObject({
  $schema: z.string().optional(),
  ...EVIDENCE_SECTIONS,
  prosecution: V1ProsecutionSchema,
  victims: V1VictimsSchema,
});
export type EvidenceV1 = z.output<typeof EvidenceV1Schema>;

const GROUND_I_KEYS = ['very_significant', 'significantly_increasing', 'proportional_concrete_actions'] as const;

/** Where a version 1 file writes a field of version 2 (for messages about a version 1 file). */
export function v1PathOf(path: readonly (string | number)[]): (string | number)[] {
  if (path[0] === 'victims' && path[1] === 'watch_list_ground_i') return ['victims', ...path.slice(2)];
  return [...path];
}

type Plain = Record<string, unknown>;
const at = (v: unknown, key: string): Plain => ((v as Plain | undefined)?.[key] ?? {}) as Plain;

/**
 * The edits that turn a valid version 1 file (its plain, parsed value) into version 2 with the
 * same meaning. Applied in memory when a version 1 file is read, and to the file by `tip migrate`.
 */
export function v1Edits(value: unknown): Edit[] {
  const root = value as Plain;
  const edits: Edit[] = [{ op: 'add', parent: [], key: 'evidence_version', value: EVIDENCE_VERSION, first: true, why: 'the evidence model version' }];
  const victims = at(root, 'victims');
  for (const key of GROUND_I_KEYS) {
    if (key in victims) {
      edits.push({ op: 'move', from: ['victims', key], to: ['victims', 'watch_list_ground_i', key], why: "Watch List ground (I) is the Department's finding, recorded in its own block" });
    }
  }
  const prosecution = at(root, 'prosecution');
  const law = at(prosecution, 'law');
  if ('penalties_commensurate_with_rape' in law) {
    edits.push({
      op: 'move',
      from: ['prosecution', 'law', 'penalties_commensurate_with_rape'],
      to: ['prosecution', 'law', 'comparison'],
      value: { crime: 'rape', commensurate: law['penalties_commensurate_with_rape'] },
      why: 'the comparison names its crime',
    });
  }
  const requested = prosecution['data_requested'];
  const implied = (provided: unknown) => (requested === true && provided === false ? true : 'unknown');
  const why = (provided: unknown) =>
    implied(provided) === true
      ? 'tip migrate: version 1 applied the data presumption on a request without data, so the capacity was implied'
      : 'tip migrate: version 1 recorded no capacity; it matters only when requested data are not provided';
  if (!('data_capacity' in prosecution)) {
    edits.push({
      op: 'add',
      parent: ['prosecution'],
      key: 'data_capacity',
      value: implied(prosecution['data_provided']),
      comment: why(prosecution['data_provided']),
      why: 'the presumption reads the capacity to obtain the data',
    });
  }
  const complicity = at(root, 'complicity');
  if (!('data_requested' in complicity)) {
    edits.push({
      op: 'add',
      parent: ['complicity'],
      key: 'data_requested',
      value: requested,
      comment: 'tip migrate: version 1 read prosecution.data_requested for the officials\u2019 data',
      why: 'the (b)(7) presumption reads whether the officials\u2019 data were requested',
    });
  }
  if (!('data_capacity' in complicity)) {
    edits.push({
      op: 'add',
      parent: ['complicity'],
      key: 'data_capacity',
      value: implied(complicity['data_provided']),
      comment: why(complicity['data_provided']),
      why: 'the (b)(7) presumption reads the capacity to obtain the data',
    });
  }
  return edits;
}
