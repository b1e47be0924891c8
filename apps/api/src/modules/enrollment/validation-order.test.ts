import { Role } from '@repo/domain/access';
import { type DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  currentYear,
  daysFromToday,
  SCENARIO_YEAR,
  seededCalendar,
  today,
} from '../../../test/clock-fixtures.js';
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

/**
 * Validation order (issue 16): a day that cannot be (in the future, or not a day at all) is refused
 * with its own field and rule before any rule of the policy is judged, on every mutation that takes
 * a date, whatever the day the clock is pinned to (`npm run test:calendar` runs this file at each
 * day where a rule changes). Every input below also breaks policy rules (late enrolment without the
 * head's approval, a missed ALS cut-off, missing documents, a grade outside early registration, a
 * registrar approving, an empty reason…): only the date may be named, and nothing may be written.
 */

const LA_PAZ = 500743; // K to 12, Abra
const ADAMS = 300001; // JHS and SHS, Ilocos Norte
const ANANAAO = 500518; // hosts an ALS learning center

let dataSource: DataSource;
let server: TestServer;
const tokens = {} as Record<'registrar' | 'adams' | 'als', string>;
/** On record at La Paz, never enrolled. */
let fresh: string;
/** An ALS learner on record at An-anaao. */
let alsLearner: string;
/** Enrolled at La Paz in the scenario year, without a first attendance yet. */
let pending: { learnerId: string; enrollmentId: string };
/** Attending at La Paz in the scenario year, temporarily enrolled (no SF9). */
let attending: { learnerId: string; enrollmentId: string };

const ok = (outcome: { result: ResultView | null; error: unknown }) => {
  expect(outcome.error).toBeNull();
  return outcome.result!;
};

beforeAll(async () => {
  dataSource = await openTestDataSource();
  server = await startTestServer(dataSource);
  await dataSource.query('UPDATE school SET is_als_learning_center = true WHERE id = $1', [
    ANANAAO,
  ]);
  tokens.registrar = (
    await createTestAccount(dataSource, Role.SCHOOL_REGISTRAR, { schoolId: LA_PAZ })
  ).token;
  tokens.adams = (
    await createTestAccount(dataSource, Role.SCHOOL_REGISTRAR, { schoolId: ADAMS })
  ).token;
  tokens.als = (
    await createTestAccount(dataSource, Role.ALS_FACILITATOR, { schoolId: ANANAAO })
  ).token;
  fresh = await createLearner(server, tokens.registrar, '2014-04-04');
  alsLearner = await createLearner(server, tokens.als, '2000-01-01');
  const enrol = async (birthDate: string, input: Record<string, unknown>) => {
    const learnerId = await createLearner(server, tokens.registrar, birthDate);
    const result = ok(
      await mutate(server, tokens.registrar, 'enrollLearner', 'EnrollLearnerInput', {
        learnerId,
        schoolYear: SCENARIO_YEAR,
        gradeLevel: 'GRADE_6',
        admissionBasis: 'CONTINUING',
        enrolledOn: '2026-06-08',
        ...input,
      }),
    );
    return { learnerId, enrollmentId: result.enrollment.id };
  };
  pending = await enrol('2015-05-05', { documents: ['SF9'] });
  attending = await enrol('2015-06-06', {
    documents: ['AFFIDAVIT_OF_UNDERTAKING'],
    admissionBasis: 'TRANSFEREE',
    firstAttendance: '2026-06-15',
  });
});

afterAll(async () => {
  await server.close();
  await dataSource.destroy();
});

interface Case {
  title: string;
  operation: string;
  inputType: string;
  as: keyof typeof tokens;
  /** The input with the date under test in `field`. */
  input: (date: string) => Record<string, unknown>;
  field: string;
  learners: () => string[];
}

/** Today's school year: there a day after today is still a day of the year, for most days. */
const year = () => currentYear();

const cases: Case[] = [
  {
    title: 'preRegister: Grade 3 (no early-registration grade) on a day outside the window',
    operation: 'preRegister',
    inputType: 'PreRegisterInput',
    as: 'registrar',
    input: (date) => ({
      learnerId: fresh,
      schoolYear: year(),
      gradeLevel: 'GRADE_3',
      registeredOn: date,
    }),
    field: 'input.registeredOn',
    learners: () => [fresh],
  },
  {
    title: 'enrollLearner: Kindergarten for a 12-year-old with no documents, late, by a registrar',
    operation: 'enrollLearner',
    inputType: 'EnrollLearnerInput',
    as: 'registrar',
    input: (date) => ({
      learnerId: fresh,
      schoolYear: year(),
      gradeLevel: 'KINDER',
      admissionBasis: 'KINDER_AGE_5',
      documents: [],
      enrolledOn: date,
      lateApproval: { catchUpPlan: 'Saturday classes' },
    }),
    field: 'input.enrolledOn',
    learners: () => [fresh],
  },
  {
    title: 'enrollLearner: a first attendance of a Grade 5 learner with no SF9, late, unapproved',
    operation: 'enrollLearner',
    inputType: 'EnrollLearnerInput',
    as: 'registrar',
    input: (date) => ({
      learnerId: fresh,
      schoolYear: year(),
      gradeLevel: 'GRADE_5',
      admissionBasis: 'TRANSFEREE',
      documents: [],
      enrolledOn: seededCalendar(year()).dates.earlyRegistrationStart,
      firstAttendance: date,
    }),
    field: 'input.firstAttendance',
    learners: () => [fresh],
  },
  {
    title: 'enrollLearner: an ALS first attendance after the year’s cut-off',
    operation: 'enrollLearner',
    inputType: 'EnrollLearnerInput',
    as: 'als',
    input: (date) => ({
      learnerId: alsLearner,
      schoolYear: year(),
      gradeLevel: 'ALS_BLP',
      documents: [],
      enrolledOn: seededCalendar(year()).dates.earlyRegistrationStart,
      firstAttendance: date,
    }),
    field: 'input.firstAttendance',
    learners: () => [alsLearner],
  },
  {
    title: 'recordFirstAttendance: months late, with a registrar’s "approval"',
    operation: 'recordFirstAttendance',
    inputType: 'FirstAttendanceInput',
    as: 'registrar',
    input: (date) => ({
      enrollmentId: pending.enrollmentId,
      firstAttendance: date,
      lateApproval: { catchUpPlan: 'Saturday classes' },
    }),
    field: 'input.firstAttendance',
    learners: () => [pending.learnerId],
  },
  {
    title: 'submitDocument: for a year long closed',
    operation: 'submitDocument',
    inputType: 'SubmitDocumentInput',
    as: 'registrar',
    input: (date) => ({
      enrollmentId: attending.enrollmentId,
      learnerId: attending.learnerId,
      documentType: 'SF9',
      receivedOn: date,
    }),
    field: 'input.receivedOn',
    learners: () => [attending.learnerId],
  },
  {
    title: 'moveLearner: into a grade Adams does not offer, without the SF9',
    operation: 'moveLearner',
    inputType: 'MoveLearnerInput',
    as: 'adams',
    input: (date) => ({
      learnerId: attending.learnerId,
      schoolYear: SCENARIO_YEAR,
      gradeLevel: 'GRADE_6',
      moveDate: date,
      documents: [],
    }),
    field: 'input.moveDate',
    learners: () => [attending.learnerId],
  },
  {
    title: 'transferToAls: to Grade 7 (no ALS program) with no facilitator',
    operation: 'transferToAls',
    inputType: 'TransferToAlsInput',
    as: 'registrar',
    input: (date) => ({
      enrollmentId: attending.enrollmentId,
      effectiveOn: date,
      program: 'GRADE_7',
      facilitatorName: ' ',
    }),
    field: 'input.effectiveOn',
    learners: () => [attending.learnerId],
  },
  {
    title: 'dropOut: with a blank reason',
    operation: 'dropOut',
    inputType: 'DropOutInput',
    as: 'registrar',
    input: (date) => ({ enrollmentId: attending.enrollmentId, effectiveOn: date, reason: ' ' }),
    field: 'input.effectiveOn',
    learners: () => [attending.learnerId],
  },
];

/** The days to try: tomorrow, a year on, and days that do not exist. */
const badDays = () => [
  { date: daysFromToday(1), rule: 'DATE_IN_FUTURE' },
  { date: daysFromToday(400), rule: 'DATE_IN_FUTURE' },
  { date: `${today().slice(0, 4)}-02-30`, rule: 'DATE_INVALID' },
  { date: `${today().slice(0, 4)}-13-01`, rule: 'DATE_INVALID' },
];

describe(`validation order at ${today()} (SY ${currentYear()})`, () => {
  it.each(cases)('$title', async (row) => {
    const learners = row.learners();
    const before = await Promise.all(learners.map((id) => footprint(dataSource, id)));
    for (const { date, rule } of badDays()) {
      const outcome = await mutate(
        server,
        tokens[row.as],
        row.operation,
        row.inputType,
        row.input(date),
      );
      expect(outcome.result, `${date}`).toBeNull();
      expect(outcome.error, `${date}`).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: row.field,
        rule,
        errors: [{ field: row.field, rule }],
      });
    }
    expect(await Promise.all(learners.map((id) => footprint(dataSource, id)))).toEqual(before);
  });

  it.each([
    ['createLearner', 'birthDate'],
    ['createLearner', 'birthDocumentReceivedOn'],
  ])('%s: a future %s is DATE_IN_FUTURE', async (_operation, field) => {
    const tomorrow = daysFromToday(1);
    const response = await server.graphql<{ createLearner: { id: string } }>(
      'mutation($input: CreateLearnerInput!) { createLearner(input: $input) { id } }',
      {
        input: newProfile(field === 'birthDate' ? tomorrow : '2015-01-01', {
          ...(field === 'birthDocumentReceivedOn'
            ? { birthDocumentType: 'PSA_BIRTH_CERTIFICATE', birthDocumentReceivedOn: tomorrow }
            : {}),
        }),
      },
      tokens.registrar,
    );
    expect(response.data).toBeFalsy();
    const extensions = response.errors?.[0]?.extensions as {
      errors?: { field: string; rule: string }[];
    };
    expect(extensions.errors).toContainEqual({ field: `input.${field}`, rule: 'DATE_IN_FUTURE' });
  });

  it('updateLearner: a future birth date is DATE_IN_FUTURE and changes nothing', async () => {
    const before = await footprint(dataSource, fresh);
    const response = await server.graphql(
      'mutation($id: ID!, $version: Int!, $input: UpdateLearnerInput!) { updateLearner(id: $id, version: $version, input: $input) { id } }',
      { id: fresh, version: before.learner_version, input: { birthDate: daysFromToday(1) } },
      tokens.registrar,
    );
    expect(response.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      rule: 'DATE_IN_FUTURE',
    });
    expect(await footprint(dataSource, fresh)).toEqual(before);
  });

  it('today itself is not in the future: the same enrolment dated today is judged by policy', async () => {
    const outcome = await mutate(server, tokens.registrar, 'preRegister', 'PreRegisterInput', {
      learnerId: fresh,
      schoolYear: year(),
      gradeLevel: 'GRADE_3',
      registeredOn: today(),
    });
    expect(outcome.error).toMatchObject({
      field: 'input.gradeLevel',
      rule: 'NOT_AN_EARLY_REGISTRATION_GRADE',
    });
  });
});
