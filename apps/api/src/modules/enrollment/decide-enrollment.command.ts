import { Role } from '@repo/domain/access';
import { approvalNeed, checkApproval, checkDecline } from '@repo/domain/enrollment-approval';
import { EnrollmentStatus } from '@repo/domain/enums';
import { type FieldError } from '@repo/domain/learner-profile';
import { toEnrollmentStatus } from '@repo/domain/status';
import { type EntityManager } from 'typeorm';
import { clock } from '../../clock.js';
import { fieldErrors, refused } from '../../errors.js';
import { findCalendar } from '../calendar/calendar.service.js';
import { LearnerEntity } from '../learner/learner.entity.js';
import { issueLrn } from '../learner/lrn-issuance.js';
import {
  type AnsweredOutcome,
  type Decision,
  enrollmentCommand,
  type Writer,
} from './enrollment-command.js';
import {
  activeEnrollmentOf,
  alreadyEnrolled,
  documentState,
  ownEnrollment,
  receivedDocuments,
  recordStatus,
} from './enrollment-records.js';
import { type EnrollmentEntity } from './enrollment.entity.js';
import {
  type ApproveEnrollmentInput,
  type DeclineEnrollmentInput,
} from './enrollment-approval.input.js';

// The school head's decision on an enrolment awaiting it (DO 03 s. 2018 §V.D: "the school head may
// exercise his/her discretion to accept the enrollee and implement catch-up activities"; issue 21).

/**
 * Approves: the enrolment becomes what it would have been (pre-registered, or with a first
 * attendance temporary or official, with its LRN), with the catch-up plan a late learner needs.
 */
export function approveEnrollment(
  writer: Writer,
  input: ApproveEnrollmentInput,
  idempotencyKey?: string | null,
): Promise<AnsweredOutcome> {
  onlyTheHead(writer);
  const plan = input.catchUpPlan?.trim() || null;
  if (plan && plan.length > 1000) throw fieldErrors([{ field: 'catchUpPlan', code: 'TOO_LONG' }]);
  return enrollmentCommand(writer, 'approveEnrollment', input, idempotencyKey, (manager) =>
    approve(manager, writer.viewer, input.enrollmentId, plan),
  );
}

/** Declines, with the reason the registrar reads: the enrolment never counts. */
export function declineEnrollment(
  writer: Writer,
  input: DeclineEnrollmentInput,
  idempotencyKey?: string | null,
): Promise<AnsweredOutcome> {
  onlyTheHead(writer);
  const reason = input.reason?.trim() ?? '';
  const errors: FieldError[] = checkDecline(reason);
  if (reason.length > 500) errors.push({ field: 'reason', code: 'TOO_LONG' });
  if (errors.length > 0) throw fieldErrors(errors);
  return enrollmentCommand(writer, 'declineEnrollment', input, idempotencyKey, async (manager) => {
    const enrollment = await awaitingEnrollment(manager, writer.viewer, input.enrollmentId);
    await manager.query(
      `UPDATE enrollment SET status = 'DECLINED', updated_at = now() WHERE id = $1`,
      [enrollment.id],
    );
    await recordStatus(
      manager,
      writer.viewer,
      enrollment.id,
      EnrollmentStatus.DECLINED,
      clock.today(),
      'DECLINED_BY_HEAD',
      reason,
    );
    return {
      id: enrollment.id,
      learnerId: enrollment.learnerId,
      action: 'ENROLLMENT_DECLINED',
      after: { enrollmentId: enrollment.id, reason },
    };
  });
}

/** The operation table lets only heads call these; said again here, where the decision is made. */
function onlyTheHead({ viewer }: Writer) {
  if (viewer.role !== Role.SCHOOL_HEAD)
    throw refused('ONLY_SCHOOL_HEAD_APPROVES', 'Only the school head approves or declines (§V.D)', {
      field: 'input.enrollmentId',
    });
}

/** The enrolment at the head's own school, locked, still awaiting approval. */
async function awaitingEnrollment(
  manager: EntityManager,
  viewer: Writer['viewer'],
  enrollmentId: string,
): Promise<EnrollmentEntity> {
  const enrollment = await ownEnrollment(manager, viewer, enrollmentId, 'input.enrollmentId');
  if (enrollment.status !== EnrollmentStatus.AWAITING_APPROVAL) {
    throw refused(
      'NOT_AWAITING_APPROVAL',
      `This enrolment is not awaiting approval: it is ${enrollment.status}`,
      { field: 'input.enrollmentId', status: enrollment.status },
    );
  }
  return enrollment;
}

/** The day the enrolment was filed for approval: the day it was entered. */
async function filedOn(manager: EntityManager, enrollmentId: string): Promise<string | null> {
  const [row] = await manager.query<{ day: string }[]>(
    `SELECT to_char(effective_on, 'YYYY-MM-DD') AS day FROM enrollment_status_change
     WHERE enrollment_id = $1 AND status = 'AWAITING_APPROVAL' ORDER BY id DESC LIMIT 1`,
    [enrollmentId],
  );
  return row?.day ?? null;
}

async function approve(
  manager: EntityManager,
  viewer: Writer['viewer'],
  enrollmentId: string,
  plan: string | null,
): Promise<Decision> {
  const enrollment = await awaitingEnrollment(manager, viewer, enrollmentId);
  const calendar = (await findCalendar(manager, enrollment.schoolYear))!;
  const need = approvalNeed({
    calendar,
    enrolledOn: enrollment.enrolledOn!,
    firstAttendance: enrollment.firstAttendance,
    enteredOn: await filedOn(manager, enrollment.id),
    movedIn: enrollment.movedIn,
  });
  if (need) {
    const errors = checkApproval(need, plan);
    if (errors.length > 0) throw fieldErrors(errors);
  }
  // Enrolled elsewhere meanwhile: one active enrolment a year (SPEC §4); the head declines this.
  const active = await activeEnrollmentOf(manager, enrollment.learnerId, enrollment.schoolYear);
  if (active) throw alreadyEnrolled(active, enrollment.schoolYear);
  const learner = await manager
    .getRepository(LearnerEntity)
    .findOneByOrFail({ id: enrollment.learnerId });
  const documents = (await receivedDocuments(manager, enrollment.id)).map((d) => d.documentType);
  const state = documentState(enrollment, learner, calendar, documents);
  const status = toEnrollmentStatus(enrollment.firstAttendance, state.complete);
  if (enrollment.firstAttendance) {
    const lrn = await issueLrn(manager, viewer, learner.id);
    if (!lrn.ok) throw refused('LEARNER_NOT_FOUND', `Learner ${learner.id} not found`);
  }
  await manager.query(
    'UPDATE enrollment SET status = $2, catch_up_plan = $3, updated_at = now() WHERE id = $1',
    [enrollment.id, status, plan],
  );
  await recordStatus(
    manager,
    viewer,
    enrollment.id,
    status,
    clock.today(),
    'APPROVED_BY_HEAD',
    plan,
  );
  return {
    id: enrollment.id,
    learnerId: enrollment.learnerId,
    action: 'ENROLLMENT_APPROVED',
    after: { enrollmentId: enrollment.id, catchUpPlan: plan, approvalReasons: need?.reasons ?? [] },
  };
}
