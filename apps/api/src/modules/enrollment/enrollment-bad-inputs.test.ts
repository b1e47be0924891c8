import { Role } from '@repo/domain/access';
import { type DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daysFromToday } from '../../../test/clock-fixtures.js';
import {
  createLearner,
  footprint,
  mutate,
  newProfile,
  type ResultView,
} from '../../../test/enrollment-fixtures.js';
import {
  createTestAccount,
  openTestDataSource,
  startTestServer,
  type TestServer,
} from '../../../test/harness.js';

// SY 2026-2027 as seeded: classes 2026-06-15 to 2027-03-31, early registration 2026-01-31 to
// 2026-02-27, age cut-off and document deadline 2026-08-31, ALS cut-off 2026-10-30.
const SY = '2026-2027';
const LA_PAZ = 500743; // La Paz Integrated School, Abra: K to 12
const ADAMS = 300001; // Adams National High School, Ilocos Norte: JHS and SHS
const ANANAAO = 500518; // An-anaao Integrated School, Abra: hosts an ALS learning center
/** A seeded calendar no other test changes: the calendar rows aim at it. */
const CALENDAR_YEAR = '2027-2028';
/** A year with no calendar, for a change that names a version. */
const NO_CALENDAR_YEAR = '2037-2038';
/**
 * The first day in the future, whatever day the run is pinned to: every date of the scenario
 * (SY 2026-2027) is past, and a command refuses a future date before it reads anything.
 */
const tomorrow = daysFromToday(1);

type Actor = 'registrar' | 'head' | 'adams' | 'als' | 'admin';
type Operation =
  | 'preRegister'
  | 'enrollLearner'
  | 'recordFirstAttendance'
  | 'submitDocument'
  | 'moveLearner'
  | 'transferToAls'
  | 'dropOut'
  | 'setSchoolCalendar';

const inputTypes: Record<Exclude<Operation, 'setSchoolCalendar'>, string> = {
  preRegister: 'PreRegisterInput',
  enrollLearner: 'EnrollLearnerInput',
  recordFirstAttendance: 'FirstAttendanceInput',
  submitDocument: 'SubmitDocumentInput',
  moveLearner: 'MoveLearnerInput',
  transferToAls: 'TransferToAlsInput',
  dropOut: 'DropOutInput',
};

interface Placed {
  learnerId: string;
  enrollmentId: string;
}

/** What beforeAll prepares; every row builds its input from these. */
interface Fixtures {
  /** On record at La Paz (born 2015-04-04), never enrolled. */
  fresh: string;
  /** Four on the 2026 age cut-off. */
  kinderYoung: string;
  /** Born after the 2026 age cut-off. */
  baby: string;
  /** Fourteen on the cut-off, never in school. */
  teen: string;
  /** A PSA birth certificate on file, never enrolled. */
  withPsa: string;
  /** On record at An-anaao's learning center. */
  alsLearner: string;
  /** Merged into `survivor`. */
  merged: string;
  survivor: string;
  /** Grade 8 at La Paz, SF9 in, attending since 2026-06-15: officially enrolled. */
  enrolled: Placed;
  /** Grade 5 at La Paz, enrolled on 2026-06-20, no first attendance yet. */
  pending: Placed;
  /** Early registration for Kindergarten at La Paz, not enrolled yet. */
  preRegistered: Placed;
  /** Grade 4 at La Paz with the PSA birth certificate handed in. */
  birthDocument: Placed;
  /** Grade 6 at La Paz, dropped out on 2026-07-20. */
  dropped: Placed;
  /** Registered by Adams (so Adams sees it), enrolled at La Paz. */
  knownToAdams: Placed;
  /** Enrolled at La Paz under the idempotency key `usedKey`. */
  keyed: Placed;
  calendarVersion: number;
  prescribedDays: number;
}

const usedKey = 'bad-inputs-enrol-0001';

let dataSource: DataSource;
let server: TestServer;
const tokens = {} as Record<Actor, string>;
const f = {} as Fixtures;

const ok = (outcome: { result: ResultView | null; error: unknown }) => {
  expect(outcome.error).toBeNull();
  return outcome.result!;
};

async function enrolledAtLaPaz(
  birthDate: string,
  gradeLevel: string,
  extra: Record<string, unknown> = {},
  idempotencyKey?: string,
  creator: string = tokens.registrar,
): Promise<Placed> {
  const learnerId = await createLearner(server, creator, birthDate);
  const result = ok(
    await mutate(
      server,
      tokens.registrar,
      'enrollLearner',
      'EnrollLearnerInput',
      {
        learnerId,
        schoolYear: SY,
        gradeLevel,
        admissionBasis: 'CONTINUING',
        documents: ['SF9'],
        enrolledOn: '2026-06-08',
        firstAttendance: '2026-06-15',
        ...extra,
      },
      idempotencyKey,
    ),
  );
  return { learnerId, enrollmentId: result.enrollment.id };
}

beforeAll(async () => {
  dataSource = await openTestDataSource();
  server = await startTestServer(dataSource);
  await dataSource.query('UPDATE school SET is_als_learning_center = true WHERE id = $1', [
    ANANAAO,
  ]);
  tokens.registrar = (
    await createTestAccount(dataSource, Role.SCHOOL_REGISTRAR, { schoolId: LA_PAZ })
  ).token;
  tokens.head = (await createTestAccount(dataSource, Role.SCHOOL_HEAD, { schoolId: LA_PAZ })).token;
  tokens.adams = (
    await createTestAccount(dataSource, Role.SCHOOL_REGISTRAR, { schoolId: ADAMS })
  ).token;
  tokens.als = (
    await createTestAccount(dataSource, Role.ALS_FACILITATOR, { schoolId: ANANAAO })
  ).token;
  tokens.admin = (await createTestAccount(dataSource, Role.ADMINISTRATOR)).token;

  f.fresh = await createLearner(server, tokens.registrar, '2015-04-04');
  f.kinderYoung = await createLearner(server, tokens.registrar, '2022-03-03');
  f.baby = await createLearner(server, tokens.registrar, '2026-09-10');
  f.teen = await createLearner(server, tokens.registrar, '2012-01-15');
  f.withPsa = await createLearner(server, tokens.registrar, '2015-06-06', {
    birthDocumentType: 'PSA_BIRTH_CERTIFICATE',
    birthDocumentReceivedOn: '2025-05-05',
  });
  f.alsLearner = await createLearner(server, tokens.als, '2001-01-01');
  f.survivor = await createLearner(server, tokens.registrar, '2014-02-02');
  f.merged = await createLearner(server, tokens.registrar, '2014-02-02');
  await dataSource.query('UPDATE learner SET merged_into_id = $2 WHERE id = $1', [
    f.merged,
    f.survivor,
  ]);

  f.enrolled = await enrolledAtLaPaz('2013-02-02', 'GRADE_8');
  f.birthDocument = await enrolledAtLaPaz('2016-03-03', 'GRADE_4', {
    documents: ['SF9', 'PSA_BIRTH_CERTIFICATE'],
  });
  f.dropped = await enrolledAtLaPaz('2014-07-07', 'GRADE_6');
  ok(
    await mutate(server, tokens.registrar, 'dropOut', 'DropOutInput', {
      enrollmentId: f.dropped.enrollmentId,
      effectiveOn: '2026-07-20',
      reason: 'Family moved to the farm during harvest',
    }),
  );
  f.knownToAdams = await enrolledAtLaPaz('2011-08-08', 'GRADE_9', {}, undefined, tokens.adams);
  f.keyed = await enrolledAtLaPaz('2017-09-09', 'GRADE_3', {}, usedKey);
  f.pending = await enrolledAtLaPaz('2015-05-05', 'GRADE_5', {
    enrolledOn: '2026-06-20',
    firstAttendance: null,
  });
  const registered = ok(
    await mutate(server, tokens.registrar, 'preRegister', 'PreRegisterInput', {
      learner: newProfile('2021-03-10'),
      schoolYear: SY,
      gradeLevel: 'KINDER',
      registeredOn: '2026-02-02',
    }),
  );
  f.preRegistered = {
    learnerId: registered.enrollment.learnerId,
    enrollmentId: registered.enrollment.id,
  };

  const [calendar] = await dataSource.query<{ version: number; prescribed: number }[]>(
    `SELECT version, prescribed_school_days AS prescribed FROM school_calendar
     WHERE school_year = $1`,
    [CALENDAR_YEAR],
  );
  f.calendarVersion = calendar!.version;
  f.prescribedDays = calendar!.prescribed;
});
afterAll(async () => {
  await server.close();
  await dataSource.destroy();
});

type Expected = { code: string } | { field: string; rule: string };

interface Row {
  title: string;
  operation: Operation;
  as: Actor;
  input: (fx: Fixtures) => Record<string, unknown>;
  idempotencyKey?: string;
  /** The learners the refusal must leave as they were. */
  learners: (fx: Fixtures) => string[];
  expected: Expected;
}

const bad = (field: string, rule: string): Expected => ({ field, rule });
const refusedWith = (code: string): Expected => ({ code });

/** A valid Grade 5 enrolment of `fresh` at La Paz, but for the overrides. */
const enrolment = (fx: Fixtures, overrides: Record<string, unknown> = {}) => ({
  learnerId: fx.fresh,
  schoolYear: SY,
  gradeLevel: 'GRADE_5',
  admissionBasis: 'CONTINUING',
  documents: ['SF9'],
  enrolledOn: '2026-06-08',
  ...overrides,
});

/** A valid early registration of `fresh` for Grade 7, but for the overrides. */
const registration = (fx: Fixtures, overrides: Record<string, unknown> = {}) => ({
  learnerId: fx.fresh,
  schoolYear: SY,
  gradeLevel: 'GRADE_7',
  registeredOn: '2026-02-02',
  ...overrides,
});

/** A move of `enrolled` from La Paz to Adams in the transfer window, but for the overrides. */
const move = (fx: Fixtures, overrides: Record<string, unknown> = {}) => ({
  learnerId: fx.enrolled.learnerId,
  schoolYear: SY,
  gradeLevel: 'GRADE_8',
  moveDate: '2026-09-14',
  documents: ['SF9'],
  ...overrides,
});

/** The seeded 2027-2028 calendar as it stands, but for the overrides. */
const calendarChange = (fx: Fixtures, overrides: Record<string, unknown> = {}) => ({
  schoolYear: CALENDAR_YEAR,
  openingDay: '2027-06-14',
  closingDay: '2028-03-31',
  prescribedSchoolDays: fx.prescribedDays,
  version: fx.calendarVersion,
  ...overrides,
});

const rows: Row[] = [
  {
    title: 'moveLearner: a move dated before the learner started at the school moved from',
    operation: 'moveLearner',
    as: 'adams',
    input: (fx) => move(fx, { learnerId: fx.pending.learnerId, moveDate: '2026-06-16' }),
    learners: (fx) => [fx.pending.learnerId],
    expected: bad('input.moveDate', 'BEFORE_ORIGIN_ENROLLMENT'),
  },
  {
    title: 'enrollLearner: an enrolment dated before the early registration it completes',
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
  // --- preRegister -------------------------------------------------------------------------
  {
    title: 'preRegister: both learnerId and a new learner profile',
    operation: 'preRegister',
    as: 'registrar',
    input: (fx) => registration(fx, { learner: newProfile('2014-03-03') }),
    learners: (fx) => [fx.fresh],
    expected: bad('input.learnerId', 'LEARNER_OR_PROFILE_REQUIRED'),
  },
  {
    title: 'preRegister: a school year without a calendar (2040-2041)',
    operation: 'preRegister',
    as: 'registrar',
    input: (fx) => registration(fx, { schoolYear: '2040-2041', registeredOn: '2026-02-02' }),
    learners: (fx) => [fx.fresh],
    expected: bad('input.schoolYear', 'CALENDAR_NOT_SET'),
  },
  {
    title: 'preRegister: registered on 2026-03-02, after the early-registration window',
    operation: 'preRegister',
    as: 'registrar',
    input: () => ({
      learner: newProfile('2021-05-05'),
      schoolYear: SY,
      gradeLevel: 'KINDER',
      registeredOn: '2026-03-02',
    }),
    learners: () => [],
    expected: bad('input.registeredOn', 'OUTSIDE_EARLY_REGISTRATION_WINDOW'),
  },
  {
    title: 'preRegister: Grade 3 is no early-registration grade',
    operation: 'preRegister',
    as: 'registrar',
    input: (fx) => registration(fx, { gradeLevel: 'GRADE_3' }),
    learners: (fx) => [fx.fresh],
    expected: bad('input.gradeLevel', 'NOT_AN_EARLY_REGISTRATION_GRADE'),
  },
  {
    title: 'preRegister: circumstances for a learner neither OSC nor OSY',
    operation: 'preRegister',
    as: 'registrar',
    input: (fx) => registration(fx, { circumstances: ['DISPLACED_BY_DISASTER'] }),
    learners: (fx) => [fx.fresh],
    expected: bad('input.circumstances', 'CIRCUMSTANCES_ONLY_FOR_OSC_OSY'),
  },
  {
    title: 'preRegister: registeredOn 2026-02-30 is no date',
    operation: 'preRegister',
    as: 'registrar',
    input: (fx) => registration(fx, { registeredOn: '2026-02-30' }),
    learners: (fx) => [fx.fresh],
    expected: bad('input.registeredOn', 'DATE_INVALID'),
  },
  {
    title: 'preRegister: registeredOn in the future',
    operation: 'preRegister',
    as: 'registrar',
    input: (fx) => registration(fx, { registeredOn: tomorrow }),
    learners: (fx) => [fx.fresh],
    expected: bad('input.registeredOn', 'DATE_IN_FUTURE'),
  },
  {
    title: 'preRegister: a new profile with an unknown name extension',
    operation: 'preRegister',
    as: 'registrar',
    input: () => ({
      learner: newProfile('2021-06-06', { extensionName: 'XIV' }),
      schoolYear: SY,
      gradeLevel: 'KINDER',
      registeredOn: '2026-02-02',
    }),
    learners: () => [],
    expected: bad('input.learner.extensionName', 'EXTENSION_UNKNOWN'),
  },

  // --- enrollLearner -----------------------------------------------------------------------
  {
    title: 'enrollLearner: a learnerId that is no id',
    operation: 'enrollLearner',
    as: 'registrar',
    input: (fx) => enrolment(fx, { learnerId: 'learner-12' }),
    learners: (fx) => [fx.fresh],
    expected: bad('input.learnerId', 'ID_INVALID'),
  },
  {
    title: 'enrollLearner: an unknown learner',
    operation: 'enrollLearner',
    as: 'registrar',
    input: (fx) => enrolment(fx, { learnerId: '999999999999' }),
    learners: () => ['999999999999'],
    expected: bad('input.learnerId', 'LEARNER_NOT_FOUND'),
  },
  {
    title: 'enrollLearner: a learner merged into another record',
    operation: 'enrollLearner',
    as: 'registrar',
    input: (fx) => enrolment(fx, { learnerId: fx.merged }),
    learners: (fx) => [fx.merged, fx.survivor],
    expected: refusedWith('LEARNER_MERGED'),
  },
  {
    title: 'enrollLearner: a school year written "2026-27"',
    operation: 'enrollLearner',
    as: 'registrar',
    input: (fx) => enrolment(fx, { schoolYear: '2026-27' }),
    learners: (fx) => [fx.fresh],
    expected: bad('input.schoolYear', 'SCHOOL_YEAR_INVALID'),
  },
  {
    title: 'enrollLearner: Kindergarten for a child four on the cut-off',
    operation: 'enrollLearner',
    as: 'registrar',
    input: (fx) =>
      enrolment(fx, {
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
      enrolment(fx, {
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
    input: (fx) => enrolment(fx, { admissionBasis: 'KINDER_AGE_5' }),
    learners: (fx) => [fx.fresh],
    expected: bad('input.admissionBasis', 'BASIS_NOT_FOR_GRADE'),
  },
  {
    title: 'enrollLearner: a formal grade without an admission basis',
    operation: 'enrollLearner',
    as: 'registrar',
    input: (fx) => enrolment(fx, { admissionBasis: null }),
    learners: (fx) => [fx.fresh],
    expected: bad('input.admissionBasis', 'REQUIRED'),
  },
  {
    title:
      'enrollLearner: a first-time enrollee aged 11 from a school abroad, without KCEP or PEPT',
    operation: 'enrollLearner',
    as: 'registrar',
    input: (fx) =>
      enrolment(fx, {
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
    input: (fx) => enrolment(fx, { firstTimeEnrollee: true }),
    learners: (fx) => [fx.fresh],
    expected: bad('input.firstTimeEnrollee', 'BASIS_CONTRADICTS_FIRST_TIME'),
  },
  {
    title: 'enrollLearner: Grade 11 without a strand',
    operation: 'enrollLearner',
    as: 'registrar',
    input: (fx) =>
      enrolment(fx, {
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
    input: (fx) => enrolment(fx, { strand: 'STEM' }),
    learners: (fx) => [fx.fresh],
    expected: bad('input.strand', 'STRAND_NOT_FOR_GRADE'),
  },
  {
    title: 'enrollLearner: Grade 1 at Adams National High School (JHS and SHS only)',
    operation: 'enrollLearner',
    as: 'adams',
    input: (fx) =>
      enrolment(fx, {
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
    input: (fx) => enrolment(fx, { categories: ['IP'] }),
    learners: (fx) => [fx.fresh],
    expected: bad('input.categories', 'CATEGORY_BELONGS_TO_LEARNER'),
  },
  {
    title: 'enrollLearner: enrolledOn in the future',
    operation: 'enrollLearner',
    as: 'registrar',
    input: (fx) => enrolment(fx, { enrolledOn: tomorrow }),
    learners: (fx) => [fx.fresh],
    expected: bad('input.enrolledOn', 'DATE_IN_FUTURE'),
  },
  {
    title: 'enrollLearner: enrolledOn "June 8" is no date',
    operation: 'enrollLearner',
    as: 'registrar',
    input: (fx) => enrolment(fx, { enrolledOn: 'June 8' }),
    learners: (fx) => [fx.fresh],
    expected: bad('input.enrolledOn', 'DATE_INVALID'),
  },
  {
    title: 'enrollLearner: enrolledOn 2026-01-05, before the school year starts',
    operation: 'enrollLearner',
    as: 'registrar',
    input: (fx) => enrolment(fx, { enrolledOn: '2026-01-05' }),
    learners: (fx) => [fx.fresh],
    expected: bad('input.enrolledOn', 'OUTSIDE_SCHOOL_YEAR'),
  },
  {
    title: 'enrollLearner: first attendance 2026-06-12, before the opening day',
    operation: 'enrollLearner',
    as: 'registrar',
    input: (fx) => enrolment(fx, { enrolledOn: '2026-06-01', firstAttendance: '2026-06-12' }),
    learners: (fx) => [fx.fresh],
    expected: bad('input.firstAttendance', 'OUTSIDE_SCHOOL_YEAR'),
  },
  {
    title: 'enrollLearner: first attendance 2026-06-31 is no date',
    operation: 'enrollLearner',
    as: 'registrar',
    input: (fx) => enrolment(fx, { firstAttendance: '2026-06-31' }),
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
      enrolment(fx, {
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
    title: 'enrollLearner: late (2026-10-05) without the head’s approval',
    operation: 'enrollLearner',
    as: 'registrar',
    input: (fx) => enrolment(fx, { enrolledOn: '2026-10-05' }),
    learners: (fx) => [fx.fresh],
    expected: bad('input.lateApproval', 'HEAD_APPROVAL_AND_CATCH_UP_PLAN_REQUIRED'),
  },
  {
    title: 'enrollLearner: a late approval sent by a registrar',
    operation: 'enrollLearner',
    as: 'registrar',
    input: (fx) =>
      enrolment(fx, {
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
      enrolment(fx, { learnerId: fx.withPsa, documents: ['SF9', 'BARANGAY_CERTIFICATION'] }),
    learners: (fx) => [fx.withPsa],
    expected: bad('input.documents', 'BIRTH_DOCUMENT_ALREADY_ON_FILE'),
  },
  {
    title: 'enrollLearner: two birth documents at once',
    operation: 'enrollLearner',
    as: 'registrar',
    input: (fx) =>
      enrolment(fx, { documents: ['SF9', 'PSA_BIRTH_CERTIFICATE', 'LCR_BIRTH_CERTIFICATE'] }),
    learners: (fx) => [fx.fresh],
    expected: bad('input.documents', 'ONE_BIRTH_DOCUMENT'),
  },
  {
    title: 'enrollLearner: at Adams, a learner enrolled at La Paz',
    operation: 'enrollLearner',
    as: 'adams',
    input: (fx) => enrolment(fx, { learnerId: fx.enrolled.learnerId, gradeLevel: 'GRADE_8' }),
    learners: (fx) => [fx.enrolled.learnerId],
    expected: refusedWith('ALREADY_ENROLLED'),
  },
  {
    title: 'enrollLearner: an idempotency key with a space in it',
    operation: 'enrollLearner',
    as: 'registrar',
    input: (fx) => enrolment(fx),
    idempotencyKey: 'bad key 0001',
    learners: (fx) => [fx.fresh],
    expected: bad('idempotencyKey', 'IDEMPOTENCY_KEY_FORMAT'),
  },
  {
    title: 'enrollLearner: an idempotency key used for another learner',
    operation: 'enrollLearner',
    as: 'registrar',
    input: (fx) => enrolment(fx),
    idempotencyKey: usedKey,
    learners: (fx) => [fx.fresh, fx.keyed.learnerId],
    expected: refusedWith('IDEMPOTENCY_KEY_REUSED'),
  },

  // --- recordFirstAttendance ---------------------------------------------------------------
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
    title: 'recordFirstAttendance: 2026-06-16, before the enrolment on 2026-06-20',
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

  // --- submitDocument ----------------------------------------------------------------------
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
    title: 'submitDocument: received 2026-06-19, before the enrolment on 2026-06-20',
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

  // --- moveLearner -------------------------------------------------------------------------
  {
    title: 'moveLearner: a registrar’s letter without the affidavit of undertaking',
    operation: 'moveLearner',
    as: 'adams',
    input: (fx) => move(fx, { documents: ['REGISTRAR_LETTER'] }),
    learners: (fx) => [fx.enrolled.learnerId],
    expected: bad('input.documents', 'AFFIDAVIT_OF_UNDERTAKING_REQUIRED'),
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

  // --- transferToAls -----------------------------------------------------------------------
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

  // --- dropOut -----------------------------------------------------------------------------
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

  // --- setSchoolCalendar (an administrator) ------------------------------------------------
  {
    title: 'setSchoolCalendar: closing before opening',
    operation: 'setSchoolCalendar',
    as: 'admin',
    input: (fx) => calendarChange(fx, { closingDay: '2027-06-01' }),
    learners: () => [],
    expected: bad('input.closingDay', 'NOT_AFTER_OPENING'),
  },
  {
    title: 'setSchoolCalendar: opening in the second year of the school year',
    operation: 'setSchoolCalendar',
    as: 'admin',
    input: (fx) => calendarChange(fx, { openingDay: '2028-01-10' }),
    learners: () => [],
    expected: bad('input.openingDay', 'NOT_IN_FIRST_YEAR'),
  },
  {
    title: 'setSchoolCalendar: opening 2027-06-31 is no date',
    operation: 'setSchoolCalendar',
    as: 'admin',
    input: (fx) => calendarChange(fx, { openingDay: '2027-06-31' }),
    learners: () => [],
    expected: bad('input.openingDay', 'DATE_INVALID'),
  },
  {
    title: 'setSchoolCalendar: an age cut-off override that is no date',
    operation: 'setSchoolCalendar',
    as: 'admin',
    input: (fx) => calendarChange(fx, { overrides: { ageCutoff: '2027-02-29' } }),
    learners: () => [],
    expected: bad('input.overrides.ageCutoff', 'DATE_INVALID'),
  },
  {
    title: 'setSchoolCalendar: a day without classes after the closing day',
    operation: 'setSchoolCalendar',
    as: 'admin',
    input: (fx) => calendarChange(fx, { nonSchoolDays: ['2028-05-01'] }),
    learners: () => [],
    expected: bad('input.nonSchoolDays', 'OUTSIDE_SCHOOL_YEAR'),
  },
  {
    title: 'setSchoolCalendar: no prescribed school days',
    operation: 'setSchoolCalendar',
    as: 'admin',
    input: (fx) => calendarChange(fx, { prescribedSchoolDays: 0 }),
    learners: () => [],
    expected: bad('input.prescribedSchoolDays', 'DAYS_RANGE'),
  },
  {
    title: 'setSchoolCalendar: a stale version',
    operation: 'setSchoolCalendar',
    as: 'admin',
    input: (fx) =>
      calendarChange(fx, { version: fx.calendarVersion + 7, closingDay: '2028-03-30' }),
    learners: () => [],
    expected: refusedWith('STALE_UPDATE'),
  },
  {
    title: 'setSchoolCalendar: a version for a year with no calendar',
    operation: 'setSchoolCalendar',
    as: 'admin',
    input: (fx) =>
      calendarChange(fx, {
        schoolYear: NO_CALENDAR_YEAR,
        openingDay: '2037-06-15',
        closingDay: '2038-03-31',
        version: 1,
      }),
    learners: () => [],
    expected: bad('input.version', 'CALENDAR_NOT_FOUND'),
  },
];

const errorKey = (expected: Expected) =>
  'code' in expected ? expected.code : `${expected.field} ${expected.rule}`;

async function send(row: Row, input: Record<string, unknown>) {
  if (row.operation === 'setSchoolCalendar') {
    const response = await server.graphql<{ setSchoolCalendar: unknown }>(
      'mutation($input: SchoolCalendarInput!) { setSchoolCalendar(input: $input) { schoolYear version } }',
      { input },
      tokens[row.as],
    );
    return {
      result: response.data?.setSchoolCalendar ?? null,
      error: response.errors?.[0]?.extensions ?? null,
    };
  }
  return mutate(
    server,
    tokens[row.as],
    row.operation,
    inputTypes[row.operation],
    input,
    row.idempotencyKey,
  );
}

/** Everything a refusal must leave untouched: the learners' rows, a new profile, the calendars. */
async function snapshot(row: Row, input: Record<string, unknown>) {
  const learners = [];
  for (const id of row.learners(f)) learners.push(await footprint(dataSource, id));
  const profile = input.learner as { lastName?: string } | undefined;
  const newProfiles = profile?.lastName
    ? await dataSource.query<{ n: number }[]>(
        'SELECT count(*)::int AS n FROM learner WHERE last_name = $1',
        [profile.lastName],
      )
    : null;
  const calendars =
    row.operation === 'setSchoolCalendar'
      ? {
          rows: await dataSource.query<unknown[]>(
            `SELECT school_year, version, opening_day::text, closing_day::text,
                    prescribed_school_days, non_school_days::text, age_cutoff::text, updated_at
             FROM school_calendar WHERE school_year IN ($1, $2, $3) ORDER BY school_year`,
            [SY, CALENDAR_YEAR, NO_CALENDAR_YEAR],
          ),
          audits: await dataSource.query<{ n: number }[]>(
            `SELECT count(*)::int AS n FROM audit_event WHERE entity = 'school_calendar'`,
          ),
        }
      : null;
  return { learners, newProfiles, calendars };
}

describe('refused inputs write nothing', () => {
  it('the table names a distinct error in each row', () => {
    expect(rows.length).toBeGreaterThanOrEqual(35);
    const keys = rows.map((row) => errorKey(row.expected));
    expect(new Set(keys).size).toBe(keys.length);
  });

  // The title as a plain string: `$title` would be quoted and cut at 40 characters.
  it.each(rows.map((row) => [row.title, row] as const))('%s', async (_title, row) => {
    const input = row.input(f);
    const before = await snapshot(row, input);
    // Every learner row watches at least one learner, or the new profile it sends.
    if (row.operation !== 'setSchoolCalendar')
      expect(before.learners.length + (before.newProfiles ? 1 : 0)).toBeGreaterThan(0);
    const outcome = await send(row, input);
    expect(outcome.result).toBeNull();
    if ('code' in row.expected) {
      expect(outcome.error).toMatchObject({ code: row.expected.code });
    } else {
      expect(outcome.error).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: row.expected.field,
        rule: row.expected.rule,
      });
    }
    expect(await snapshot(row, input)).toEqual(before);
  });

  it('an ALS program at a school without a learning center is a grade it does not offer', async () => {
    const before = await footprint(dataSource, f.fresh);
    const outcome = await mutate(server, tokens.registrar, 'enrollLearner', 'EnrollLearnerInput', {
      learnerId: f.fresh,
      schoolYear: SY,
      gradeLevel: 'ALS_BLP',
      enrolledOn: '2026-09-01',
      firstAttendance: '2026-09-07',
    });
    expect(outcome.result).toBeNull();
    expect(outcome.error).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.gradeLevel',
      rule: 'GRADE_NOT_OFFERED',
    });
    expect(await footprint(dataSource, f.fresh)).toEqual(before);
  });
});
