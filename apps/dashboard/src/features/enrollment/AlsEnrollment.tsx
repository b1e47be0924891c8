import { planEnrollment, type SchoolOffering } from '@repo/domain/enrollment';
import { type SchoolCalendar } from '@repo/domain/school-year';
import { useState } from 'react';
import { gradeLabel } from '../labels.js';
import { defaultDates } from './default-dates.js';
import { type AlsProgram, alsPrograms, dayLabel } from './enrollment-labels.js';
import { EnrollmentFlow } from './EnrollmentFlow.js';
import { StepHeading } from './StepHeading.js';
import { DateField, SelectField, TextField } from './inputs.js';

/** An ALS community learning center offers the ALS programs only. */
const learningCenter: SchoolOffering = {
  offersKinder: false,
  offersElementary: false,
  offersJuniorHigh: false,
  offersSeniorHigh: false,
  isAlsLearningCenter: true,
};

interface AlsDetails {
  program: AlsProgram;
  enrolledOn: string;
  firstAttendance: string;
  facilitatorName: string;
}

/**
 * ALS enrollment exactly as DepEd's guide has it (SPEC §4.1): Enrol Learner → confirm the data
 * source (Continue) → Search by Name / Search by LRN → 3a new record or 3b Preview → the profile
 * and the first date of attendance, checked against the year's ALS cut-off as it is typed → Enrol
 * → "Enrolment Added".
 */
export function AlsEnrollment({
  schoolYear,
  calendar,
  today,
  facilitatorName,
}: {
  schoolYear: string;
  calendar: SchoolCalendar;
  today: string;
  facilitatorName: string;
}) {
  const [step, setStep] = useState<'start' | 'source' | 'flow'>('start');
  const cutoff = calendar.overrides?.alsFirstAttendanceCutoff ?? null;
  const defaults = defaultDates(calendar, today);
  // Before classes open no first attendance can be recorded yet (none may be after today).
  const beforeClasses = today < calendar.openingDay;

  if (step === 'start') {
    return (
      <section aria-labelledby="als-start-heading" className="enroll-step">
        <h2 id="als-start-heading">ALS learners, SY {schoolYear}</h2>
        <p>
          Enrol learners of the Alternative Learning System at your community learning center. The
          first date of attendance must not be later than{' '}
          {cutoff ? <strong>{dayLabel(cutoff)}</strong> : 'the cut-off the administrator sets'} this
          school year.
        </p>
        <button type="button" onClick={() => setStep('source')}>
          Enrol Learner
        </button>
      </section>
    );
  }

  if (step === 'source') {
    return (
      <section aria-labelledby="als-source-heading" className="enroll-step">
        <StepHeading id="als-source-heading">Confirm the data source</StepHeading>
        <p>
          The learner’s record comes from DepEd’s learner registry (one record and one LRN per
          learner for life, DO 03 s. 2018 §VI), and what you type is saved to it under your account.
          Use the learner’s own documents or the Basic Education Enrollment Form as the source.
        </p>
        <div className="enroll-actions">
          <button type="button" onClick={() => setStep('flow')}>
            Continue
          </button>
          <button type="button" className="enroll-secondary" onClick={() => setStep('start')}>
            Back
          </button>
        </div>
      </section>
    );
  }

  return (
    <EnrollmentFlow<AlsDetails>
      today={today}
      // The earlier of today and the cut-off (ALS guide step 4), so the dates as shown are accepted.
      initialDetails={{
        program: 'ALS_BLP',
        enrolledOn: defaults.alsEnrolledOn,
        firstAttendance: defaults.alsFirstAttendance,
        facilitatorName,
      }}
      ruleDates={(d) => ({ enrolledOn: d.enrolledOn, calendar, als: true })}
      liveFields={['firstAttendance', 'enrolledOn']}
      planErrors={(d, { birthDate, birthDocumentOnFile }) =>
        planEnrollment({
          calendar,
          school: learningCenter,
          gradeLevel: d.program,
          basis: null,
          birthDate,
          firstTimeEnrollee: false,
          documents: [],
          birthDocumentOnFile,
          categories: [],
          enrolledOn: d.enrolledOn,
          firstAttendance: d.firstAttendance || null,
          today,
        }).errors.concat(
          d.facilitatorName.trim() ? [] : [{ field: 'alsFacilitatorName', code: 'REQUIRED' }],
        )
      }
      toInput={(d, learnerId) => ({
        learnerId,
        schoolYear,
        gradeLevel: d.program,
        enrolledOn: d.enrolledOn,
        firstAttendance: d.firstAttendance,
        alsFacilitatorName: d.facilitatorName.trim(),
      })}
      renderDetails={(d, set, { errorOf }) => (
        <fieldset className="enroll-fieldset">
          <legend>ALS enrolment, SY {schoolYear}</legend>
          <SelectField
            label="ALS program"
            value={d.program}
            onChange={(program) => set({ ...d, program })}
            options={alsPrograms.map((g) => [g, gradeLabel[g]] as const)}
            error={errorOf('gradeLevel')}
            placeholder={null}
          />
          <DateField
            label="Date of enrolment"
            value={d.enrolledOn}
            onChange={(enrolledOn) => set({ ...d, enrolledOn })}
            error={errorOf('enrolledOn')}
            hint={
              cutoff && today > cutoff
                ? `The ALS cut-off, ${dayLabel(cutoff)}, has passed: an enrolment in this school year is dated on or before it`
                : undefined
            }
          />
          <DateField
            label="First date of attendance"
            required
            value={d.firstAttendance}
            onChange={(firstAttendance) => set({ ...d, firstAttendance })}
            error={errorOf('firstAttendance')}
            hint={
              beforeClasses
                ? `Classes open on ${dayLabel(calendar.openingDay)}: the first attendance is recorded from then, not later than ${cutoff ? dayLabel(cutoff) : 'the ALS cut-off'}`
                : cutoff
                  ? `Not later than ${dayLabel(cutoff)}, this school year’s ALS cut-off, nor before the date of enrolment`
                  : undefined
            }
          />
          <TextField
            label="ALS facilitator"
            value={d.facilitatorName}
            onChange={(facilitatorName) => set({ ...d, facilitatorName })}
            error={errorOf('alsFacilitatorName')}
          />
        </fieldset>
      )}
      onCancel={() => setStep('start')}
    />
  );
}
