import { SY } from '../enrollment-scenario.js';
import { bad, refusedWith, type Row } from './table.js';
import { type Fixtures, tomorrow } from './world.js';

/** A move of `enrolled` from La Paz to Adams in the transfer window, but for the overrides. */
/** A move of `enrolled` unless overridden, with the learner's papers (issue 18). */
const move = (fx: Fixtures, overrides: Record<string, unknown> = {}) => {
  const learnerId = (overrides.learnerId as string | undefined) ?? fx.enrolled.learnerId;
  return {
    learnerId,
    schoolYear: SY,
    gradeLevel: 'GRADE_8',
    moveDate: '2026-09-14',
    documents: ['SF9'],
    proof: fx.papers[learnerId] ?? null,
    ...overrides,
  };
};

/** recordFirstAttendance refused. */
export const firstAttendanceRows: Row[] = [
  {
    title: 'recordFirstAttendance: an enrollmentId that is no id',
    operation: 'recordFirstAttendance',
    as: 'registrar',
    input: () => ({ enrollmentId: '12a', firstAttendance: '2026-06-22' }),
    learners: (fx) => [fx.pending.learnerId],
    expected: bad('input.enrollmentId', 'ID_INVALID'),
  },
  {
    title: 'recordFirstAttendance: an unknown enrollment',
    operation: 'recordFirstAttendance',
    as: 'registrar',
    input: () => ({ enrollmentId: '999999999999', firstAttendance: '2026-06-22' }),
    learners: (fx) => [fx.pending.learnerId],
    expected: bad('input.enrollmentId', 'ENROLLMENT_NOT_FOUND'),
  },
  {
    title: 'recordFirstAttendance: twice',
    operation: 'recordFirstAttendance',
    as: 'registrar',
    input: (fx) => ({ enrollmentId: fx.enrolled.enrollmentId, firstAttendance: '2026-06-16' }),
    learners: (fx) => [fx.enrolled.learnerId],
    expected: refusedWith('FIRST_ATTENDANCE_ALREADY_RECORDED'),
  },
  {
    title: 'recordFirstAttendance: an early registration not enrolled yet',
    operation: 'recordFirstAttendance',
    as: 'registrar',
    input: (fx) => ({
      enrollmentId: fx.preRegistered.enrollmentId,
      firstAttendance: '2026-06-15',
    }),
    learners: (fx) => [fx.preRegistered.learnerId],
    expected: refusedWith('NOT_ENROLLED_YET'),
  },
  {
    title: 'recordFirstAttendance: 2026-06-16, before the enrollment on 2026-06-20',
    operation: 'recordFirstAttendance',
    as: 'registrar',
    input: (fx) => ({ enrollmentId: fx.pending.enrollmentId, firstAttendance: '2026-06-16' }),
    learners: (fx) => [fx.pending.learnerId],
    expected: bad('input.firstAttendance', 'BEFORE_ENROLLMENT'),
  },
  {
    title: 'recordFirstAttendance: in the future',
    operation: 'recordFirstAttendance',
    as: 'registrar',
    input: (fx) => ({ enrollmentId: fx.pending.enrollmentId, firstAttendance: tomorrow }),
    learners: (fx) => [fx.pending.learnerId],
    expected: bad('input.firstAttendance', 'DATE_IN_FUTURE'),
  },
];

/** submitDocument refused. */
export const submitDocumentRows: Row[] = [
  {
    title: 'submitDocument: for another learner’s enrollment',
    operation: 'submitDocument',
    as: 'registrar',
    input: (fx) => ({
      enrollmentId: fx.pending.enrollmentId,
      learnerId: fx.fresh,
      documentType: 'PSA_BIRTH_CERTIFICATE',
      receivedOn: '2026-07-01',
    }),
    learners: (fx) => [fx.pending.learnerId, fx.fresh],
    expected: bad('input.learnerId', 'ENROLLMENT_OF_ANOTHER_LEARNER'),
  },
  {
    title: 'submitDocument: the SF9 again',
    operation: 'submitDocument',
    as: 'registrar',
    input: (fx) => ({
      enrollmentId: fx.enrolled.enrollmentId,
      learnerId: fx.enrolled.learnerId,
      documentType: 'SF9',
      receivedOn: '2026-07-01',
    }),
    learners: (fx) => [fx.enrolled.learnerId],
    expected: bad('input.documentType', 'DOCUMENT_ALREADY_RECEIVED'),
  },
  {
    title: 'submitDocument: an LCR birth certificate when the PSA one is on file',
    operation: 'submitDocument',
    as: 'registrar',
    input: (fx) => ({
      enrollmentId: fx.birthDocument.enrollmentId,
      learnerId: fx.birthDocument.learnerId,
      documentType: 'LCR_BIRTH_CERTIFICATE',
      receivedOn: '2026-07-01',
    }),
    learners: (fx) => [fx.birthDocument.learnerId],
    expected: bad('input.documentType', 'BIRTH_DOCUMENT_ALREADY_ON_FILE'),
  },
  {
    title: 'submitDocument: received 2026-06-19, before the enrollment on 2026-06-20',
    operation: 'submitDocument',
    as: 'registrar',
    input: (fx) => ({
      enrollmentId: fx.pending.enrollmentId,
      learnerId: fx.pending.learnerId,
      documentType: 'PSA_BIRTH_CERTIFICATE',
      receivedOn: '2026-06-19',
    }),
    learners: (fx) => [fx.pending.learnerId],
    expected: bad('input.receivedOn', 'BEFORE_ENROLLMENT'),
  },
  {
    title: 'submitDocument: receivedOn 2026-07-32 is no date',
    operation: 'submitDocument',
    as: 'registrar',
    input: (fx) => ({
      enrollmentId: fx.pending.enrollmentId,
      learnerId: fx.pending.learnerId,
      documentType: 'PSA_BIRTH_CERTIFICATE',
      receivedOn: '2026-07-32',
    }),
    learners: (fx) => [fx.pending.learnerId],
    expected: bad('input.receivedOn', 'DATE_INVALID'),
  },
  {
    title: 'submitDocument: for a learner who dropped out',
    operation: 'submitDocument',
    as: 'registrar',
    input: (fx) => ({
      enrollmentId: fx.dropped.enrollmentId,
      learnerId: fx.dropped.learnerId,
      documentType: 'PSA_BIRTH_CERTIFICATE',
      receivedOn: '2026-07-25',
    }),
    learners: (fx) => [fx.dropped.learnerId],
    expected: refusedWith('ENROLLMENT_CLOSED'),
  },
];

/** moveLearner refused (the receiving school sends it). */
export const moveLearnerRows: Row[] = [
  {
    title: 'moveLearner: a registrar’s letter without the affidavit of undertaking',
    operation: 'moveLearner',
    as: 'adams',
    input: (fx) => move(fx, { documents: ['REGISTRAR_LETTER'] }),
    learners: (fx) => [fx.enrolled.learnerId],
    expected: bad('input.documents', 'AFFIDAVIT_OF_UNDERTAKING_REQUIRED'),
  },
  {
    title: 'moveLearner: another school’s learner without its papers (issue 18)',
    operation: 'moveLearner',
    as: 'adams',
    input: (fx) => move(fx, { proof: null }),
    learners: (fx) => [fx.enrolled.learnerId],
    expected: bad('input.proof', 'PROOF_REQUIRED'),
  },
  {
    title: 'moveLearner: papers without a reason',
    operation: 'moveLearner',
    as: 'adams',
    input: (fx) => move(fx, { proof: { ...fx.papers[fx.enrolled.learnerId], reason: ' ' } }),
    learners: (fx) => [fx.enrolled.learnerId],
    expected: bad('input.proof.reason', 'REASON_REQUIRED'),
  },
  {
    title: 'moveLearner: papers naming a document that is not a transfer document',
    operation: 'moveLearner',
    as: 'adams',
    input: (fx) =>
      move(fx, {
        proof: { ...fx.papers[fx.enrolled.learnerId], documentSeen: 'PSA_BIRTH_CERTIFICATE' },
      }),
    learners: (fx) => [fx.enrolled.learnerId],
    expected: bad('input.proof.documentSeen', 'PROOF_REQUIRED'),
  },
  {
    title: 'moveLearner: papers with the wrong birth date',
    operation: 'moveLearner',
    as: 'adams',
    input: (fx) =>
      move(fx, { proof: { ...fx.papers[fx.enrolled.learnerId], birthDate: '2013-02-03' } }),
    learners: (fx) => [fx.enrolled.learnerId],
    expected: bad('input.proof', 'PROOF_MISMATCH'),
  },
  {
    title: 'moveLearner: papers with a last school ID that is not 6 digits',
    operation: 'moveLearner',
    as: 'adams',
    input: (fx) =>
      move(fx, {
        proof: {
          reason: 'moved',
          documentSeen: 'SF9',
          birthDate: '2013-02-02',
          lastName: 'X',
          firstName: 'Y',
          lastSchoolId: '12345',
        },
      }),
    learners: (fx) => [fx.enrolled.learnerId],
    expected: bad('input.proof.lastSchoolId', 'SCHOOL_ID_FORMAT'),
  },
  {
    title: 'moveLearner: a learner with no enrollment this year',
    operation: 'moveLearner',
    as: 'adams',
    input: (fx) => move(fx, { learnerId: fx.teen }),
    learners: (fx) => [fx.teen],
    expected: bad('input.learnerId', 'NOT_ENROLLED_ELSEWHERE'),
  },
  {
    title: 'moveLearner: moving in on 2026-06-01, before classes open',
    operation: 'moveLearner',
    as: 'adams',
    input: (fx) => move(fx, { moveDate: '2026-06-01' }),
    learners: (fx) => [fx.enrolled.learnerId],
    expected: bad('input.moveDate', 'OUTSIDE_SCHOOL_YEAR'),
  },
  {
    title: 'moveLearner: moving in on a future day',
    operation: 'moveLearner',
    as: 'adams',
    input: (fx) => move(fx, { moveDate: tomorrow }),
    learners: (fx) => [fx.enrolled.learnerId],
    expected: bad('input.moveDate', 'DATE_IN_FUTURE'),
  },
  {
    title: 'moveLearner: a move dated before the learner started at the school moved from',
    operation: 'moveLearner',
    as: 'adams',
    input: (fx) => move(fx, { learnerId: fx.pending.learnerId, moveDate: '2026-06-16' }),
    learners: (fx) => [fx.pending.learnerId],
    expected: bad('input.moveDate', 'BEFORE_ORIGIN_ENROLLMENT'),
  },
];

/** transferToAls refused. */
export const transferToAlsRows: Row[] = [
  {
    title: 'transferToAls: Grade 7 is no ALS program',
    operation: 'transferToAls',
    as: 'registrar',
    input: (fx) => ({
      enrollmentId: fx.enrolled.enrollmentId,
      effectiveOn: '2026-08-03',
      program: 'GRADE_7',
      facilitatorName: 'Maria Santos',
    }),
    learners: (fx) => [fx.enrolled.learnerId],
    expected: bad('input.program', 'NOT_AN_ALS_PROGRAM'),
  },
  {
    title: 'transferToAls: a blank facilitator',
    operation: 'transferToAls',
    as: 'registrar',
    input: (fx) => ({
      enrollmentId: fx.enrolled.enrollmentId,
      effectiveOn: '2026-08-03',
      program: 'ALS_AE_SECONDARY',
      facilitatorName: '   ',
    }),
    learners: (fx) => [fx.enrolled.learnerId],
    expected: bad('input.facilitatorName', 'REQUIRED'),
  },
  {
    title: 'transferToAls: effectiveOn 2026-08-32 is no date',
    operation: 'transferToAls',
    as: 'registrar',
    input: (fx) => ({
      enrollmentId: fx.enrolled.enrollmentId,
      effectiveOn: '2026-08-32',
      program: 'ALS_AE_SECONDARY',
      facilitatorName: 'Maria Santos',
    }),
    learners: (fx) => [fx.enrolled.learnerId],
    expected: bad('input.effectiveOn', 'DATE_INVALID'),
  },
];

/** dropOut refused. */
export const dropOutRows: Row[] = [
  {
    title: 'dropOut: a blank reason',
    operation: 'dropOut',
    as: 'registrar',
    input: (fx) => ({
      enrollmentId: fx.enrolled.enrollmentId,
      effectiveOn: '2026-07-20',
      reason: '  ',
    }),
    learners: (fx) => [fx.enrolled.learnerId],
    expected: bad('input.reason', 'REQUIRED'),
  },
  {
    title: 'dropOut: a reason of 501 characters',
    operation: 'dropOut',
    as: 'registrar',
    input: (fx) => ({
      enrollmentId: fx.enrolled.enrollmentId,
      effectiveOn: '2026-07-20',
      reason: 'x'.repeat(501),
    }),
    learners: (fx) => [fx.enrolled.learnerId],
    expected: bad('input.reason', 'TOO_LONG'),
  },
  {
    title: 'dropOut: effective 2026-06-10, before the first attendance',
    operation: 'dropOut',
    as: 'registrar',
    input: (fx) => ({
      enrollmentId: fx.enrolled.enrollmentId,
      effectiveOn: '2026-06-10',
      reason: 'Moved away',
    }),
    learners: (fx) => [fx.enrolled.learnerId],
    expected: bad('input.effectiveOn', 'BEFORE_FIRST_ATTENDANCE'),
  },
  {
    title: 'dropOut: effective on a future day',
    operation: 'dropOut',
    as: 'registrar',
    input: (fx) => ({
      enrollmentId: fx.enrolled.enrollmentId,
      effectiveOn: tomorrow,
      reason: 'Moved away',
    }),
    learners: (fx) => [fx.enrolled.learnerId],
    expected: bad('input.effectiveOn', 'DATE_IN_FUTURE'),
  },
  {
    title: 'dropOut: a learner who already dropped out',
    operation: 'dropOut',
    as: 'registrar',
    input: (fx) => ({
      enrollmentId: fx.dropped.enrollmentId,
      effectiveOn: '2026-08-03',
      reason: 'Still away',
    }),
    learners: (fx) => [fx.dropped.learnerId],
    expected: refusedWith('STATUS_CHANGE_NOT_ALLOWED'),
  },
  {
    title: 'dropOut: by Adams, of an enrollment at La Paz',
    operation: 'dropOut',
    as: 'adams',
    input: (fx) => ({
      enrollmentId: fx.knownToAdams.enrollmentId,
      effectiveOn: '2026-08-03',
      reason: 'Moved away',
    }),
    learners: (fx) => [fx.knownToAdams.learnerId],
    expected: refusedWith('ENROLLMENT_OF_ANOTHER_SCHOOL'),
  },
];
