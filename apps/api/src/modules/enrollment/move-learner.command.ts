import { planEnrollment, type SchoolOffering } from '@repo/domain/enrollment';
import { type DocumentType, EnrollmentStatus } from '@repo/domain/enums';
import { formatSchoolId } from '@repo/domain/school';
import { type SchoolCalendar } from '@repo/domain/school-year';
import { classifyMove } from '@repo/domain/status';
import { type EntityManager } from 'typeorm';
import { clock } from '../../clock.js';
import { badUserInput, fieldErrors, refused } from '../../errors.js';
import { checkId } from '../../ids.js';
import { type LearnerEntity } from '../learner/learner.entity.js';

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
  fileBirthDocument,
  forMove,
  insertEnrollment,
  offeringOf,
  recordFacts,
  requireCalendar,
  schoolOf,
} from './enrollment-records.js';
import { type MoveLearnerInput } from './enrollment.input.js';
import { admitLearner, originBefore, recordAdmission } from './transfer-admission.js';

interface Origin {
  enrollment_id: string;
  school_id: number;
  previous_status: string;
}

/**
 * A learner arriving from another school during the year (§V.E, SPEC §4.4): the origin's
 * enrollment becomes moved out, this school's is moved in, with its own status (the latest SF9,
 * else temporary); between the first Friday of classes and 31 March both count as transfers.
 */
export async function moveLearner(
  writer: Writer,
  input: MoveLearnerInput,
  idempotencyKey?: string | null,
): Promise<AnsweredOutcome> {
  const schoolId = schoolOf(writer.viewer);
  const today = clock.today();
  checkId('learner', input.learnerId, 'input.learnerId');
  refuseBadDates({ moveDate: input.moveDate }, today);
  return enrollmentCommand(writer, 'moveLearner', input, idempotencyKey, (manager) =>
    moveIn(manager, writer.viewer, input, { schoolId, today }),
  );
}

async function moveIn(
  manager: EntityManager,
  viewer: Writer['viewer'],
  input: MoveLearnerInput,
  { schoolId, today }: { schoolId: number; today: string },
): Promise<Decision> {
  const calendar = await requireCalendar(manager, input.schoolYear, 'input.schoolYear');
  const school = await offeringOf(manager, schoolId);
  const { learner, admission } = await admitLearner(
    manager,
    viewer,
    { learnerId: input.learnerId, schoolId, kind: 'MOVED_IN', field: 'input.learnerId' },
    input.proof,
  );
  const plan = judgeMove(input, { calendar, school, learner, today });
  const move = classifyMove(calendar, input.moveDate, input.documents.includes('SF9'));
  const before = await originBefore(manager, learner.id, input.schoolYear);
  const origin = await moveOut(manager, learner.id, input, move.transferred);
  await fileBirthDocument(manager, learner, input.documents, input.moveDate, 'input.documents');
  const docs = [...new Set(input.documents)];
  // What the mover still owes, known before the row is written: one insert, then the attendance.
  const state = documentState(
    {
      enrolledOn: input.moveDate,
      schoolYear: input.schoolYear,
      gradeLevel: input.gradeLevel,
      admissionBasis: 'TRANSFEREE',
      firstTimeEnrollee: false,
      movedIn: true,
    },
    learner,
    calendar,
    docs,
  );
  const id = await insertEnrollment(manager, {
    learnerId: learner.id,
    schoolId,
    schoolYear: input.schoolYear,
    gradeLevel: input.gradeLevel,
    strand: input.strand ?? null,
    admissionBasis: 'TRANSFEREE',
    status: EnrollmentStatus.PRE_REGISTERED,
    enrolledOn: input.moveDate,
    movedIn: true,
    transferredIn: move.transferred,
    movedFromEnrollmentId: origin.enrollment_id,
    missingDocuments: state.missing,
    documentsDueBy: state.dueBy,
    createdBy: viewer.accountId,
  });
  await recordFacts(manager, viewer, id, { types: docs, receivedOn: input.moveDate }, [
    {
      status: EnrollmentStatus.PRE_REGISTERED,
      effectiveOn: input.moveDate,
      reason: move.transferred ? 'TRANSFERRED_IN' : 'MOVED_IN',
      note: `from school ${formatSchoolId(origin.school_id)}`,
    },
  ]);
  await attend(manager, viewer, id, learner.id, input.moveDate, state.complete);
  await recordAdmission(manager, viewer, admission, {
    schoolId,
    schoolYear: input.schoolYear,
    toEnrollmentId: id,
    movedOn: input.moveDate,
    origin: before,
  });
  return {
    id,
    learnerId: learner.id,
    action: 'LEARNER_MOVED_IN',
    after: {
      enrollmentId: id,
      fromEnrollmentId: origin.enrollment_id,
      fromSchoolId: formatSchoolId(origin.school_id),
      transferred: move.transferred,
    },
    reasons: [move.transferred ? 'TRANSFERRED_IN' : 'MOVED_IN', ...plan.eligibility.reasons],
  };
}

/** The move judged like an enrollment on the move date, its errors named for moveDate (§V.E). */
function judgeMove(
  input: MoveLearnerInput,
  at: { calendar: SchoolCalendar; school: SchoolOffering; learner: LearnerEntity; today: string },
) {
  const plan = planEnrollment({
    calendar: at.calendar,
    school: at.school,
    gradeLevel: input.gradeLevel,
    strand: input.strand,
    basis: 'TRANSFEREE',
    birthDate: at.learner.birthDate,
    firstTimeEnrollee: false,
    documents: forMove(input.documents) as DocumentType[],
    birthDocumentOnFile: at.learner.birthDocumentType !== null,
    categories: [],
    enrolledOn: input.moveDate,
    firstAttendance: input.moveDate,
    today: at.today,
    movedIn: true,
  });
  const errors = plan.errors.map((e) =>
    e.field === 'enrolledOn' || e.field === 'firstAttendance' ? { ...e, field: 'moveDate' } : e,
  );
  const unique = errors.filter(
    (e, i) => errors.findIndex((o) => o.field === e.field && o.code === e.code) === i,
  );
  if (unique.length > 0) throw fieldErrors(unique);
  return plan;
}

/** The origin school's enrollment of the year, moved out by the database (move_out_enrollment). */
async function moveOut(
  manager: EntityManager,
  learnerId: string,
  input: MoveLearnerInput,
  transferred: boolean,
): Promise<Origin> {
  let origin: Origin | undefined;
  try {
    [origin] = await manager.query<Origin[]>(
      'SELECT enrollment_id::text, school_id, previous_status FROM move_out_enrollment($1, $2, $3, $4)',
      [learnerId, input.schoolYear, input.moveDate, transferred],
    );
  } catch (error) {
    if ((error as Error).message === 'MOVE_BEFORE_ORIGIN_ENROLLMENT') {
      throw badUserInput(
        'input.moveDate',
        'BEFORE_ORIGIN_ENROLLMENT',
        'The move date is before the learner started at the school moved from',
      );
    }
    if ((error as Error).message === 'ALREADY_ENROLLED_HERE')
      throw refused(
        'ALREADY_ENROLLED',
        'This learner is already enrolled at your school this year',
        {
          field: 'input.learnerId',
        },
      );
    throw error;
  }
  if (!origin) {
    throw badUserInput(
      'input.learnerId',
      'NOT_ENROLLED_ELSEWHERE',
      'This learner has no enrollment this year to move from: use enrollLearner',
    );
  }
  return origin;
}
