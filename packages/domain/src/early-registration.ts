import { ageOn, type CivilDate, daysBetween } from './civil-date.js';
import { rulesFor } from './editions.js';
import { type GradeLevel } from './enums.js';
import { isWithin, policyDates, type SchoolCalendar } from './school-year.js';

/** The 14 circumstances of out-of-school children and youth that early registration records (§V.A). */
export const OutOfSchoolCircumstance = {
  DISABILITY: 'DISABILITY',
  OFF_GRID_COMMUNITY: 'OFF_GRID_COMMUNITY',
  BARANGAY_WITHOUT_SCHOOL: 'BARANGAY_WITHOUT_SCHOOL',
  GEOGRAPHICALLY_ISOLATED: 'GEOGRAPHICALLY_ISOLATED',
  DISPLACED_BY_DISASTER: 'DISPLACED_BY_DISASTER',
  ARMED_CONFLICT_AREA: 'ARMED_CONFLICT_AREA',
  HIGH_CRIMINALITY_OR_DRUG_ABUSE: 'HIGH_CRIMINALITY_OR_DRUG_ABUSE',
  CHRONIC_ILLNESS: 'CHRONIC_ILLNESS',
  NUTRITIONAL_PROBLEMS: 'NUTRITIONAL_PROBLEMS',
  ABUSE_OR_EXPLOITATION: 'ABUSE_OR_EXPLOITATION',
  STATELESS_OR_UNDOCUMENTED: 'STATELESS_OR_UNDOCUMENTED',
  IN_CONFLICT_WITH_THE_LAW: 'IN_CONFLICT_WITH_THE_LAW',
  LIVING_ON_THE_STREETS: 'LIVING_ON_THE_STREETS',
  WANTS_TO_RETURN_TO_SCHOOL: 'WANTS_TO_RETURN_TO_SCHOOL',
} as const;
export type OutOfSchoolCircumstance =
  (typeof OutOfSchoolCircumstance)[keyof typeof OutOfSchoolCircumstance];

/** §IV.a, §V.A: incoming Kindergarten, Grades 1, 7 and 11 register early. */
export function isEarlyRegistrationGrade(grade: GradeLevel, schoolYear: string): boolean {
  return rulesFor(schoolYear)?.earlyRegistrationGrades.includes(grade) ?? false;
}

/** §V.A: learners continuing into Grades 2-6, 8-10 and 12 count as pre-registered. */
export function countsAsPreRegistered(grade: GradeLevel, schoolYear: string): boolean {
  const continuing: readonly string[] = [
    'GRADE_2',
    'GRADE_3',
    'GRADE_4',
    'GRADE_5',
    'GRADE_6',
    'GRADE_8',
    'GRADE_9',
    'GRADE_10',
    'GRADE_12',
  ];
  return continuing.includes(grade) && !isEarlyRegistrationGrade(grade, schoolYear);
}

/** §V.A: early registration runs from the last Saturday of January to the last Friday of February. */
export function isInEarlyRegistrationWindow(calendar: SchoolCalendar, date: string): boolean {
  const dates = policyDates(calendar);
  return isWithin(date, dates.earlyRegistrationStart, dates.earlyRegistrationEnd);
}

/**
 * A place's early-registration target to date, for progress monitoring (§VII): §V.A(a) aims to
 * register all new entrants, whom last year's enrollment in the same grades stands for; a steady
 * pace through the window (last Saturday of January to last Friday of February, §V.A) would have
 * registered this share of them by `today`. None before the window opens, all from its last day;
 * rounded up, so a place short of it by any learner is behind (`isBehindTarget`).
 */
export function earlyRegistrationTarget(
  window: { start: CivilDate; end: CivilDate },
  today: CivilDate,
  previousYearEnrollment: number,
): number {
  if (today < window.start || previousYearEnrollment <= 0) return 0;
  if (today >= window.end) return previousYearEnrollment;
  const elapsed = daysBetween(window.start, today) + 1;
  const length = daysBetween(window.start, window.end) + 1;
  return Math.ceil((previousYearEnrollment * elapsed) / length);
}

/** A laggard (SPEC §5): fewer registrations than its target to date. */
export function isBehindTarget(registrations: number, target: number): boolean {
  return registrations < target;
}

export type OutOfSchoolGroup = 'OSC' | 'OSY' | null;

/**
 * §IV.j: out-of-school children are 6 to 14 and not in school; §IV.k: out-of-school youth are 15 to
 * 24, not in school, without a college or post-secondary course finished, and not working.
 */
export function toOutOfSchoolGroup(
  person: {
    birthDate: string;
    attendingSchool: boolean;
    finishedPostSecondary?: boolean;
    working?: boolean;
  },
  asOf: string,
  schoolYear: string,
): OutOfSchoolGroup {
  const rules = rulesFor(schoolYear);
  if (!rules || person.attendingSchool) return null;
  const age = ageOn(person.birthDate, asOf);
  if (age >= rules.outOfSchoolChildAges.from && age <= rules.outOfSchoolChildAges.to) return 'OSC';
  if (
    age >= rules.outOfSchoolYouthAges.from &&
    age <= rules.outOfSchoolYouthAges.to &&
    !person.finishedPostSecondary &&
    !person.working
  ) {
    return 'OSY';
  }
  return null;
}
