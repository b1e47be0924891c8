import { Role } from '@repo/domain/access';
import { planEnrollment } from '@repo/domain/enrollment';
import {
  type AdmissionBasis,
  type DocumentType,
  EnrollmentStatus,
  type GradeLevel,
  type Strand,
} from '@repo/domain/enums';
import { type FieldError } from '@repo/domain/learner-profile';
import { type EntityManager } from 'typeorm';
import { clock } from '../../clock.js';
import { fieldErrors, refused } from '../../errors.js';
import { findCalendar } from '../calendar/calendar.service.js';
import { LearnerEntity } from '../learner/learner.entity.js';

import {
  type AnsweredOutcome,
  type Decision,
  enrollmentCommand,
  refuseBadDates,
  type Writer,
} from './enrollment-command.js';
import {
  attend,
  documentState,
  offeringOf,
  ownEnrollment,
  receivedDocuments,
} from './enrollment-records.js';
import { type EnrollmentEntity } from './enrollment.entity.js';

interface FirstAttendance {
  enrollmentId: string;
  firstAttendance: string;
  lateApproval?: { catchUpPlan: string } | null;
}

/**
 * The first date of attendance of an enrolled learner (§V.A, §V.B, §V.C): checked like the
 * enrollment itself (the school year, the 80% rule, the ALS cut-off), then the LRN and the status.
 */
export async function recordFirstAttendance(
  writer: Writer,
  input: FirstAttendance,
  idempotencyKey?: string | null,
): Promise<AnsweredOutcome> {
  const today = clock.today();
  refuseBadDates({ firstAttendance: input.firstAttendance }, today);
  return enrollmentCommand(writer, 'recordFirstAttendance', input, idempotencyKey, (manager) =>
    attendFirst(manager, writer.viewer, input, today),
  );
}

async function attendFirst(
  manager: EntityManager,
  viewer: Writer['viewer'],
  input: FirstAttendance,
  today: string,
): Promise<Decision> {
  const enrollment = await ownEnrollment(manager, viewer, input.enrollmentId, 'input.enrollmentId');
  refuseUnlessAwaitingAttendance(enrollment);
  const calendar = (await findCalendar(manager, enrollment.schoolYear))!;
  const school = await offeringOf(manager, enrollment.schoolId);
  const learner = await manager
    .getRepository(LearnerEntity)
    .findOneByOrFail({ id: enrollment.learnerId });
  const documents = (await receivedDocuments(manager, enrollment.id)).map((d) => d.documentType);
  const errors: FieldError[] = [];
  if (input.lateApproval && viewer.role !== Role.SCHOOL_HEAD)
    errors.push({ field: 'lateApproval', code: 'ONLY_SCHOOL_HEAD_APPROVES' });
  const plan = planEnrollment({
    calendar,
    school,
    gradeLevel: enrollment.gradeLevel as GradeLevel,
    strand: enrollment.strand as Strand | null,
    basis: enrollment.admissionBasis as AdmissionBasis | null,
    birthDate: learner.birthDate,
    firstTimeEnrollee: enrollment.firstTimeEnrollee,
    documents: documents as DocumentType[],
    birthDocumentOnFile: learner.birthDocumentType !== null,
    categories: enrollment.categories,
    enrolledOn: enrollment.enrolledOn!,
    firstAttendance: input.firstAttendance,
    placementReason: enrollment.placementReason,
    lateApproval: input.lateApproval
      ? {
          headApproved: viewer.role === Role.SCHOOL_HEAD,
          catchUpPlan: input.lateApproval.catchUpPlan,
        }
      : enrollment.catchUpPlan
        ? { headApproved: true, catchUpPlan: enrollment.catchUpPlan }
        : null,
    today,
    movedIn: enrollment.movedIn,
  });
  errors.push(
    ...plan.errors.filter((e) => e.field === 'firstAttendance' || e.field === 'lateApproval'),
  );
  if (errors.length > 0) throw fieldErrors(errors);
  const catchUpPlan =
    plan.late?.code === 'LATE_APPROVED' && input.lateApproval
      ? input.lateApproval.catchUpPlan.trim()
      : null;
  const state = documentState(enrollment, learner, calendar, documents);
  await attend(
    manager,
    viewer,
    enrollment.id,
    learner.id,
    input.firstAttendance,
    state.complete,
    catchUpPlan,
  );
  return {
    id: enrollment.id,
    learnerId: learner.id,
    action: 'FIRST_ATTENDANCE_RECORDED',
    after: { enrollmentId: enrollment.id, firstAttendance: input.firstAttendance },
  };
}

/** Only an enrolled learner not yet attending has a first attendance to record. */
function refuseUnlessAwaitingAttendance(enrollment: EnrollmentEntity) {
  if (
    enrollment.status === EnrollmentStatus.AWAITING_APPROVAL ||
    enrollment.status === EnrollmentStatus.DECLINED
  ) {
    throw refused(
      'NOT_APPROVED',
      enrollment.status === EnrollmentStatus.DECLINED
        ? 'The school head declined this enrolment'
        : 'This enrolment awaits the school head’s approval (§V.D): the head approves it first',
      { field: 'input.enrollmentId', status: enrollment.status },
    );
  }
  if (enrollment.status !== EnrollmentStatus.PRE_REGISTERED) {
    throw refused(
      'FIRST_ATTENDANCE_ALREADY_RECORDED',
      `The first attendance was ${enrollment.firstAttendance ?? 'already recorded'}`,
      { field: 'input.enrollmentId', status: enrollment.status },
    );
  }
  if (!enrollment.enrolledOn) {
    throw refused(
      'NOT_ENROLLED_YET',
      'An early registration is enrolled (enrollLearner) before the first attendance',
      { field: 'input.enrollmentId' },
    );
  }
}
