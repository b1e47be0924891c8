import { type ApprovalNeed } from '@repo/domain/enrollment-approval';

/** Why an enrolment needs the school head's approval, in the words the head decides on (§V.D). */
export function approvalReasonWords(need: ApprovalNeed): string[] {
  return need.reasons.map((reason) =>
    reason === 'LATE_BELOW_ATTENDANCE_SHARE'
      ? `fewer than 80% of the school days remain from the learner’s start: ${need.remainingSchoolDays ?? '?'} of the ${need.requiredSchoolDays ?? '?'} needed (§V.D)`
      : `the date of enrolment is ${need.backdatedDays ?? '?'} days before the day it was entered (more than 7)`,
  );
}
