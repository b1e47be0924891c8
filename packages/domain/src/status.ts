import { EnrollmentStatus, GradeLevel } from './enums.js';
import { rulesFor } from './editions.js';
import { policyDates, type SchoolCalendar, schoolDaysBetween } from './school-year.js';

/**
 * Official or temporary (DO 03 s. 2018 §V.B, §V.C): only a learner with a first date of attendance
 * and complete documents is officially enrolled; attending with documents missing is temporary;
 * without a first date of attendance the learner is pre-registered (§IV.b).
 */
export function toEnrollmentStatus(
  firstAttendance: string | null,
  documentsComplete: boolean,
): EnrollmentStatus {
  if (!firstAttendance) return EnrollmentStatus.PRE_REGISTERED;
  return documentsComplete
    ? EnrollmentStatus.OFFICIALLY_ENROLLED
    : EnrollmentStatus.TEMPORARILY_ENROLLED;
}

/** What a temporary status withholds until the documents are in (§V.C). */
export interface StatusPermissions {
  canBePromoted: boolean;
  canGraduate: boolean;
  canReceiveHonors: boolean;
  /** SF9, SF10, certificate of completion, diploma. */
  canReleaseRecords: boolean;
  /** A Temporary Progress Report Card instead of the SF9 (§V.C, Annex 4). */
  getsTemporaryReportCard: boolean;
}

export function permissionsOf(status: EnrollmentStatus): StatusPermissions {
  const official = status === EnrollmentStatus.OFFICIALLY_ENROLLED;
  return {
    canBePromoted: official,
    canGraduate: official,
    canReceiveHonors: official,
    canReleaseRecords: official,
    getsTemporaryReportCard: status === EnrollmentStatus.TEMPORARILY_ENROLLED,
  };
}

/**
 * Allowed status changes within a school year (§V.B-§V.E). A dropped-out learner who returns is
 * enrolled again as Balik-Aral (§IV.l), a new enrollment rather than a change of this one. An
 * enrolment awaiting the school head's approval (§V.D) becomes what it would have been, or declined.
 */
export const statusTransitions: Record<EnrollmentStatus, readonly EnrollmentStatus[]> = {
  PRE_REGISTERED: ['TEMPORARILY_ENROLLED', 'OFFICIALLY_ENROLLED', 'MOVED_OUT', 'DROPPED_OUT'],
  TEMPORARILY_ENROLLED: ['OFFICIALLY_ENROLLED', 'MOVED_OUT', 'TRANSFERRED_TO_ALS', 'DROPPED_OUT'],
  OFFICIALLY_ENROLLED: ['MOVED_OUT', 'TRANSFERRED_TO_ALS', 'DROPPED_OUT'],
  MOVED_OUT: [],
  TRANSFERRED_TO_ALS: [],
  DROPPED_OUT: [],
  AWAITING_APPROVAL: ['PRE_REGISTERED', 'TEMPORARILY_ENROLLED', 'OFFICIALLY_ENROLLED', 'DECLINED'],
  DECLINED: [],
};

export function canChangeStatus(from: EnrollmentStatus, to: EnrollmentStatus): boolean {
  return statusTransitions[from].includes(to);
}

/** §V.E: a learner who transfers to ALS is not a school leaver. */
export function isSchoolLeaver(status: EnrollmentStatus): boolean {
  return status === EnrollmentStatus.DROPPED_OUT;
}

export type LateEnrollment =
  | {
      ok: true;
      code: 'ON_TIME' | 'LATE_ATTENDABLE';
      remainingSchoolDays: number;
      requiredSchoolDays: number;
    }
  | {
      ok: false;
      code: 'HEAD_APPROVAL_AND_CATCH_UP_PLAN_REQUIRED';
      remainingSchoolDays: number;
      requiredSchoolDays: number;
    };

/**
 * Late enrollment (§V.D): accepted while the learner can still attend 80% of the prescribed school
 * days; after that only at the school head's discretion, with catch-up activities.
 */
export function checkLateEnrollment(
  calendar: SchoolCalendar,
  firstAttendance: string,
  approval?: { headApproved: boolean; catchUpPlan: string | null },
):
  | LateEnrollment
  | { ok: true; code: 'LATE_APPROVED'; remainingSchoolDays: number; requiredSchoolDays: number } {
  const rules = rulesFor(calendar.schoolYear);
  const share = rules?.lateEnrollmentAttendanceShare ?? 0.8;
  const requiredSchoolDays = Math.ceil(calendar.prescribedSchoolDays * share);
  const remainingSchoolDays = schoolDaysBetween(calendar, firstAttendance, calendar.closingDay);
  const days = { remainingSchoolDays, requiredSchoolDays };
  if (firstAttendance <= calendar.openingDay) return { ok: true, code: 'ON_TIME', ...days };
  if (remainingSchoolDays >= requiredSchoolDays)
    return { ok: true, code: 'LATE_ATTENDABLE', ...days };
  if (approval?.headApproved && approval.catchUpPlan?.trim())
    return { ok: true, code: 'LATE_APPROVED', ...days };
  return { ok: false, code: 'HEAD_APPROVAL_AND_CATCH_UP_PLAN_REQUIRED', ...days };
}

/**
 * A move during the year (§V.E): the origin's enrollment becomes moved out, the receiving school's
 * moved in; between the first Friday of classes and 31 March it also counts as transferred out and
 * in (§IV.h, §IV.i). The receiving school needs the latest SF9, else the learner is temporary.
 */
export function classifyMove(
  calendar: SchoolCalendar,
  moveDate: string,
  sf9Submitted: boolean,
): { transferred: boolean; receivingStatus: EnrollmentStatus } {
  const dates = policyDates(calendar);
  return {
    transferred: moveDate >= dates.transferWindowStart && moveDate <= dates.transferWindowEnd,
    receivingStatus: sf9Submitted
      ? EnrollmentStatus.OFFICIALLY_ENROLLED
      : EnrollmentStatus.TEMPORARILY_ENROLLED,
  };
}

/** What a transfer to ALS must record on the SF1 (§V.E). */
export interface AlsTransfer {
  effectiveOn: string;
  program: GradeLevel;
  facilitatorName: string;
}

export function checkAlsTransfer(
  transfer: Partial<AlsTransfer>,
): { field: string; code: string }[] {
  const errors: { field: string; code: string }[] = [];
  if (!transfer.effectiveOn) errors.push({ field: 'effectiveOn', code: 'REQUIRED' });
  const programs: readonly string[] = [
    GradeLevel.ALS_BLP,
    GradeLevel.ALS_AE_ELEMENTARY,
    GradeLevel.ALS_AE_SECONDARY,
  ];
  if (!transfer.program || !programs.includes(transfer.program))
    errors.push({ field: 'program', code: 'NOT_AN_ALS_PROGRAM' });
  if (!transfer.facilitatorName?.trim())
    errors.push({ field: 'facilitatorName', code: 'REQUIRED' });
  return errors;
}

/**
 * ALS guide step 4: the first date of attendance must not be later than the school year's ALS
 * cut-off, which the administrator sets per year.
 */
export function checkAlsFirstAttendance(
  calendar: SchoolCalendar,
  firstAttendance: string,
):
  | { ok: true }
  | { ok: false; code: 'ALS_CUTOFF_NOT_SET' | 'AFTER_ALS_CUTOFF'; cutoff: string | null } {
  const cutoff = policyDates(calendar).alsFirstAttendanceCutoff;
  if (!cutoff) return { ok: false, code: 'ALS_CUTOFF_NOT_SET', cutoff: null };
  return firstAttendance <= cutoff ? { ok: true } : { ok: false, code: 'AFTER_ALS_CUTOFF', cutoff };
}
