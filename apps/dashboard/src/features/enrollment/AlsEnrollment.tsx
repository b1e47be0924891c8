import { planEnrollment, type SchoolOffering } from '@repo/domain/enrollment';
import { type FieldError } from '@repo/domain/learner-profile';
import { type SchoolCalendar } from '@repo/domain/school-year';
import { gradeLabel } from '../labels.js';
import { defaultDates } from './default-dates.js';
import { type AlsProgram, alsPrograms, dayLabel } from './enrollment-labels.js';
import { EnrollmentFlow } from './EnrollmentFlow.js';
import { StepHeading } from './StepHeading.js';
import { DateField, SelectField, TextField } from './inputs.js';
import { type DetailsContext } from './useEnrollmentFlow.js';
import { useStepParam } from './useStepParam.js';

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

interface AlsYear {
  schoolYear: string;
  calendar: SchoolCalendar;
  today: string;
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
}: AlsYear & { facilitatorName: string }) {
  // Steps 1 and 2 here, the search and the form in the flow, each at its address (`?step=`).
  const [step, go] = useStepParam();
  const defaults = defaultDates(calendar, today);

  if (step === null || step === 'start') {
    return <AlsStart schoolYear={schoolYear} calendar={calendar} onStart={() => go('source')} />;
  }
  if (step === 'source') {
    return <AlsDataSource onContinue={() => go('search')} onBack={() => go('start')} />;
  }
  return (
    <EnrollmentFlow<AlsDetails>
      today={today}
      draftScreen={`als:${schoolYear}`}
      // The earlier of today and the cut-off (ALS guide step 4), so the dates as shown are accepted.
      initialDetails={{
        program: 'ALS_BLP',
        enrolledOn: defaults.alsEnrolledOn,
        firstAttendance: defaults.alsFirstAttendance,
        facilitatorName,
      }}
      ruleDates={(d) => ({ enrolledOn: d.enrolledOn, calendar, als: true })}
      liveFields={['firstAttendance', 'enrolledOn']}
      planErrors={(d, learner) => alsPlanErrors(d, learner, calendar, today)}
      toInput={(d) => ({
        schoolYear,
        gradeLevel: d.program,
        enrolledOn: d.enrolledOn,
        firstAttendance: d.firstAttendance,
        alsFacilitatorName: d.facilitatorName.trim(),
      })}
      renderDetails={(d, set, { errorOf }) => (
        <AlsDetailsFields
          d={d}
          set={set}
          errorOf={errorOf}
          year={{ schoolYear, calendar, today }}
        />
      )}
      onCancel={() => go('start')}
    />
  );
}

/** The domain's plan of an ALS enrollment at a learning center, and the facilitator required. */
function alsPlanErrors(
  d: AlsDetails,
  { birthDate, birthDocumentOnFile }: Omit<DetailsContext, 'errorOf'>,
  calendar: SchoolCalendar,
  today: string,
): FieldError[] {
  return planEnrollment({
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
  );
}

/** Guide step 1: the year's ALS page, its cut-off, and Enrol Learner. */
function AlsStart({
  schoolYear,
  calendar,
  onStart,
}: {
  schoolYear: string;
  calendar: SchoolCalendar;
  onStart: () => void;
}) {
  const cutoff = calendar.overrides?.alsFirstAttendanceCutoff ?? null;
  return (
    <section aria-labelledby="als-start-heading" className="enroll-step">
      <h2 id="als-start-heading">ALS learners, SY {schoolYear}</h2>
      <p>
        Enrol learners of the Alternative Learning System at your community learning center. The
        first date of attendance must not be later than{' '}
        {cutoff ? <strong>{dayLabel(cutoff)}</strong> : 'the cut-off the administrator sets'} this
        school year.
      </p>
      <button type="button" onClick={onStart}>
        Enrol Learner
      </button>
    </section>
  );
}

/** Guide step 2: the data source confirmed (Continue) before any search. */
function AlsDataSource({ onContinue, onBack }: { onContinue: () => void; onBack: () => void }) {
  return (
    <section aria-labelledby="als-source-heading" className="enroll-step">
      <StepHeading id="als-source-heading">Confirm the data source</StepHeading>
      <p>
        The learner’s record comes from DepEd’s learner registry (one record and one LRN per learner
        for life, DO 03 s. 2018 §VI), and what you type is saved to it under your account. Use the
        learner’s own documents or the Basic Education Enrollment Form as the source.
      </p>
      <div className="enroll-actions">
        <button type="button" onClick={onContinue}>
          Continue
        </button>
        <button type="button" className="enroll-secondary" onClick={onBack}>
          Back
        </button>
      </div>
    </section>
  );
}

/** Guide step 4: the program, the dates with the cut-off named in their hints, the facilitator. */
function AlsDetailsFields({
  d,
  set,
  errorOf,
  year: { schoolYear, calendar, today },
}: {
  d: AlsDetails;
  set: (next: AlsDetails) => void;
  errorOf: DetailsContext['errorOf'];
  year: AlsYear;
}) {
  const cutoff = calendar.overrides?.alsFirstAttendanceCutoff ?? null;
  // Before classes open no first attendance can be recorded yet (none may be after today).
  const beforeClasses = today < calendar.openingDay;
  return (
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
  );
}
