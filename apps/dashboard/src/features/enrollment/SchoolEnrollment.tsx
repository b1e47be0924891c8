import { type SchoolCalendar } from '@repo/domain/school-year';
import { EnrollmentFlow } from './EnrollmentFlow.js';
import {
  emptySchoolDetails,
  type PlanSetting,
  planSchoolEnrollment,
  type SchoolDetails,
  toSchoolEnrollInput,
  toSchoolOffering,
} from './school-details.js';
import { SchoolEnrollmentDetails } from './SchoolEnrollmentDetails.js';

/**
 * Enrollment at a school (SPEC §4.3, §4.4), search first like the ALS guide: grade, strand,
 * admission basis and a documents checklist decided live by `planEnrollment`, the same pure
 * function the API runs, with the resulting status and the documents' due date shown before saving.
 */
export function SchoolEnrollment({
  schoolYear,
  calendar,
  levelsOffered,
  today,
  onCancel,
  learnerId = null,
  approver = false,
}: {
  /** The school head: a late or backdated enrolment is approved by entering it (§V.D). */
  approver?: boolean;
  /** A pre-registered learner opened from the class list. */
  learnerId?: string | null;
  schoolYear: string;
  calendar: SchoolCalendar;
  levelsOffered: readonly string[];
  today: string;
  onCancel: () => void;
}) {
  const setting: PlanSetting = {
    calendar,
    school: toSchoolOffering(levelsOffered),
    today,
    approver,
  };
  return (
    <EnrollmentFlow<SchoolDetails>
      today={today}
      onCancel={onCancel}
      learnerId={learnerId}
      initialDetails={emptySchoolDetails(calendar, today)}
      liveFields={['enrolledOn', 'firstAttendance', 'strand', 'admissionBasis', 'placementReason']}
      ruleDates={(d) => ({ enrolledOn: d.enrolledOn, calendar })}
      planErrors={(d, learner) =>
        d.gradeLevel
          ? // Whether the school head approves is the API's to check: the form only needs the plan.
            (planSchoolEnrollment(d, setting, learner)?.errors ?? [])
          : [{ field: 'gradeLevel', code: 'REQUIRED' }]
      }
      toInput={(d) => toSchoolEnrollInput(d, schoolYear)}
      // A pre-registered learner's form is kept apart from the one a search starts.
      draftScreen={`school:${schoolYear}${learnerId ? `:learner:${learnerId}` : ''}`}
      renderDetails={(d, set, context) => (
        <SchoolEnrollmentDetails
          d={d}
          set={set}
          context={context}
          setting={setting}
          schoolYear={schoolYear}
        />
      )}
    />
  );
}
