import { EnrollmentStatus, type GradeLevel } from '@repo/domain/enums';
import { type FieldError } from '@repo/domain/learner-profile';
import { canChangeStatus, checkAlsTransfer } from '@repo/domain/status';
import { type EntityManager } from 'typeorm';
import { clock } from '../../clock.js';
import { fieldErrors, refused } from '../../errors.js';
import {
  type AnsweredOutcome,
  type Decision,
  enrollmentCommand,
  refuseBadDates,
  type Writer,
} from './enrollment-command.js';
import { ownEnrollment, recordStatus } from './enrollment-records.js';
import { EnrollmentEntity } from './enrollment.entity.js';

type Leaving = { enrollmentId: string; effectiveOn: string };

/** How a learner leaves: the status, the rule errors of the input, what is kept, the note. */
interface Departure {
  operation: 'transferToAls' | 'dropOut';
  to: EnrollmentStatus;
  action: 'LEARNER_TRANSFERRED_TO_ALS' | 'LEARNER_DROPPED_OUT';
  errors: FieldError[];
  details: Partial<EnrollmentEntity>;
  note: string;
}

/** Transfer to ALS (§V.E): not a school leaver; the effectivity date, program and facilitator. */
export function transferToAls(
  writer: Writer,
  input: Leaving & { program: GradeLevel; facilitatorName: string },
  idempotencyKey?: string | null,
): Promise<AnsweredOutcome> {
  return leave(writer, input, idempotencyKey, {
    operation: 'transferToAls',
    to: EnrollmentStatus.TRANSFERRED_TO_ALS,
    action: 'LEARNER_TRANSFERRED_TO_ALS',
    errors: checkAlsTransfer(input),
    details: { alsProgram: input.program, alsFacilitatorName: input.facilitatorName?.trim() },
    note: `${input.program}, facilitator ${input.facilitatorName?.trim()}`,
  });
}

/** Dropping out (§IV.l), with the reason; a return later is enrolled as Balik-Aral. */
export function dropOut(
  writer: Writer,
  input: Leaving & { reason: string },
  idempotencyKey?: string | null,
): Promise<AnsweredOutcome> {
  const reason = input.reason?.trim() ?? '';
  const errors: FieldError[] = [];
  if (!reason) errors.push({ field: 'reason', code: 'REQUIRED' });
  else if (reason.length > 500) errors.push({ field: 'reason', code: 'TOO_LONG' });
  return leave(writer, input, idempotencyKey, {
    operation: 'dropOut',
    to: EnrollmentStatus.DROPPED_OUT,
    action: 'LEARNER_DROPPED_OUT',
    errors,
    details: {},
    note: reason,
  });
}

/** Leaving during the year: transfer to ALS (§V.E) or dropping out (§IV.l), from this school. */
async function leave(
  writer: Writer,
  input: Leaving,
  idempotencyKey: string | null | undefined,
  departure: Departure,
): Promise<AnsweredOutcome> {
  refuseBadDates({ effectiveOn: input.effectiveOn }, clock.today());
  return enrollmentCommand(
    writer,
    departure.operation,
    input,
    idempotencyKey,
    (manager) => depart(manager, writer.viewer, input, departure),
    [departure.to],
  );
}

async function depart(
  manager: EntityManager,
  viewer: Writer['viewer'],
  input: Leaving,
  { to, action, errors, details, note }: Departure,
): Promise<Decision> {
  const enrollment = await ownEnrollment(manager, viewer, input.enrollmentId, 'input.enrollmentId');
  if (!canChangeStatus(enrollment.status as EnrollmentStatus, to) || !enrollment.firstAttendance) {
    throw refused(
      'STATUS_CHANGE_NOT_ALLOWED',
      `A ${enrollment.status} enrollment cannot become ${to}`,
      { field: 'input.enrollmentId', status: enrollment.status },
    );
  }
  const all = [...errors];
  if (input.effectiveOn < enrollment.firstAttendance)
    all.push({ field: 'effectiveOn', code: 'BEFORE_FIRST_ATTENDANCE' });
  if (all.length > 0) throw fieldErrors(all);
  await manager
    .getRepository(EnrollmentEntity)
    .update({ id: enrollment.id }, { ...details, status: to, leftOn: input.effectiveOn });
  await recordStatus(manager, viewer, enrollment.id, to, input.effectiveOn, to, note);
  return {
    id: enrollment.id,
    learnerId: enrollment.learnerId,
    action,
    after: { enrollmentId: enrollment.id, effectiveOn: input.effectiveOn, note },
  };
}
