/**
 * The findings an analyst records on a §108(a) standard or §108(b) criterion. Shared by the
 * evidence schema (which validates them) and the rules' fact registry (which checks the values a
 * rule compares with), so neither layer imports the other. `no_information`: the narrative (or
 * the record so far) says nothing on which to judge it; unlike `not_applicable` it is a gap.
 */
export const FINDINGS = ['met', 'partly_met', 'not_met', 'not_applicable', 'no_information'] as const;
export type Finding = (typeof FINDINGS)[number];
