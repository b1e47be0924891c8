import { checkEligibility, type EligibilityResult } from './check-eligibility.js';
import { isInEarlyRegistrationWindow, isEarlyRegistrationGrade } from './early-registration.js';
import {
  AdmissionBasis,
  type DocumentType,
  EnrollmentStatus,
  type GradeLevel,
  LearnerCategory,
  type Strand,
} from './enums.js';
import {
  approvalNeed,
  type ApprovalNeed,
  approvalRefusal,
  checkApproval,
} from './enrollment-approval.js';
import { checkGivenDates } from './given-dates.js';
import { type FieldError } from './learner-profile.js';
import {
  documentDeadlineFor,
  isWithin,
  parseSchoolYear,
  policyDates,
  type SchoolCalendar,
} from './school-year.js';
import { checkAlsFirstAttendance, checkLateEnrollment, type LateEnrollment } from './status.js';

/** What a school offers (SPEC §2): its levels, and whether it hosts an ALS learning center. */
export interface SchoolOffering {
  offersKinder: boolean;
  offersElementary: boolean;
  offersJuniorHigh: boolean;
  offersSeniorHigh: boolean;
  isAlsLearningCenter: boolean;
}

export type GradeBand = 'KINDER' | 'ELEMENTARY' | 'JUNIOR_HIGH' | 'SENIOR_HIGH' | 'ALS';

const bands: Record<GradeLevel, GradeBand> = {
  KINDER: 'KINDER',
  GRADE_1: 'ELEMENTARY',
  GRADE_2: 'ELEMENTARY',
  GRADE_3: 'ELEMENTARY',
  GRADE_4: 'ELEMENTARY',
  GRADE_5: 'ELEMENTARY',
  GRADE_6: 'ELEMENTARY',
  ELEMENTARY_NON_GRADED: 'ELEMENTARY',
  GRADE_7: 'JUNIOR_HIGH',
  GRADE_8: 'JUNIOR_HIGH',
  GRADE_9: 'JUNIOR_HIGH',
  GRADE_10: 'JUNIOR_HIGH',
  JHS_NON_GRADED: 'JUNIOR_HIGH',
  GRADE_11: 'SENIOR_HIGH',
  GRADE_12: 'SENIOR_HIGH',
  ALS_BLP: 'ALS',
  ALS_AE_ELEMENTARY: 'ALS',
  ALS_AE_SECONDARY: 'ALS',
};

/** The band of basic education a grade belongs to (RA 10533: K, elementary, JHS, SHS; ALS). */
export function gradeBand(grade: GradeLevel): GradeBand {
  return bands[grade];
}

export function isAlsProgram(grade: GradeLevel): boolean {
  return bands[grade] === 'ALS';
}

/** A school enrols only in the grades it offers; ALS programs only at a learning center. */
export function offersGrade(school: SchoolOffering, grade: GradeLevel): boolean {
  switch (bands[grade]) {
    case 'KINDER':
      return school.offersKinder;
    case 'ELEMENTARY':
      return school.offersElementary;
    case 'JUNIOR_HIGH':
      return school.offersJuniorHigh;
    case 'SENIOR_HIGH':
      return school.offersSeniorHigh;
    case 'ALS':
      return school.isAlsLearningCenter;
  }
}

/** Senior high school learners take a track and strand (RA 10533 §5); no other grade has one. */
export function checkStrand(grade: GradeLevel, strand: Strand | null | undefined): FieldError[] {
  const senior = bands[grade] === 'SENIOR_HIGH';
  if (senior && !strand) return [{ field: 'strand', code: 'STRAND_REQUIRED' }];
  if (!senior && strand) return [{ field: 'strand', code: 'STRAND_NOT_FOR_GRADE' }];
  return [];
}

/** Categories that describe a learner at one enrollment or registration (SPEC §3). */
export const enrollmentCategories: readonly LearnerCategory[] = [
  LearnerCategory.BALIK_ARAL,
  LearnerCategory.OSY,
  LearnerCategory.OSC,
];

export function checkEnrollmentCategories(categories: readonly string[]): FieldError[] {
  const wrong = categories.find((c) => !(enrollmentCategories as readonly string[]).includes(c));
  return wrong ? [{ field: 'categories', code: 'CATEGORY_BELONGS_TO_LEARNER' }] : [];
}

/** Which field of the enrolment each refusal of the eligibility check points at. */
const reasonField: Record<string, string> = {
  SCHOOL_YEAR_INVALID: 'schoolYear',
  POLICY_NOT_IN_FORCE: 'schoolYear',
  BIRTH_DATE_INVALID: 'birthDate',
  BIRTH_DATE_AFTER_CUTOFF: 'birthDate',
  AGE_BELOW_CUTOFF: 'birthDate',
  BASIS_NOT_FOR_GRADE: 'admissionBasis',
  BASIS_CONTRADICTS_FIRST_TIME: 'firstTimeEnrollee',
  FIRST_TIME_NEEDS_KCEP_OR_PEPT: 'admissionBasis',
  AFFIDAVIT_OF_UNDERTAKING_REQUIRED: 'documents',
};

export interface EnrollmentPlanInput {
  calendar: SchoolCalendar;
  school: SchoolOffering;
  gradeLevel: GradeLevel;
  strand?: Strand | null;
  /** Required for formal grades; ALS programs follow the guide and need none. */
  basis: AdmissionBasis | null;
  birthDate: string;
  firstTimeEnrollee: boolean;
  documents: readonly DocumentType[];
  birthDocumentOnFile: boolean;
  categories: readonly string[];
  /** The day the school takes the enrolment. */
  enrolledOn: string;
  /** The first date of attendance, when already known (the ALS guide asks for it at step 4). */
  firstAttendance?: string | null;
  /** Why a first-time enrollee aged 13+ is placed in a formal grade rather than ALS (§V.A). */
  placementReason?: string | null;
  /** The school head's approval of a late enrollment, with its catch-up plan (§V.D). */
  lateApproval?: { headApproved: boolean; catchUpPlan: string | null } | null;
  /**
   * Whoever enters it is not the school head: an enrolment that needs the head's approval is filed
   * as awaiting it (status AWAITING_APPROVAL) instead of refused (§V.D; issue 21).
   */
  fileForApproval?: boolean;
  /**
   * The day the enrolment is entered (today, when it is entered now): a date of enrolment more
   * than 7 days before it needs the head's approval while the year is open (`approvalNeed`).
   * Omitted when judging an enrolment entered earlier (a first attendance recorded later).
   */
  enteredOn?: string | null;
  /** Today in PHT: no date of the enrolment may lie after it. */
  today: string;
  /** Arriving from another school during the year (§V.E): not a late enrollment. */
  movedIn?: boolean;
}

export interface EnrollmentPlan {
  /** Every rule the enrolment breaks, each naming its field; empty when it may be saved. */
  errors: FieldError[];
  eligibility: EligibilityResult;
  /** The status it starts with: pre-registered until the first date of attendance (§IV.b). */
  status: EnrollmentStatus;
  late: LateEnrollment | { ok: true; code: 'LATE_APPROVED' } | null;
  /** Why it needs the school head's approval (§V.D; backdated), whether given or not; else null. */
  approval: ApprovalNeed | null;
}

/**
 * The dates of an enrolment, before any rule is judged: real days not after today
 * (`checkGivenDates`), the enrolment between the start of early registration and the last day of
 * classes, the first attendance within classes and not before the enrolment (an earlier date would
 * dodge the late rule, §V.D).
 */
export function checkEnrollmentDates(
  input: Pick<EnrollmentPlanInput, 'calendar' | 'enrolledOn' | 'firstAttendance' | 'today'>,
): FieldError[] {
  const { calendar } = input;
  const firstAttendance = input.firstAttendance ?? null;
  const errors = checkGivenDates({ enrolledOn: input.enrolledOn, firstAttendance }, input.today);
  const bad = (field: string) => errors.some((e) => e.field === field);
  const start = policyDates(calendar).earlyRegistrationStart;
  if (!bad('enrolledOn') && !isWithin(input.enrolledOn, start, calendar.closingDay))
    errors.push({ field: 'enrolledOn', code: 'OUTSIDE_SCHOOL_YEAR' });
  if (firstAttendance !== null && !bad('firstAttendance')) {
    if (!isWithin(firstAttendance, calendar.openingDay, calendar.closingDay))
      errors.push({ field: 'firstAttendance', code: 'OUTSIDE_SCHOOL_YEAR' });
    else if (!bad('enrolledOn') && firstAttendance < input.enrolledOn)
      errors.push({ field: 'firstAttendance', code: 'BEFORE_ENROLLMENT' });
  }
  return errors;
}

/** The school offers the grade, with a strand in senior high, and the categories fit (SPEC §2, §3). */
function offeringErrors(input: EnrollmentPlanInput): FieldError[] {
  const errors: FieldError[] = [];
  if (!offersGrade(input.school, input.gradeLevel))
    errors.push({ field: 'gradeLevel', code: 'GRADE_NOT_OFFERED' });
  errors.push(...checkStrand(input.gradeLevel, input.strand));
  errors.push(...checkEnrollmentCategories(input.categories));
  return errors;
}

/**
 * Eligibility with the calendar's age cut-off and document deadline; the deadline is judged on the
 * enrolment day when the dates are sound, else on today.
 */
function eligibilityOf(input: EnrollmentPlanInput, datesOk: boolean): EligibilityResult {
  const { calendar } = input;
  const dates = policyDates(calendar);
  return checkEligibility({
    schoolYear: calendar.schoolYear,
    gradeLevel: input.gradeLevel,
    // An ALS program is judged before the basis is read.
    basis: input.basis ?? AdmissionBasis.CONTINUING,
    birthDate: input.birthDate,
    firstTimeEnrollee: input.firstTimeEnrollee,
    documents: input.documents,
    birthDocumentOnFile: input.birthDocumentOnFile,
    asOf: datesOk ? input.enrolledOn : input.today,
    dates: {
      ageCutoff: dates.ageCutoff,
      documentDeadline: datesOk
        ? documentDeadlineFor(calendar, input.enrolledOn)
        : dates.documentDeadline,
    },
  });
}

/** A plan that saves nothing: the status stays pre-registered and lateness is not judged. */
function refusedPlan(errors: FieldError[], eligibility: EligibilityResult): EnrollmentPlan {
  return {
    errors,
    eligibility,
    status: EnrollmentStatus.PRE_REGISTERED,
    late: null,
    approval: null,
  };
}

/** ALS programs: a first date of attendance, not later than the year's cut-off (ALS guide step 4). */
function alsFirstAttendanceErrors(input: EnrollmentPlanInput): FieldError[] {
  const firstAttendance = input.firstAttendance ?? null;
  if (firstAttendance === null) return [{ field: 'firstAttendance', code: 'REQUIRED' }];
  const cutoff = checkAlsFirstAttendance(input.calendar, firstAttendance);
  return cutoff.ok ? [] : [{ field: 'firstAttendance', code: cutoff.code }];
}

/**
 * Late enrollment (§V.D), judged on the day the learner starts (the first attendance when known,
 * else the enrolment day) once classes have opened; a learner moved in from another school during
 * the year (§V.E) is not late.
 */
function lateness(input: EnrollmentPlanInput): EnrollmentPlan['late'] {
  const { calendar } = input;
  if (input.movedIn) return null;
  const start = input.firstAttendance ?? input.enrolledOn;
  if (start <= calendar.openingDay || start > calendar.closingDay) return null;
  return checkLateEnrollment(calendar, start, input.lateApproval ?? undefined);
}

/**
 * The refusals of the eligibility check, each on its field (§V.A table); and §V.A's advice of ALS
 * for a first-time enrollee aged 13+, whom a formal grade takes only with a stated reason.
 */
function eligibilityErrors(input: EnrollmentPlanInput, eligibility: EligibilityResult) {
  const errors: FieldError[] = [];
  if (!eligibility.eligible && input.basis) {
    for (const reason of eligibility.reasons) {
      const field = reasonField[reason];
      if (field) errors.push({ field, code: reason });
    }
  }
  if (
    eligibility.recommendation === 'ALS' &&
    !isAlsProgram(input.gradeLevel) &&
    !input.placementReason?.trim()
  ) {
    errors.push({ field: 'placementReason', code: 'FORMAL_PLACEMENT_NEEDS_REASON' });
  }
  return errors;
}

/** Pre-registered until the first date of attendance (§IV.b); then official or temporary (§V.C). */
function startingStatus(input: EnrollmentPlanInput, eligibility: EligibilityResult) {
  if (input.firstAttendance == null) return EnrollmentStatus.PRE_REGISTERED;
  const complete = eligibility.eligible && eligibility.missingDocuments.length === 0;
  return complete ? EnrollmentStatus.OFFICIALLY_ENROLLED : EnrollmentStatus.TEMPORARILY_ENROLLED;
}

/**
 * Everything the enrolment of one learner in one grade must satisfy, decided together so the
 * registrar sees every problem at once:
 * - the grade is offered by the school, with a strand in senior high (SPEC §2);
 * - the enrolment lies between the start of early registration and the last day of classes;
 * - eligibility, documents and the resulting status (§V.A table, §V.B, §V.C), with the calendar's
 *   age cut-off and document deadline;
 * - first-time enrollees aged 13+ are advised to take ALS; formal placement needs a reason (§V.A);
 * - late enrollment: 80% of the prescribed days still attendable, else the head's approval with a
 *   catch-up plan (§V.D); a date of enrolment more than 7 days before the day it is entered needs
 *   the head's approval too; entered by anyone else, such an enrolment awaits it (issue 21);
 * - ALS programs: a first date of attendance not later than the year's cut-off (ALS guide step 4).
 */
export function planEnrollment(input: EnrollmentPlanInput): EnrollmentPlan {
  const { calendar } = input;
  if (!parseSchoolYear(calendar.schoolYear)) {
    const eligibility = checkEligibility({
      ...input,
      basis: input.basis ?? AdmissionBasis.CONTINUING,
      schoolYear: calendar.schoolYear,
    });
    return refusedPlan([{ field: 'schoolYear', code: 'SCHOOL_YEAR_INVALID' }], eligibility);
  }
  // Malformed or impossible dates first: no rule is judged on a day that cannot be.
  const dateErrors = checkEnrollmentDates(input);
  const errors = [...dateErrors, ...offeringErrors(input)];
  if (dateErrors.length > 0) return refusedPlan(errors, eligibilityOf(input, false));

  const als = isAlsProgram(input.gradeLevel);
  const late = als ? null : lateness(input);
  const approval = als ? null : approvalNeed(input);
  const awaiting =
    approval !== null && !isApproved(input, approval) && Boolean(input.fileForApproval);
  if (als) errors.push(...alsFirstAttendanceErrors(input));
  else if (approval && !awaiting && !isApproved(input, approval))
    errors.push(approvalRefusal(approval));
  if (!input.basis && !als) errors.push({ field: 'admissionBasis', code: 'REQUIRED' });
  const eligibility = eligibilityOf(input, true);
  errors.push(...eligibilityErrors(input, eligibility));
  const status = awaiting ? EnrollmentStatus.AWAITING_APPROVAL : startingStatus(input, eligibility);
  return { errors, eligibility, status, late, approval };
}

/** The head approved it, with the catch-up plan a late enrolment needs (§V.D). */
function isApproved(input: EnrollmentPlanInput, need: ApprovalNeed): boolean {
  const given = input.lateApproval;
  return Boolean(given?.headApproved) && checkApproval(need, given?.catchUpPlan).length === 0;
}

export interface PreRegistrationInput {
  calendar: SchoolCalendar;
  school: SchoolOffering;
  gradeLevel: GradeLevel;
  strand?: Strand | null;
  categories: readonly string[];
  circumstances: readonly string[];
  registeredOn: string;
  today: string;
}

/**
 * Early registration (§V.A): incoming Kindergarten, Grades 1, 7 and 11, in the window from the last
 * Saturday of January to the last Friday of February. Out-of-school children and youth found in
 * the community register with their circumstances, whatever grade they would enter.
 */
export function checkPreRegistration(
  input: PreRegistrationInput,
  knownCircumstances: readonly string[],
): FieldError[] {
  // Malformed or impossible dates first: the window is not judged on a day that cannot be.
  const errors = checkGivenDates({ registeredOn: input.registeredOn }, input.today);
  const dateOk = errors.length === 0;
  if (!offersGrade(input.school, input.gradeLevel))
    errors.push({ field: 'gradeLevel', code: 'GRADE_NOT_OFFERED' });
  errors.push(...checkStrand(input.gradeLevel, input.strand));
  errors.push(...checkEnrollmentCategories(input.categories));
  const outOfSchool =
    input.categories.includes(LearnerCategory.OSC) ||
    input.categories.includes(LearnerCategory.OSY);
  if (
    !outOfSchool &&
    !isAlsProgram(input.gradeLevel) &&
    !isEarlyRegistrationGrade(input.gradeLevel, input.calendar.schoolYear)
  ) {
    errors.push({ field: 'gradeLevel', code: 'NOT_AN_EARLY_REGISTRATION_GRADE' });
  }
  if (input.circumstances.some((c) => !knownCircumstances.includes(c)))
    errors.push({ field: 'circumstances', code: 'CIRCUMSTANCE_UNKNOWN' });
  if (input.circumstances.length > 0 && !outOfSchool)
    errors.push({ field: 'circumstances', code: 'CIRCUMSTANCES_ONLY_FOR_OSC_OSY' });
  if (dateOk && !isInEarlyRegistrationWindow(input.calendar, input.registeredOn))
    errors.push({ field: 'registeredOn', code: 'OUTSIDE_EARLY_REGISTRATION_WINDOW' });
  return errors;
}

/** Whether a status counts as attending this school year (SPEC §7: the enrolled statuses). */
export function isActiveStatus(status: EnrollmentStatus): boolean {
  return (
    status === EnrollmentStatus.PRE_REGISTERED ||
    status === EnrollmentStatus.TEMPORARILY_ENROLLED ||
    status === EnrollmentStatus.OFFICIALLY_ENROLLED
  );
}
