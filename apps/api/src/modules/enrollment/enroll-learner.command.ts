import { Role } from '@repo/domain/access';
import { planEnrollment } from '@repo/domain/enrollment';
import { EnrollmentStatus } from '@repo/domain/enums';
import { type FieldError } from '@repo/domain/learner-profile';
import { type SchoolCalendar } from '@repo/domain/school-year';
import { type EntityManager } from 'typeorm';
import { clock } from '../../clock.js';
import { fieldErrors, refused } from '../../errors.js';
import { checkId } from '../../ids.js';
import { type Viewer } from '../auth/viewer.js';
import { type LearnerEntity } from '../learner/learner.entity.js';
import { issueLrn } from '../learner/lrn-issuance.js';

import {
  type AnsweredOutcome,
  type Decision,
  enrollmentCommand,
  refuseBadDates,
  type Writer,
} from './enrollment-command.js';
import {
  alreadyEnrolled,
  awaitingApproval,
  documentState,
  fileBirthDocument,
  insertEnrollment,
  receivedDocuments,
  recordFacts,
  requireCalendar,
  schoolOf,
  standingOf,
} from './enrollment-records.js';
import { EnrollmentEntity } from './enrollment.entity.js';
import { type EnrollLearnerInput } from './enrollment.input.js';
import { admitLearner, recordAdmission } from './transfer-admission.js';

/**
 * Enrollment at the viewer's school (§V.A-§V.D; SPEC §4.3, §4.4; the ALS guide steps 3-5): the
 * domain decides eligibility, documents, late enrollment and the resulting status. An early
 * registration at this school becomes this enrollment. With a first date of attendance, the LRN
 * is issued and the enrollment is official or temporary. One that needs the school head's approval
 * (late by §V.D, or dated more than 7 days back) is the head's own when the head enters it;
 * anyone else's is saved as awaiting it (AWAITING_APPROVAL: no LRN, not counted; issue 21).
 */
export async function enrollLearner(
  writer: Writer,
  input: EnrollLearnerInput,
  idempotencyKey?: string | null,
): Promise<AnsweredOutcome> {
  schoolOf(writer.viewer);
  checkId('learner', input.learnerId, 'input.learnerId');
  // A replay acts not; its reasons are those of an enrollment already made (none).
  return enrollmentCommand(writer, 'enrollLearner', input, idempotencyKey, (manager) =>
    enrollIn(manager, writer.viewer, input),
  );
}

/** What one enrollment is given, read and decided, passed between the steps below. */
interface Enrolling {
  viewer: Viewer;
  input: EnrollLearnerInput;
  schoolId: number;
  enrolledOn: string;
  /** The day it is entered: the app's today. */
  enteredOn: string;
  calendar: SchoolCalendar;
  learner: LearnerEntity;
  /** The early registration at this school that this enrollment completes, locked. */
  registration: EnrollmentEntity | null;
}

/**
 * The enrollment itself, inside the caller's transaction (enrollLearner, the import); the caller
 * records the decision in the audit trail (recordDecision).
 */
export async function enrollIn(
  manager: EntityManager,
  viewer: Viewer,
  input: EnrollLearnerInput,
): Promise<Decision> {
  const schoolId = schoolOf(viewer);
  const today = clock.today();
  const enrolledOn = input.enrolledOn ?? today;
  refuseBadDates({ enrolledOn, firstAttendance: input.firstAttendance }, today);
  const calendar = await requireCalendar(manager, input.schoolYear, 'input.schoolYear');
  const { learner, admission } = await admitLearner(
    manager,
    viewer,
    { learnerId: input.learnerId, schoolId, kind: 'ENROLLED', field: 'input.learnerId' },
    input.proof,
  );
  const { active, awaiting, recent, school } = await standingOf(
    manager,
    learner.id,
    input.schoolYear,
    schoolId,
  );
  const registration =
    active && active.school_id === schoolId && active.status === 'PRE_REGISTERED'
      ? await manager.getRepository(EnrollmentEntity).findOneOrFail({
          where: { id: active.enrollment_id },
          lock: { mode: 'pessimistic_write' },
        })
      : null;
  if (active && (!registration || registration.enrolledOn !== null))
    throw alreadyEnrolled(active, input.schoolYear);
  const at: Enrolling = {
    viewer,
    input,
    schoolId,
    enrolledOn,
    enteredOn: today,
    calendar,
    learner,
    registration,
  };
  const plan = judge(at, school);
  const filed = plan.status === EnrollmentStatus.AWAITING_APPROVAL;
  // One enrolment a year awaits a head: this school's again, or a second school's, waits for it.
  if (awaiting && (filed || awaiting.school_id === schoolId))
    throw awaitingApproval(awaiting, input.schoolYear);
  await fileBirthDocument(manager, learner, input.documents, enrolledOn, 'input.documents');
  // Returning after dropping out, or named so: Balik-Aral at this enrollment (§IV.l).
  const last = recent.find((r) => r.id !== registration?.id);
  const returning =
    input.admissionBasis === 'BALIK_ARAL' || last?.status === EnrollmentStatus.DROPPED_OUT;
  const values = await enrollmentValues(manager, at, plan, returning);
  const id = await writeEnrollment(manager, at, values);
  await recordAdmission(manager, viewer, admission, {
    schoolId,
    schoolYear: input.schoolYear,
    toEnrollmentId: id,
    movedOn: enrolledOn,
  });
  return {
    id,
    learnerId: learner.id,
    action: filed ? 'ENROLLMENT_SENT_FOR_APPROVAL' : 'LEARNER_ENROLLED',
    after: {
      enrollmentId: id,
      schoolYear: input.schoolYear,
      gradeLevel: input.gradeLevel,
      admissionBasis: input.admissionBasis ?? null,
      placementReason: values.placementReason,
      lateApprovedBy: plan.approval && !filed ? viewer.username : null,
      approvalReasons: plan.approval?.reasons ?? [],
    },
    reasons: plan.eligibility.reasons,
    recommendation: plan.eligibility.recommendation,
  };
}

/**
 * The domain's plan for this enrollment, with the checks only the API can make (§V.B, §V.D): only
 * the school head approves; the head's own entry is the approval (with the catch-up plan a late
 * learner needs), anyone else's is filed for it.
 */
function judge(
  { viewer, input, enrolledOn, enteredOn, calendar, learner, registration }: Enrolling,
  school: Parameters<typeof planEnrollment>[0]['school'],
) {
  const errors: FieldError[] = [];
  const head = viewer.role === Role.SCHOOL_HEAD;
  if (input.lateApproval && !head)
    errors.push({ field: 'lateApproval', code: 'ONLY_SCHOOL_HEAD_APPROVES' });
  if (registration?.registeredOn && enrolledOn < registration.registeredOn)
    errors.push({ field: 'enrolledOn', code: 'BEFORE_EARLY_REGISTRATION' });
  const plan = planEnrollment({
    calendar,
    school,
    gradeLevel: input.gradeLevel,
    strand: input.strand,
    basis: input.admissionBasis ?? null,
    birthDate: learner.birthDate,
    firstTimeEnrollee: input.firstTimeEnrollee,
    documents: input.documents,
    birthDocumentOnFile: learner.birthDocumentType !== null,
    categories: input.categories,
    enrolledOn,
    firstAttendance: input.firstAttendance,
    placementReason: input.placementReason,
    lateApproval: head
      ? { headApproved: true, catchUpPlan: input.lateApproval?.catchUpPlan ?? null }
      : null,
    fileForApproval: !head,
    enteredOn,
    today: enteredOn,
  });
  errors.push(...plan.errors);
  if (errors.length > 0) throw fieldErrors(errors);
  return plan;
}

/**
 * Everything the enrollment ends as is known now: documents owed, and with a first attendance the
 * status; so one write makes it (and the rollups see it once).
 */
async function enrollmentValues(
  manager: EntityManager,
  { input, enrolledOn, calendar, learner, registration }: Enrolling,
  plan: ReturnType<typeof planEnrollment>,
  returning: boolean,
): Promise<Partial<EnrollmentEntity>> {
  const categories = new Set<string>([...(registration?.categories ?? []), ...input.categories]);
  if (returning) categories.add('BALIK_ARAL');
  const onFile = registration
    ? (await receivedDocuments(manager, registration.id)).map((d) => d.documentType)
    : [];
  const state = documentState(
    {
      enrolledOn,
      schoolYear: input.schoolYear,
      gradeLevel: input.gradeLevel,
      admissionBasis: input.admissionBasis ?? null,
      firstTimeEnrollee: input.firstTimeEnrollee,
      movedIn: false,
    },
    learner,
    calendar,
    [...onFile, ...new Set(input.documents)],
  );
  const attending = input.firstAttendance ?? null;
  const status =
    plan.status === EnrollmentStatus.AWAITING_APPROVAL
      ? plan.status
      : !attending
        ? EnrollmentStatus.PRE_REGISTERED
        : state.complete
          ? EnrollmentStatus.OFFICIALLY_ENROLLED
          : EnrollmentStatus.TEMPORARILY_ENROLLED;
  return {
    gradeLevel: input.gradeLevel,
    strand: input.strand ?? null,
    admissionBasis: input.admissionBasis ?? null,
    firstTimeEnrollee: input.firstTimeEnrollee,
    categories: [...categories],
    enrolledOn,
    firstAttendance: attending,
    missingDocuments: state.missing,
    documentsDueBy: state.dueBy,
    placementReason: input.placementReason?.trim() || null,
    // The head's plan (§V.D), or note on a backdated enrolment the head enters.
    catchUpPlan: plan.status === EnrollmentStatus.AWAITING_APPROVAL ? null : approvedPlan(input),
    alsFacilitatorName: input.alsFacilitatorName?.trim() || null,
    status,
  };
}

/** The school head's catch-up plan or note, as typed; none when blank. */
function approvedPlan(input: EnrollLearnerInput): string | null {
  return input.lateApproval?.catchUpPlan.trim() || null;
}

/**
 * The enrollment row (the early registration completed, or a new one), its documents and status
 * history, and on the first date of attendance the LRN (§V.A, §VI). One awaiting the head's
 * approval has only that status, from the day it is entered: the LRN waits for the approval.
 */
async function writeEnrollment(
  manager: EntityManager,
  { viewer, input, schoolId, enrolledOn, enteredOn, learner, registration }: Enrolling,
  values: Partial<EnrollmentEntity>,
): Promise<string> {
  let id: string;
  if (registration) {
    id = registration.id;
    await manager.getRepository(EnrollmentEntity).update({ id }, values);
  } else {
    id = await insertEnrollment(manager, {
      ...values,
      learnerId: learner.id,
      schoolId,
      schoolYear: input.schoolYear,
      createdBy: viewer.accountId,
    });
  }
  const docs = [...new Set(input.documents)];
  if (values.status === EnrollmentStatus.AWAITING_APPROVAL) {
    const filed = { status: values.status, effectiveOn: enteredOn, reason: 'APPROVAL_REQUESTED' };
    await recordFacts(manager, viewer, id, { types: docs, receivedOn: enrolledOn }, [filed]);
    return id;
  }
  const changes: { status: EnrollmentStatus; effectiveOn: string; reason: string }[] = [
    { status: EnrollmentStatus.PRE_REGISTERED, effectiveOn: enrolledOn, reason: 'ENROLLED' },
  ];
  const attending = values.firstAttendance;
  if (attending) {
    changes.push({
      status: values.status as EnrollmentStatus,
      effectiveOn: attending,
      reason: 'FIRST_ATTENDANCE',
    });
    const lrn = await issueLrn(manager, viewer, learner.id);
    if (!lrn.ok) throw refused('LEARNER_NOT_FOUND', `Learner ${learner.id} not found`);
  }
  await recordFacts(manager, viewer, id, { types: docs, receivedOn: enrolledOn }, changes);
  return id;
}
