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
  'enrolledThisYear',
] as const;

/** A learner's active enrollment in one school year, as the registry holds it. */
export interface ActiveEnrollment {
  schoolId: string;
  schoolName: string;
  /** PRE_REGISTERED, TEMPORARILY_ENROLLED or OFFICIALLY_ENROLLED. */
  status: string;
}

/** What a search result says of where the learner is enrolled in the school year asked about. */
export interface ShownEnrollment {
  schoolId: string;
  schoolName: string;
  /** Registered early (DO 03 s. 2018 §V.A) and not enrolled yet. */
  preRegistered: boolean;
  /** The enrollment's status, within the viewer's place only. */
  status: string | null;
}

/**
 * Where a search result is enrolled this school year (issue 21). A learner has one active
 * enrollment a year, and a learner of another school who comes to enrol is moving in: "the
 * receiving school shall coordinate with the originating school" (DO 03 s. 2018 §V.E). So a school
 * may be told which school that is (its name and School ID), and whether the learner is only
 * registered early there (§V.A), which is what enrolling would be refused with (ALREADY_ENROLLED)
 * anyway; it is shown only for a learner the search may show at all (`mayShowOutsidePlace`),
 * within the day's quota, and the search's audit entry counts it. Whether the enrollment is
 * temporary (documents missing, §V.C) or official, the grade and the dates stay with the
 * learner's school and its division: the receiving school verifies them with the originating one.
 */
export function shownEnrollment(
  active: ActiveEnrollment | null,
  inPlace: boolean,
): ShownEnrollment | null {
  if (!active) return null;
  return {
    schoolId: active.schoolId,
    schoolName: active.schoolName,
    preRegistered: active.status === 'PRE_REGISTERED',
    status: inPlace ? active.status : null,
  };
}
