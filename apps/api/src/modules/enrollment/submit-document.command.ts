import { isActiveStatus } from '@repo/domain/enrollment';
import { type DocumentType, EnrollmentStatus } from '@repo/domain/enums';
import { type EntityManager } from 'typeorm';
import { clock } from '../../clock.js';
import { badUserInput, refused } from '../../errors.js';
import { checkId } from '../../ids.js';
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
  documentState,
  fileBirthDocument,
  ownEnrollment,
  receivedDocuments,
  recordStatus,
} from './enrollment-records.js';
import { EnrollmentDocumentEntity, type EnrollmentEntity } from './enrollment.entity.js';

interface DocumentReceived {
  enrollmentId: string;
  learnerId: string;
  documentType: DocumentType;
  receivedOn?: string | null;
}

/**
 * A document received (§V.A, §V.C): a temporary enrollment becomes official when the last
 * required document arrives. A birth document goes on the learner, once.
 */
export async function submitDocument(
  writer: Writer,
  input: DocumentReceived,
  idempotencyKey?: string | null,
): Promise<AnsweredOutcome> {
  const today = clock.today();
  const receivedOn = input.receivedOn ?? today;
  checkId('learner', input.learnerId, 'input.learnerId');
  refuseBadDates({ receivedOn }, today);
  return enrollmentCommand(writer, 'submitDocument', input, idempotencyKey, (manager) =>
    receive(manager, writer.viewer, input, receivedOn),
  );
}

async function receive(
  manager: EntityManager,
  viewer: Writer['viewer'],
  input: DocumentReceived,
  receivedOn: string,
): Promise<Decision> {
  const enrollment = await ownEnrollment(manager, viewer, input.enrollmentId, 'input.enrollmentId');
  refuseUnlessOpenFor(enrollment, input.learnerId, receivedOn);
  const calendar = (await findCalendar(manager, enrollment.schoolYear))!;
  const learner = await manager
    .getRepository(LearnerEntity)
    .findOneByOrFail({ id: enrollment.learnerId });
  const before = (await receivedDocuments(manager, enrollment.id)).map((d) => d.documentType);
  if (before.includes(input.documentType)) {
    throw badUserInput(
      'input.documentType',
      'DOCUMENT_ALREADY_RECEIVED',
      `${input.documentType} was already received`,
    );
  }
  await fileBirthDocument(manager, learner, [input.documentType], receivedOn, 'input.documentType');
  await manager.getRepository(EnrollmentDocumentEntity).insert({
    enrollmentId: enrollment.id,
    documentType: input.documentType,
    receivedOn,
    recordedBy: viewer.accountId,
  });
  const state = documentState(enrollment, learner, calendar, [...before, input.documentType]);
  let status = enrollment.status as EnrollmentStatus;
  if (status === EnrollmentStatus.TEMPORARILY_ENROLLED && state.complete) {
    status = EnrollmentStatus.OFFICIALLY_ENROLLED;
    await recordStatus(manager, viewer, enrollment.id, status, receivedOn, 'DOCUMENTS_COMPLETE');
  }
  await manager.query(
    `UPDATE enrollment SET status = $2, missing_documents = $3, documents_due_by = $4,
            updated_at = now()
     WHERE id = $1`,
    [enrollment.id, status, state.missing, state.dueBy],
  );
  return {
    id: enrollment.id,
    learnerId: learner.id,
    action: 'DOCUMENT_RECEIVED',
    after: { enrollmentId: enrollment.id, documentType: input.documentType, receivedOn, status },
  };
}

/** A document goes to this learner's open enrollment, on or after the day it began. */
function refuseUnlessOpenFor(enrollment: EnrollmentEntity, learnerId: string, receivedOn: string) {
  if (BigInt(enrollment.learnerId) !== BigInt(learnerId)) {
    throw badUserInput(
      'input.learnerId',
      'ENROLLMENT_OF_ANOTHER_LEARNER',
      'This enrollment belongs to another learner',
    );
  }
  if (!isActiveStatus(enrollment.status as EnrollmentStatus)) {
    throw refused('ENROLLMENT_CLOSED', `The enrollment is ${enrollment.status}`, {
      field: 'input.enrollmentId',
    });
  }
  const since = enrollment.registeredOn ?? enrollment.enrolledOn!;
  if (receivedOn < since)
    throw badUserInput('input.receivedOn', 'BEFORE_ENROLLMENT', `receivedOn is before ${since}`);
}
