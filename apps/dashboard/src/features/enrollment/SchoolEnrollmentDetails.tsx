import { isAlsProgram, offersGrade } from '@repo/domain/enrollment';
import { type ApprovalNeed, needsCatchUpPlan } from '@repo/domain/enrollment-approval';
import { type DocumentType, LearnerCategory } from '@repo/domain/enums';
import { approvalReasonWords } from '../approvals/approval-words.js';
import { gradeLabel, gradeOrder, statusLabel } from '../labels.js';
import { basisLabel, documentLabel, strandOptions } from './enrollment-labels.js';
import { Field } from './Field.js';
import { CheckboxList, DateField, SelectField } from './inputs.js';
import {
  basesFor,
  checklistOf,
  type PlanSetting,
  planSchoolEnrollment,
  type SchoolDetails,
  type SchoolPlan,
} from './school-details.js';
import { type DetailsContext } from './useEnrollmentFlow.js';

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

interface SectionProps {
  d: SchoolDetails;
  set: (next: SchoolDetails) => void;
  errorOf: DetailsContext['errorOf'];
}

/**
 * The school's part of the form: placement, the documents checklist, the ALS advice, and for a
 * late or backdated enrolment the head's approval (the head's own form) or the notice that it goes
 * to the head (anyone else's), and what saving will do, all decided live by the plan.
 */
export function SchoolEnrollmentDetails({
  d,
  set,
  context,
  setting,
  schoolYear,
}: {
  d: SchoolDetails;
  set: (next: SchoolDetails) => void;
  context: DetailsContext;
  setting: PlanSetting;
  schoolYear: string;
}) {
  const { errorOf, birthDate, birthDocumentOnFile } = context;
  const result = planSchoolEnrollment(d, setting, { birthDate, birthDocumentOnFile });
  const eligibility = result?.eligibility;
  const checklist = checklistOf(d.admissionBasis);
  const approval = result?.approval ?? null;
  const late =
    setting.approver &&
    (result?.errors.some((e) => e.field === 'lateApproval') ||
      d.catchUpPlan ||
      (approval && needsCatchUpPlan(approval)));
  return (
    <>
      <PlacementFields
        d={d}
        set={set}
        errorOf={errorOf}
        setting={setting}
        schoolYear={schoolYear}
      />
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
        <AlsAdvice d={d} set={set} errorOf={errorOf} ageOnCutoff={eligibility.ageOnCutoff} />
      ) : null}
      {late ? <LateApproval d={d} set={set} errorOf={errorOf} /> : null}
      {approval && !late ? <ApprovalNotice need={approval} approver={setting.approver} /> : null}
      {result && eligibility ? (
        <PlanSummary
          status={result.status}
          eligibility={eligibility}
          firstAttendance={d.firstAttendance}
        />
      ) : null}
    </>
  );
}

/** Grade, strand, admission basis, first-time enrollee, this year's categories and the dates. */
function PlacementFields({
  d,
  set,
  errorOf,
  setting,
  schoolYear,
}: SectionProps & { setting: PlanSetting; schoolYear: string }) {
  const grades = gradeOrder.filter((g) => !isAlsProgram(g) && offersGrade(setting.school, g));
  const senior = d.gradeLevel === 'GRADE_11' || d.gradeLevel === 'GRADE_12';
  return (
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
        options={basesFor(d.gradeLevel).map((b) => [b, basisLabel[b]] as const)}
        error={errorOf('admissionBasis')}
      />
      <FirstTimeEnrollee d={d} set={set} errorOf={errorOf} />
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
  );
}

function FirstTimeEnrollee({ d, set, errorOf }: SectionProps) {
  return (
    <>
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
    </>
  );
}

/** A first-time enrollee aged 13+ is advised to take ALS (§V.A): a formal grade needs a reason. */
function AlsAdvice({
  d,
  set,
  errorOf,
  ageOnCutoff,
}: SectionProps & { ageOnCutoff: number | null }) {
  return (
    <div className="enroll-warning" role="note">
      <p>
        <strong>ALS is recommended.</strong> A first-time enrollee aged{' '}
        {ageOnCutoff ?? '13 or above'} is advised to take the Alternative Learning System (§V.A). A
        formal grade needs a stated reason.
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
  );
}

/** The school head's approval of a late enrollment (§V.D), with its catch-up plan. */
function LateApproval({ d, set, errorOf }: SectionProps) {
  return (
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
  );
}

/**
 * What happens to an enrolment that needs the school head's approval (§V.D; issue 21): anyone
 * else's goes to the head, said before saving; the head's own is approved by entering it.
 */
function ApprovalNotice({ need, approver }: { need: ApprovalNeed; approver: boolean }) {
  const why = approvalReasonWords(need).join('; ');
  return (
    <div className="enroll-warning" role="note" aria-label="School head’s approval">
      {approver ? (
        <p>
          <strong>Your approval as school head.</strong> This enrolment needs it: {why}. Entering it
          approves it.
        </p>
      ) : (
        <p>
          <strong>This enrolment will go to the school head for approval.</strong> It needs the
          head’s approval: {why}. The head approves it with a catch-up plan or declines it; you will
          see the decision under Approvals. Until then the learner is not counted as enrolled.
        </p>
      )}
    </div>
  );
}

/** The status saving gives, and the documents still missing with their due date. */
function PlanSummary({
  status,
  eligibility,
  firstAttendance,
}: {
  status: SchoolPlan['status'];
  eligibility: NonNullable<SchoolPlan['eligibility']>;
  firstAttendance: string;
}) {
  return (
    <section aria-labelledby="plan-heading" aria-live="polite" className="enroll-plan">
      <h3 id="plan-heading">What saving will do</h3>
      <dl className="enroll-facts">
        <dt>Status on saving</dt>
        <dd data-testid="plan-status">{statusLabel[status]}</dd>
        {eligibility.resultingStatus && !firstAttendance ? (
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
            <dd>{eligibility.documentsDuringYear.map((x) => documentLabel[x]).join(', ')}</dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}
