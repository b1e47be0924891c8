import { Role } from '@repo/domain/access';
import { type DataSource } from 'typeorm';
import { afterAll, beforeAll } from 'vitest';
import { daysFromToday } from '../clock-fixtures.js';
import { createLearner, mutate, newProfile, papersOf } from '../enrollment-fixtures.js';
import { ADAMS, ANANAAO, LA_PAZ, ok, SY } from '../enrollment-scenario.js';
import {
  createTestAccount,
  openTestDataSource,
  startTestServer,
  type TestServer,
} from '../harness.js';

/**
 * The world the refused-input tables run in (enrollment-bad-inputs.*.test.ts): accounts at three
 * schools, learners in every state a refusal needs. Each test file builds its own.
 */

/** A seeded calendar no other test changes: the calendar rows aim at it. */
export const CALENDAR_YEAR = '2027-2028';
/** A year with no calendar, for a change that names a version. */
export const NO_CALENDAR_YEAR = '2037-2038';
/**
 * The first day in the future, whatever day the run is pinned to: every date of the scenario
 * (SY 2026-2027) is past, and a command refuses a future date before it reads anything.
 */
export const tomorrow = daysFromToday(1);

export type Actor = 'registrar' | 'head' | 'adams' | 'als' | 'admin';
export type Operation =
  | 'preRegister'
  | 'enrollLearner'
  | 'recordFirstAttendance'
  | 'submitDocument'
  | 'moveLearner'
  | 'transferToAls'
  | 'dropOut'
  | 'setSchoolCalendar';

export interface Placed {
  learnerId: string;
  enrollmentId: string;
}

/** What beforeAll prepares; every row builds its input from these. */
export interface Fixtures {
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
  /** Each fixture learner's papers, as another school's registrar gives them (issue 18). */
  papers: Record<string, Record<string, unknown>>;
}

export const usedKey = 'bad-inputs-enroll-0001';

/** The test file's database, server, signed-in actors and fixtures, filled by beforeAll. */
export const world = {
  dataSource: undefined as unknown as DataSource,
  server: undefined as unknown as TestServer,
  tokens: {} as Record<Actor, string>,
  f: {} as Fixtures,
};

async function enrolledAtLaPaz(
  birthDate: string,
  gradeLevel: string,
  extra: Record<string, unknown> = {},
  idempotencyKey?: string,
  creator: string = world.tokens.registrar,
): Promise<Placed> {
  const { server, tokens } = world;
  const learnerId = await createLearner(server, creator, birthDate);
  // A learner another school registered comes with its papers (issue 18).
  const proof = creator === tokens.registrar ? null : await papersOf(world.dataSource, learnerId);
  const result = ok(
    await mutate(
      server,
      tokens.registrar,
      'enrollLearner',
      'EnrollLearnerInput',
      {
        learnerId,
        proof,
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

/** An account for each actor; An-anaao made a learning center for the ALS facilitator's. */
async function signIn(): Promise<void> {
  const { dataSource, tokens } = world;
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
}

/** Learners on record and never enrolled, one of them merged into another. */
async function recordLearners(): Promise<void> {
  const { dataSource, server, tokens, f } = world;
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
}

/** Learners enrolled at La Paz, one dropped out, one only registered early. */
async function placeLearners(): Promise<void> {
  const { server, tokens, f } = world;
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
}

/** The version and prescribed days of the calendar the calendar rows change. */
async function readCalendar(): Promise<void> {
  const [calendar] = await world.dataSource.query<{ version: number; prescribed: number }[]>(
    `SELECT version, prescribed_school_days AS prescribed FROM school_calendar
     WHERE school_year = $1`,
    [CALENDAR_YEAR],
  );
  world.f.calendarVersion = calendar!.version;
  world.f.prescribedDays = calendar!.prescribed;
}

/** The papers of every learner of the fixtures. */
async function readPapers(): Promise<void> {
  const { f, dataSource } = world;
  const ids = Object.values(f).flatMap((value: unknown): string[] =>
    typeof value === 'string'
      ? [value]
      : typeof value === 'object' && value && 'learnerId' in value
        ? [(value as Placed).learnerId]
        : [],
  );
  f.papers = {};
  for (const id of ids) f.papers[id] = await papersOf(dataSource, id);
}

/** Builds the world before the file's tests and closes it after them. */
export function useBadInputsWorld(): void {
  beforeAll(async () => {
    world.dataSource = await openTestDataSource();
    world.server = await startTestServer(world.dataSource);
    await signIn();
    await recordLearners();
    await placeLearners();
    await readCalendar();
    await readPapers();
  });
  afterAll(async () => {
    await world.server.close();
    await world.dataSource.destroy();
  });
}
