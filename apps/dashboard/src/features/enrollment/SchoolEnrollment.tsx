import { basisRules } from '@repo/domain/documents';
import {
  isAlsProgram,
  offersGrade,
  planEnrollment,
  type SchoolOffering,
} from '@repo/domain/enrollment';
import {
  AdmissionBasis,
  type DocumentType,
  type GradeLevel,
  LearnerCategory,
  type Strand,
} from '@repo/domain/enums';
import { type SchoolCalendar } from '@repo/domain/school-year';
import { gradeLabel, gradeOrder, statusLabel } from '../labels.js';
import { defaultDates } from './default-dates.js';
import { basisLabel, documentLabel, strandOptions } from './enrollment-labels.js';
import { EnrollmentFlow } from './EnrollmentFlow.js';
import { Field } from './Field.js';
import { CheckboxList, DateField, SelectField } from './inputs.js';

interface SchoolDetails {
  gradeLevel: GradeLevel | '';
  strand: Strand | '';
  admissionBasis: AdmissionBasis | '';
  firstTimeEnrollee: boolean;
  categories: LearnerCategory[];
  documents: DocumentType[];
  enrolledOn: string;
  firstAttendance: string;
  placementReason: string;
  catchUpPlan: string;
}

const birthDocuments: readonly DocumentType[] = [
  'PSA_BIRTH_CERTIFICATE',
  'LCR_BIRTH_CERTIFICATE',
  'BARANGAY_CERTIFICATION',
];
const enrollmentCategories = [LearnerCategory.BALIK_ARAL, LearnerCategory.OSY, LearnerCategory.OSC];
const categoryNames: Partial<Record<LearnerCategory, string>> = {
  BALIK_ARAL: 'Balik-Aral (returning after a year or more)',
  OSY: 'Out-of-school youth (OSY)',
  OSC: 'Out-of-school child (OSC)',
};

/** What the school offers, from the levels DepEd lists for it (SPEC §2). */
export function toSchoolOffering(levels: readonly string[]): SchoolOffering {
  return {
    offersKinder: levels.includes('KINDERGARTEN'),
    offersElementary: levels.includes('ELEMENTARY'),
    offersJuniorHigh: levels.includes('JUNIOR_HIGH'),
    offersSeniorHigh: levels.includes('SENIOR_HIGH'),
    isAlsLearningCenter: false,
  };
}

/** The documents one admission path asks for (§V.A table and special cases), each once. */
function checklistOf(basis: AdmissionBasis | ''): DocumentType[] {
  if (!basis) return [];
  const plan = basisRules[basis].plan;
  const documents = [...plan.atEnrollment, ...plan.duringYear].flatMap((r) => r.anyOf);
  if (basis === AdmissionBasis.TRANSFEREE) documents.push('AFFIDAVIT_OF_UNDERTAKING');
  return [...new Set(documents)];
}

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
}: {
  /** A pre-registered learner opened from the class list. */
  learnerId?: string | null;
  schoolYear: string;
  calendar: SchoolCalendar;
  levelsOffered: readonly string[];
  today: string;
  onCancel: () => void;
}) {
  const school = toSchoolOffering(levelsOffered);
  const grades = gradeOrder.filter((g) => !isAlsProgram(g) && offersGrade(school, g));

  const plan = (d: SchoolDetails, birthDate: string, birthDocumentOnFile: boolean) =>
    d.gradeLevel
      ? planEnrollment({
          calendar,
          school,
          gradeLevel: d.gradeLevel,
          strand: d.strand || null,
          basis: d.admissionBasis || null,
          birthDate,
          firstTimeEnrollee: d.firstTimeEnrollee,
          documents: d.documents,
          birthDocumentOnFile,
          categories: d.categories,
          enrolledOn: d.enrolledOn,
          firstAttendance: d.firstAttendance || null,
          placementReason: d.placementReason || null,
          lateApproval: d.catchUpPlan.trim()
            ? { headApproved: true, catchUpPlan: d.catchUpPlan.trim() }
            : null,
          today,
        })
      : null;

  return (
    <EnrollmentFlow<SchoolDetails>
      today={today}
      onCancel={onCancel}
      learnerId={learnerId}
      initialDetails={{
        gradeLevel: '',
        strand: '',
        admissionBasis: '',
        firstTimeEnrollee: false,
        categories: [],
        documents: [],
        // Today, or the year's last day of classes when a year already closed is chosen.
        enrolledOn: defaultDates(calendar, today).enrolledOn,
        firstAttendance: '',
        placementReason: '',
        catchUpPlan: '',
      }}
      liveFields={['enrolledOn', 'firstAttendance', 'strand', 'admissionBasis', 'placementReason']}
      ruleDates={(d) => ({ enrolledOn: d.enrolledOn, calendar })}
      planErrors={(d, { birthDate, birthDocumentOnFile }) =>
        d.gradeLevel
          ? // Whether the school head approves is the API's to check: the form only needs the plan.
            (plan(d, birthDate, birthDocumentOnFile)?.errors ?? [])
          : [{ field: 'gradeLevel', code: 'REQUIRED' }]
      }
      toInput={(d, learnerId) => ({
        learnerId,
        schoolYear,
        gradeLevel: d.gradeLevel as GradeLevel,
        strand: d.strand || null,
        admissionBasis: d.admissionBasis || null,
        firstTimeEnrollee: d.firstTimeEnrollee,
        categories: d.categories,
        documents: d.documents,
        enrolledOn: d.enrolledOn,
        firstAttendance: d.firstAttendance || null,
        placementReason: d.placementReason.trim() || null,
        lateApproval: d.catchUpPlan.trim() ? { catchUpPlan: d.catchUpPlan.trim() } : null,
      })}
      renderDetails={(d, set, { errorOf, birthDate, birthDocumentOnFile }) => {
        const result = plan(d, birthDate, birthDocumentOnFile);
        const eligibility = result?.eligibility;
        const bases = d.gradeLevel
          ? Object.values(AdmissionBasis).filter((b) =>
              basisRules[b].grades.includes(d.gradeLevel as GradeLevel),
            )
          : [];
        const checklist = checklistOf(d.admissionBasis);
        const senior = d.gradeLevel === 'GRADE_11' || d.gradeLevel === 'GRADE_12';
        const late = result?.errors.some((e) => e.field === 'lateApproval') || d.catchUpPlan;
        return (
          <>
            <fieldset className="enroll-fieldset">
              <legend>Enrolment, SY {schoolYear}</legend>
              <SelectField
                label="Grade level"
                value={d.gradeLevel}
                onChange={(gradeLevel) =>
                  set({ ...d, gradeLevel, admissionBasis: '', documents: [], strand: '' })
                }
                options={grades.map((g) => [g, gradeLabel[g]] as const)}
                error={errorOf('gradeLevel')}
              />
              {senior ? (
                <SelectField
                  label="Strand"
                  value={d.strand}
                  onChange={(strand) => set({ ...d, strand })}
                  options={strandOptions}
                  error={errorOf('strand')}
                />
              ) : null}
              <SelectField
                label="Admission basis"
                value={d.admissionBasis}
                disabled={!d.gradeLevel}
                onChange={(admissionBasis) => set({ ...d, admissionBasis, documents: [] })}
                options={bases.map((b) => [b, basisLabel[b]] as const)}
                error={errorOf('admissionBasis')}
              />
              <label className="enroll-check">
                <input
                  type="checkbox"
                  checked={d.firstTimeEnrollee}
                  onChange={(e) => set({ ...d, firstTimeEnrollee: e.target.checked })}
                />
                Enrolling in basic education for the first time
              </label>
              {errorOf('firstTimeEnrollee') ? (
                <p className="enroll-field__error">{errorOf('firstTimeEnrollee')}</p>
              ) : null}
              <CheckboxList
                nested
                legend="This year the learner is"
                values={enrollmentCategories}
                selected={d.categories}
                onChange={(categories) => set({ ...d, categories })}
                labelOf={(c) => categoryNames[c]}
              />
              <DateField
                label="Date of enrolment"
                value={d.enrolledOn}
                onChange={(enrolledOn) => set({ ...d, enrolledOn })}
                error={errorOf('enrolledOn')}
              />
              <DateField
                label="First date of attendance"
                value={d.firstAttendance}
                onChange={(firstAttendance) => set({ ...d, firstAttendance })}
                error={errorOf('firstAttendance')}
                hint="Leave empty until the learner attends: the LRN is issued on that day."
              />
            </fieldset>

            {checklist.length > 0 ? (
              <CheckboxList
                legend="Documents handed in"
                values={checklist}
                selected={d.documents}
                onChange={(documents) => set({ ...d, documents })}
                labelOf={(doc) =>
                  birthDocuments.includes(doc) && birthDocumentOnFile
                    ? `${documentLabel[doc]} (a birth document is already on file)`
                    : documentLabel[doc]
                }
                error={errorOf('documents')}
              />
            ) : null}

            {eligibility?.recommendation === 'ALS' ? (
              <div className="enroll-warning" role="note">
                <p>
                  <strong>ALS is recommended.</strong> A first-time enrollee aged{' '}
                  {eligibility.ageOnCutoff ?? '13 or above'} is advised to take the Alternative
                  Learning System (§V.A). A formal grade needs a stated reason.
                </p>
                <Field label="Reason for a formal grade" error={errorOf('placementReason')}>
                  {(p) => (
                    <textarea
                      {...p}
                      rows={2}
                      value={d.placementReason}
                      onChange={(e) => set({ ...d, placementReason: e.target.value })}
                    />
                  )}
                </Field>
              </div>
            ) : null}

            {late ? (
              <Field
                label="Late enrolment approval"
                error={errorOf('lateApproval')}
                hint="Less than 80% of the school days remain (§V.D): the school head approves with a catch-up plan."
              >
                {(p) => (
                  <textarea
                    {...p}
                    rows={2}
                    value={d.catchUpPlan}
                    onChange={(e) => set({ ...d, catchUpPlan: e.target.value })}
                  />
                )}
              </Field>
            ) : null}

            {result && eligibility ? (
              <section aria-labelledby="plan-heading" aria-live="polite" className="enroll-plan">
                <h3 id="plan-heading">What saving will do</h3>
                <dl className="enroll-facts">
                  <dt>Status on saving</dt>
                  <dd data-testid="plan-status">{statusLabel[result.status]}</dd>
                  {eligibility.resultingStatus && !d.firstAttendance ? (
                    <>
                      <dt>On the first date of attendance</dt>
                      <dd>{statusLabel[eligibility.resultingStatus]}</dd>
                    </>
                  ) : null}
                  <dt>Documents missing</dt>
                  <dd>
                    {eligibility.missingDocuments.length > 0
                      ? eligibility.missingDocuments.map((x) => documentLabel[x]).join(', ')
                      : 'None'}
                  </dd>
                  {eligibility.documentsDueBy && eligibility.missingDocuments.length > 0 ? (
                    <>
                      <dt>Due by</dt>
                      <dd>{eligibility.documentsDueBy}</dd>
                    </>
                  ) : null}
                  {eligibility.documentsDuringYear.length > 0 ? (
                    <>
                      <dt>May follow during the year</dt>
                      <dd>
                        {eligibility.documentsDuringYear.map((x) => documentLabel[x]).join(', ')}
                      </dd>
                    </>
                  ) : null}
                </dl>
              </section>
            ) : null}
          </>
        );
      }}
    />
  );
}
