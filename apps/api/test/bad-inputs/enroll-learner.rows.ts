import { SY } from '../enrollment-scenario.js';
import { bad, refusedWith, type Row } from './table.js';
import { type Fixtures, tomorrow, usedKey } from './world.js';

/** A valid Grade 5 enrollment of `fresh` at La Paz, but for the overrides. */
/** An enrollment of `fresh` unless overridden, with the learner's papers (issue 18). */
const enrollment = (fx: Fixtures, overrides: Record<string, unknown> = {}) => {
  const learnerId = (overrides.learnerId as string | undefined) ?? fx.fresh;
  return {
    learnerId,
    schoolYear: SY,
    gradeLevel: 'GRADE_5',
    admissionBasis: 'CONTINUING',
    documents: ['SF9'],
    enrolledOn: '2026-06-08',
    proof: fx.papers[learnerId] ?? null,
    ...overrides,
  };
};

/** enrollLearner: enrollment refused. */
export const enrollLearnerRows: Row[] = [
  {
    title: 'enrollLearner: a learnerId that is no id',
    operation: 'enrollLearner',
    as: 'registrar',
    input: (fx) => enrollment(fx, { learnerId: 'learner-12' }),
    learners: (fx) => [fx.fresh],
    expected: bad('input.learnerId', 'ID_INVALID'),
  },
  {
    title: 'enrollLearner: an unknown learner',
    operation: 'enrollLearner',
    as: 'registrar',
    input: (fx) => enrollment(fx, { learnerId: '999999999999' }),
    learners: () => ['999999999999'],
    expected: bad('input.learnerId', 'LEARNER_NOT_FOUND'),
  },
  {
    title: 'enrollLearner: a learner merged into another record',
    operation: 'enrollLearner',
    as: 'registrar',
    input: (fx) => enrollment(fx, { learnerId: fx.merged }),
    learners: (fx) => [fx.merged, fx.survivor],
    expected: refusedWith('LEARNER_MERGED'),
  },
  {
    title: 'enrollLearner: a school year written "2026-27"',
    operation: 'enrollLearner',
    as: 'registrar',
    input: (fx) => enrollment(fx, { schoolYear: '2026-27' }),
    learners: (fx) => [fx.fresh],
    expected: bad('input.schoolYear', 'SCHOOL_YEAR_INVALID'),
  },
  {
    title: 'enrollLearner: Kindergarten for a child four on the cut-off',
    operation: 'enrollLearner',
    as: 'registrar',
    input: (fx) =>
      enrollment(fx, {
        learnerId: fx.kinderYoung,
        gradeLevel: 'KINDER',
        admissionBasis: 'KINDER_AGE_5',
        documents: ['PSA_BIRTH_CERTIFICATE'],
      }),
    learners: (fx) => [fx.kinderYoung],
    expected: bad('input.birthDate', 'AGE_BELOW_CUTOFF'),
  },
  {
    title: 'enrollLearner: Kindergarten for a child born after the cut-off',
    operation: 'enrollLearner',
    as: 'registrar',
    input: (fx) =>
      enrollment(fx, {
        learnerId: fx.baby,
        gradeLevel: 'KINDER',
        admissionBasis: 'KINDER_AGE_5',
        documents: ['PSA_BIRTH_CERTIFICATE'],
      }),
    learners: (fx) => [fx.baby],
    expected: bad('input.birthDate', 'BIRTH_DATE_AFTER_CUTOFF'),
  },
  {
    title: 'enrollLearner: the Kindergarten basis for Grade 5',
    operation: 'enrollLearner',
    as: 'registrar',
    input: (fx) => enrollment(fx, { admissionBasis: 'KINDER_AGE_5' }),
    learners: (fx) => [fx.fresh],
    expected: bad('input.admissionBasis', 'BASIS_NOT_FOR_GRADE'),
  },
  {
    title: 'enrollLearner: a formal grade without an admission basis',
    operation: 'enrollLearner',
    as: 'registrar',
    input: (fx) => enrollment(fx, { admissionBasis: null }),
    learners: (fx) => [fx.fresh],
    expected: bad('input.admissionBasis', 'REQUIRED'),
  },
  {
    title:
      'enrollLearner: a first-time enrollee aged 11 from a school abroad, without KCEP or PEPT',
    operation: 'enrollLearner',
    as: 'registrar',
    input: (fx) =>
      enrollment(fx, {
        admissionBasis: 'FROM_SCHOOL_ABROAD',
        firstTimeEnrollee: true,
        documents: ['FOREIGN_REPORT_CARD'],
      }),
    learners: (fx) => [fx.fresh],
    expected: bad('input.admissionBasis', 'FIRST_TIME_NEEDS_KCEP_OR_PEPT'),
  },
  {
    title: 'enrollLearner: a continuing learner said to be a first-time enrollee',
    operation: 'enrollLearner',
    as: 'registrar',
    input: (fx) => enrollment(fx, { firstTimeEnrollee: true }),
    learners: (fx) => [fx.fresh],
    expected: bad('input.firstTimeEnrollee', 'BASIS_CONTRADICTS_FIRST_TIME'),
  },
  {
    title: 'enrollLearner: Grade 11 without a strand',
    operation: 'enrollLearner',
    as: 'registrar',
    input: (fx) =>
      enrollment(fx, {
        learnerId: fx.teen,
        gradeLevel: 'GRADE_11',
        admissionBasis: 'GRADE_10_COMPLETER',
      }),
    learners: (fx) => [fx.teen],
    expected: bad('input.strand', 'STRAND_REQUIRED'),
  },
  {
    title: 'enrollLearner: a strand in Grade 5',
    operation: 'enrollLearner',
    as: 'registrar',
    input: (fx) => enrollment(fx, { strand: 'STEM' }),
    learners: (fx) => [fx.fresh],
    expected: bad('input.strand', 'STRAND_NOT_FOR_GRADE'),
  },
  {
    title: 'enrollLearner: Grade 1 at Adams National High School (JHS and SHS only)',
    operation: 'enrollLearner',
    as: 'adams',
    input: (fx) =>
      enrollment(fx, {
        gradeLevel: 'GRADE_1',
        admissionBasis: 'KCEP_COMPLETED',
        documents: ['PSA_BIRTH_CERTIFICATE'],
      }),
    learners: (fx) => [fx.fresh],
    expected: bad('input.gradeLevel', 'GRADE_NOT_OFFERED'),
  },
  {
    title: 'enrollLearner: IP as an enrollment category',
    operation: 'enrollLearner',
    as: 'registrar',
    input: (fx) => enrollment(fx, { categories: ['IP'] }),
    learners: (fx) => [fx.fresh],
    expected: bad('input.categories', 'CATEGORY_BELONGS_TO_LEARNER'),
  },
  {
    title: 'enrollLearner: enrolledOn in the future',
    operation: 'enrollLearner',
    as: 'registrar',
    input: (fx) => enrollment(fx, { enrolledOn: tomorrow }),
    learners: (fx) => [fx.fresh],
    expected: bad('input.enrolledOn', 'DATE_IN_FUTURE'),
  },
  {
    title: 'enrollLearner: enrolledOn "June 8" is no date',
    operation: 'enrollLearner',
    as: 'registrar',
    input: (fx) => enrollment(fx, { enrolledOn: 'June 8' }),
    learners: (fx) => [fx.fresh],
    expected: bad('input.enrolledOn', 'DATE_INVALID'),
  },
  {
    title: 'enrollLearner: enrolledOn 2026-01-05, before the school year starts',
    operation: 'enrollLearner',
    as: 'registrar',
    input: (fx) => enrollment(fx, { enrolledOn: '2026-01-05' }),
    learners: (fx) => [fx.fresh],
    expected: bad('input.enrolledOn', 'OUTSIDE_SCHOOL_YEAR'),
  },
  {
    title: 'enrollLearner: first attendance 2026-06-12, before the opening day',
    operation: 'enrollLearner',
    as: 'registrar',
    input: (fx) => enrollment(fx, { enrolledOn: '2026-06-01', firstAttendance: '2026-06-12' }),
    learners: (fx) => [fx.fresh],
    expected: bad('input.firstAttendance', 'OUTSIDE_SCHOOL_YEAR'),
  },
  {
    title: 'enrollLearner: first attendance 2026-06-31 is no date',
    operation: 'enrollLearner',
    as: 'registrar',
    input: (fx) => enrollment(fx, { firstAttendance: '2026-06-31' }),
    learners: (fx) => [fx.fresh],
    expected: bad('input.firstAttendance', 'DATE_INVALID'),
  },
  {
    title: 'enrollLearner: ALS first attendance 2026-11-02, after the 2026-10-30 cut-off',
    operation: 'enrollLearner',
    as: 'als',
    input: (fx) => ({
      learnerId: fx.alsLearner,
      schoolYear: SY,
      gradeLevel: 'ALS_BLP',
      enrolledOn: '2026-10-01',
      firstAttendance: '2026-11-02',
    }),
    learners: (fx) => [fx.alsLearner],
    expected: bad('input.firstAttendance', 'AFTER_ALS_CUTOFF'),
  },
  {
    title: 'enrollLearner: ALS without a first date of attendance',
    operation: 'enrollLearner',
    as: 'als',
    input: (fx) => ({
      learnerId: fx.alsLearner,
      schoolYear: SY,
      gradeLevel: 'ALS_AE_SECONDARY',
      enrolledOn: '2026-10-01',
    }),
    learners: (fx) => [fx.alsLearner],
    expected: bad('input.firstAttendance', 'REQUIRED'),
  },
  {
    title: 'enrollLearner: a first-time enrollee aged 14 in Grade 7 without a placement reason',
    operation: 'enrollLearner',
    as: 'registrar',
    input: (fx) =>
      enrollment(fx, {
        learnerId: fx.teen,
        gradeLevel: 'GRADE_7',
        admissionBasis: 'PEPT_PASSER',
        firstTimeEnrollee: true,
        documents: ['PEPT_RESULT', 'PSA_BIRTH_CERTIFICATE'],
      }),
    learners: (fx) => [fx.teen],
    expected: bad('input.placementReason', 'FORMAL_PLACEMENT_NEEDS_REASON'),
  },
  {
    // A registrar's is filed for the head (issue 21); the head's own needs the catch-up plan.
    title: 'enrollLearner: late (2026-10-05), entered by the head without a catch-up plan',
    operation: 'enrollLearner',
    as: 'head',
    input: (fx) => enrollment(fx, { enrolledOn: '2026-10-05' }),
    learners: (fx) => [fx.fresh],
    expected: bad('input.lateApproval', 'HEAD_APPROVAL_AND_CATCH_UP_PLAN_REQUIRED'),
  },
  {
    title: 'enrollLearner: a late approval sent by a registrar',
    operation: 'enrollLearner',
    as: 'registrar',
    input: (fx) =>
      enrollment(fx, {
        enrolledOn: '2026-10-05',
        lateApproval: { catchUpPlan: 'Saturday remedial classes' },
      }),
    learners: (fx) => [fx.fresh],
    expected: bad('input.lateApproval', 'ONLY_SCHOOL_HEAD_APPROVES'),
  },
  {
    title: 'enrollLearner: a second birth document of another kind',
    operation: 'enrollLearner',
    as: 'registrar',
    input: (fx) =>
      enrollment(fx, { learnerId: fx.withPsa, documents: ['SF9', 'BARANGAY_CERTIFICATION'] }),
    learners: (fx) => [fx.withPsa],
    expected: bad('input.documents', 'BIRTH_DOCUMENT_ALREADY_ON_FILE'),
  },
  {
    title: 'enrollLearner: two birth documents at once',
    operation: 'enrollLearner',
    as: 'registrar',
    input: (fx) =>
      enrollment(fx, { documents: ['SF9', 'PSA_BIRTH_CERTIFICATE', 'LCR_BIRTH_CERTIFICATE'] }),
    learners: (fx) => [fx.fresh],
    expected: bad('input.documents', 'ONE_BIRTH_DOCUMENT'),
  },
  {
    title: 'enrollLearner: at Adams, a learner enrolled at La Paz',
    operation: 'enrollLearner',
    as: 'adams',
    input: (fx) => enrollment(fx, { learnerId: fx.enrolled.learnerId, gradeLevel: 'GRADE_8' }),
    learners: (fx) => [fx.enrolled.learnerId],
    expected: refusedWith('ALREADY_ENROLLED'),
  },
  {
    title: 'enrollLearner: an idempotency key with a space in it',
    operation: 'enrollLearner',
    as: 'registrar',
    input: (fx) => enrollment(fx),
    idempotencyKey: 'bad key 0001',
    learners: (fx) => [fx.fresh],
    expected: bad('idempotencyKey', 'IDEMPOTENCY_KEY_FORMAT'),
  },
  {
    title: 'enrollLearner: an idempotency key used for another learner',
    operation: 'enrollLearner',
    as: 'registrar',
    input: (fx) => enrollment(fx),
    idempotencyKey: usedKey,
    learners: (fx) => [fx.fresh, fx.keyed.learnerId],
    expected: refusedWith('IDEMPOTENCY_KEY_REUSED'),
  },
  {
    title: 'enrollLearner: an enrollment dated before the early registration it completes',
    operation: 'enrollLearner',
    as: 'registrar',
    input: (fx) => ({
      learnerId: fx.preRegistered.learnerId,
      schoolYear: SY,
      gradeLevel: 'KINDER',
      admissionBasis: 'KINDER_AGE_5',
      documents: ['PSA_BIRTH_CERTIFICATE'],
      enrolledOn: '2026-02-01',
    }),
    learners: (fx) => [fx.preRegistered.learnerId],
    expected: bad('input.enrolledOn', 'BEFORE_EARLY_REGISTRATION'),
  },
];
