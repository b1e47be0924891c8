import { daysBetween } from './civil-date.js';
import { ApprovalReason } from './enums.js';
import { type FieldError } from './learner-profile.js';
import { type SchoolCalendar } from './school-year.js';
import { checkLateEnrollment } from './status.js';

/**
 * A date of enrolment at most this many days before the day it is entered is the registrar
 * catching up with the week's paper forms; earlier, it needs the school head's approval (issue 21):
 * otherwise moving the date back past the opening day dodges the 80% rule of §V.D.
 */
export const backdatingAllowanceDays = 7;

/** Why an enrolment needs the school head's approval, with the figures the head decides on. */
export interface ApprovalNeed {
  reasons: ApprovalReason[];
  /** §V.D: school days left from the learner's start to the last day of classes; null if not late. */
  remainingSchoolDays: number | null;
  /** §V.D: 80% of the prescribed school days; null if not late. */
  requiredSchoolDays: number | null;
  /** Days from the date of enrolment to the day it was entered; null when that day is not known. */
  backdatedDays: number | null;
}

export interface ApprovalQuestion {
  calendar: SchoolCalendar;
  /** The date of enrolment, a real day within the school year (checked before). */
  enrolledOn: string;
  /** The first date of attendance, when known: lateness is judged on the day the learner starts. */
  firstAttendance?: string | null;
  /**
   * The day the enrolment is entered (the app's today); omitted when judging an enrolment entered
   * earlier (a first attendance recorded later), whose date was judged then.
   */
  enteredOn?: string | null;
  /** Arriving from another school during the year (§V.E): not a late enrolment. */
  movedIn?: boolean;
}

/**
 * Whether an enrolment needs the school head's approval, and why (DO 03 s. 2018 §V.D; issue 21):
 * - the learner starts (first attendance, else the enrolment day) after the opening day with fewer
 *   than 80% of the prescribed school days left: "the school head may exercise his/her discretion
 *   to accept the enrollee and implement catch-up activities";
 * - the date of enrolment lies more than 7 days before the day it is entered, while the year is
 *   open (entered by its last day of classes): the same approval, so that a date moved back does
 *   not slip past the 80% rule. An enrolment entered after the year closed records a year no
 *   learner can still attend or catch up in: no approval of §V.D fits it, and it is not judged so.
 * Null when neither holds.
 */
export function approvalNeed(question: ApprovalQuestion): ApprovalNeed | null {
  const { calendar } = question;
  const need: ApprovalNeed = {
    reasons: [],
    remainingSchoolDays: null,
    requiredSchoolDays: null,
    backdatedDays: null,
  };
  const start = question.firstAttendance ?? question.enrolledOn;
  if (!question.movedIn && start > calendar.openingDay && start <= calendar.closingDay) {
    const late = checkLateEnrollment(calendar, start);
    if (!late.ok) {
      need.reasons.push(ApprovalReason.LATE_BELOW_ATTENDANCE_SHARE);
      need.remainingSchoolDays = late.remainingSchoolDays;
      need.requiredSchoolDays = late.requiredSchoolDays;
    }
  }
  if (question.enteredOn && question.enteredOn <= calendar.closingDay) {
    need.backdatedDays = daysBetween(question.enrolledOn, question.enteredOn);
    if (need.backdatedDays > backdatingAllowanceDays) need.reasons.push(ApprovalReason.BACKDATED);
  }
  return need.reasons.length > 0 ? need : null;
}

/** §V.D: a late enrolment is accepted "and catch-up activities" implemented: the plan is required. */
export function needsCatchUpPlan(need: ApprovalNeed): boolean {
  return need.reasons.includes(ApprovalReason.LATE_BELOW_ATTENDANCE_SHARE);
}

/**
 * The school head's approval of an enrolment that needs it (§V.D): with a catch-up plan when the
 * learner is late by the 80% rule; a backdated enrolment alone needs the approval, not a plan.
 */
export function checkApproval(
  need: ApprovalNeed,
  catchUpPlan: string | null | undefined,
): FieldError[] {
  return needsCatchUpPlan(need) && !catchUpPlan?.trim()
    ? [{ field: 'catchUpPlan', code: 'CATCH_UP_PLAN_REQUIRED' }]
    : [];
}

/** The school head declines with a reason the registrar reads (§V.D: the head's discretion). */
export function checkDecline(reason: string | null | undefined): FieldError[] {
  return reason?.trim() ? [] : [{ field: 'reason', code: 'REQUIRED' }];
}

/**
 * The refusal of an enrolment that needs approval and has none, for whoever cannot file it for the
 * head: the late rule's own code when the learner is late (the plan is then needed too).
 */
export function approvalRefusal(need: ApprovalNeed): FieldError {
  return {
    field: 'lateApproval',
    code: needsCatchUpPlan(need)
      ? 'HEAD_APPROVAL_AND_CATCH_UP_PLAN_REQUIRED'
      : 'BACKDATED_NEEDS_HEAD_APPROVAL',
  };
}
