/**
 * What a school learns of a learner who is not its own (issue 18). The Data Privacy Act of 2012
 * (RA 10173) §11 allows processing "adequate, relevant, suitable, necessary, and not excessive" for
 * its purpose; here the purpose is DO 03 s. 2018 §VI, "only one unique and permanent LRN": a
 * registrar checks that a child has no record before making one. That check needs the name, birth
 * date, sex, last school and why a record matched, and nothing else.
 */

/** What a search asked for. */
export interface LookupQuery {
  lrn?: string | null;
  name?: string | null;
  birthDate?: string | null;
}

/**
 * Whether a search may show learners outside the viewer's place at all: only a name *with* a birth
 * date, or an LRN, identifies one child; a name alone ("Ma") lists strangers, so it shows none.
 */
export function mayShowOutsidePlace(query: LookupQuery): boolean {
  const has = (value: string | null | undefined) => Boolean(value?.trim());
  return has(query.lrn) || (has(query.name) && has(query.birthDate));
}

/**
 * The LRN a candidate outside the viewer's place shows: only the one the query gave (the registrar
 * has it already, from the learner's papers); any other LRN, current or former, is withheld.
 */
export function shownLrn(
  candidateLrn: string | null,
  query: LookupQuery,
  inPlace: boolean,
): string | null {
  if (inPlace) return candidateLrn;
  const asked = query.lrn?.trim();
  return asked && candidateLrn?.trim() === asked ? asked : null;
}

/** The fields of a learner outside the viewer's place that a duplicate check shows. */
export const outsidePlaceFields = [
  'lastName',
  'firstName',
  'middleName',
  'extensionName',
  'birthDate',
  'sex',
  'lastSchoolId',
  'lastSchoolName',
  'reasons',
] as const;
