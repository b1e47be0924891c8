import { OutOfSchoolCircumstance } from '@repo/domain/early-registration';
import { checkPreRegistration } from '@repo/domain/enrollment';
import { EnrollmentStatus } from '@repo/domain/enums';
import { type EntityManager } from 'typeorm';
import { clock } from '../../clock.js';
import { badUserInput, fieldErrors } from '../../errors.js';
import { checkId } from '../../ids.js';
import { checkNewLearner, insertLearner } from '../learner/learner.service.js';
import {
  type AnsweredOutcome,
  type Decision,
  enrollmentCommand,
  refuseBadDates,
  type Writer,
} from './enrollment-command.js';
import {
  activeEnrollmentOf,
  alreadyEnrolled,
  insertEnrollment,
  offeringOf,
  recordStatus,
  requireCalendar,
  schoolOf,
} from './enrollment-records.js';
import { type PreRegisterInput } from './enrollment.input.js';
import { admitLearner, recordAdmission } from './transfer-admission.js';

const circumstances: readonly string[] = Object.values(OutOfSchoolCircumstance);

/**
 * Early registration (DO 03 s. 2018 §V.A, SPEC §4.2): a learner on record, or a new one from the
 * Basic Education Enrollment Form, registers for a grade at the viewer's school in the window.
 * The learner is pre-registered, not enrolled, and gets no LRN until the first attendance.
 */
export async function preRegister(
  writer: Writer,
  input: PreRegisterInput,
  idempotencyKey?: string | null,
): Promise<AnsweredOutcome> {
  const { viewer } = writer;
  const schoolId = schoolOf(viewer);
  const today = clock.today();
  if (Boolean(input.learnerId) === Boolean(input.learner)) {
    throw badUserInput(
      'input.learnerId',
      'LEARNER_OR_PROFILE_REQUIRED',
      'Give either learnerId (a learner on record) or learner (a new profile), not both',
    );
  }
  if (input.learnerId) checkId('learner', input.learnerId, 'input.learnerId');
  refuseBadDates({ registeredOn: input.registeredOn }, today);
  const person = input.learner ? checkNewLearner(viewer, input.learner, 'input.learner') : null;
  const registeredOn = input.registeredOn ?? today;
  return enrollmentCommand(
    writer,
    'preRegister',
    input,
    idempotencyKey,
    (manager) => register(manager, writer, input, { schoolId, today, registeredOn, person }),
    ['PRE_REGISTERED'],
  );
}

async function register(
  manager: EntityManager,
  { viewer }: Writer,
  input: PreRegisterInput,
  given: {
    schoolId: number;
    today: string;
    registeredOn: string;
    person: ReturnType<typeof checkNewLearner> | null;
  },
): Promise<Decision> {
  const { schoolId, today, registeredOn, person } = given;
  const calendar = await requireCalendar(manager, input.schoolYear, 'input.schoolYear');
  const school = await offeringOf(manager, schoolId);
  const errors = checkPreRegistration(
    {
      calendar,
      school,
      gradeLevel: input.gradeLevel,
      strand: input.strand,
      categories: input.categories,
      circumstances: input.circumstances,
      registeredOn,
      today,
    },
    circumstances,
  );
  if (errors.length > 0) throw fieldErrors(errors);
  const admitted =
    input.learner && person
      ? { learner: await insertLearner(manager, viewer, input.learner, person), admission: null }
      : await admitLearner(
          manager,
          viewer,
          { learnerId: input.learnerId!, schoolId, kind: 'REGISTERED', field: 'input.learnerId' },
          input.proof,
        );
  const { learner } = admitted;
  const active = await activeEnrollmentOf(manager, learner.id, input.schoolYear);
  if (active) throw alreadyEnrolled(active, input.schoolYear);
  const id = await insertEnrollment(manager, {
    learnerId: learner.id,
    schoolId,
    schoolYear: input.schoolYear,
    gradeLevel: input.gradeLevel,
    strand: input.strand ?? null,
    status: EnrollmentStatus.PRE_REGISTERED,
    categories: [...new Set(input.categories)],
    circumstances: [...new Set(input.circumstances)],
    registeredOn,
    createdBy: viewer.accountId,
  });
  await recordStatus(
    manager,
    viewer,
    id,
    EnrollmentStatus.PRE_REGISTERED,
    registeredOn,
    'REGISTERED_EARLY',
  );
  if (admitted.admission)
    await recordAdmission(manager, viewer, admitted.admission, {
      schoolId,
      schoolYear: input.schoolYear,
      toEnrollmentId: id,
      movedOn: registeredOn,
    });
  return {
    id,
    learnerId: learner.id,
    action: 'LEARNER_PRE_REGISTERED',
    after: { enrollmentId: id, schoolYear: input.schoolYear, gradeLevel: input.gradeLevel },
  };
}
