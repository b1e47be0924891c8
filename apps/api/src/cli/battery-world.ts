// What the battery's correctness parts stand on (issue #9): their sizes, the two schools they
// probe, accounts signed in through the API's own login, learners made through the API, and the
// enrollment request they send.
import { Role } from '@repo/domain/access';
import { type DataSource } from 'typeorm';
import { hashPassword, login } from '../modules/auth/auth.service.js';
import { type Answer, type client } from './bench-support.js';

/** Counts and time limits per part: `small` runs the whole battery in about a minute and a half. */
export const batterySizes = {
  small: {
    badInputs: 600,
    probes: 400,
    learnersPerSchool: 12,
    raceSizes: [2, 5],
    raceRepeats: 1,
    lrnLearners: 8,
    editors: 4,
    editsEach: 3,
    restartLearners: 500,
    shutdownMs: 2_000,
    rates: [10, 25],
    rateSeconds: 2,
    partMs: 60_000,
    differencingAttempts: 90,
  },
  full: {
    badInputs: 10_000,
    probes: 6_000,
    learnersPerSchool: 60,
    raceSizes: [2, 5, 10, 20],
    raceRepeats: 5,
    lrnLearners: 40,
    editors: 10,
    editsEach: 10,
    restartLearners: 3_000,
    shutdownMs: 4_000,
    rates: [5, 10, 25, 50, 75, 100, 150, 200, 300, 400],
    rateSeconds: 6,
    partMs: 180_000,
    differencingAttempts: 600,
  },
};
export type BatterySize = (typeof batterySizes)['full'];

export interface PartsContext {
  /** A client of the API under test. */
  http: ReturnType<typeof client>;
  /** The owner's connection to its database, for setting up and checking. */
  dataSource: DataSource;
  size: BatterySize;
  figure: (part: string, name: string, value: number | string, target?: number) => void;
  say: (line: string) => void;
  /** Every name, birth date and LRN written or sent: none may reach a log. */
  canaries: Set<string>;
  /** A client of an API on a small connection pool, for the cross-scope probes. */
  scopeClient: () => Promise<{ via: ReturnType<typeof client>; stop: () => Promise<void> }>;
  poolSize: number;
}

export const SY = '2026-2027';
export const LA_PAZ = 500743; // Abra, CAR
export const ADAMS = 300001; // Ilocos Norte, Region I
export const letters = (n = 8) =>
  Array.from({ length: n }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join(
    '',
  );

export const enrollQuery = `mutation($input: EnrollLearnerInput!, $key: String) {
    enrollLearner(input: $input, idempotencyKey: $key) { replayed enrollment { id } } }`;
export const enrollInput = (learnerId: string) => ({
  learnerId,
  schoolYear: SY,
  gradeLevel: 'GRADE_4',
  admissionBasis: 'TRANSFEREE',
  documents: ['SF9'],
  enrolledOn: '2026-06-08',
});
export const enrollmentIdOf = (answer: Answer) =>
  (answer.data?.enrollLearner as { enrollment: { id: string } } | undefined)?.enrollment.id;

/** Where a school is: what an account of its division or region is scoped to. */
export interface Place {
  schoolId: number;
  divisionId: number;
  regionId: number;
}

export interface BatteryWorld extends PartsContext {
  /** A new account of `role` scoped to `place`, signed in: its token. */
  account: (
    role: Role,
    place: { schoolId?: number; divisionId?: number; regionId?: number },
  ) => Promise<string>;
  /** A learner made through the API by a school's registrar; its name and birth date are canaries. */
  createLearner: (token: string, via?: ReturnType<typeof client>) => Promise<CanaryLearner>;
  placeA: Place;
  placeB: Place;
  /** The registrars of La Paz and of Adams. */
  registrarA: string;
  registrarB: string;
}

/** The accounts and places the parts share, made once per run. */
export async function openBatteryWorld(ctx: PartsContext): Promise<BatteryWorld> {
  const account: BatteryWorld['account'] = (role, place) => signIn(ctx.dataSource, role, place);
  const createLearner: BatteryWorld['createLearner'] = (token, via = ctx.http) =>
    createCanaryLearner(ctx.canaries, token, via);
  const placeA = await placeOf(ctx.dataSource, LA_PAZ);
  const placeB = await placeOf(ctx.dataSource, ADAMS);
  const registrarA = await account(Role.SCHOOL_REGISTRAR, { schoolId: LA_PAZ });
  const registrarB = await account(Role.SCHOOL_REGISTRAR, { schoolId: ADAMS });
  return { ...ctx, account, createLearner, placeA, placeB, registrarA, registrarB };
}

async function signIn(
  dataSource: DataSource,
  role: Role,
  place: { schoolId?: number; divisionId?: number; regionId?: number },
) {
  const username = `battery_${role.toLowerCase()}_${letters(6)}`;
  await dataSource.query(
    `INSERT INTO account (username, password_hash, display_name, role, school_id, division_id, region_id)
       VALUES ($1, $2, 'Battery', $3, $4, $5, $6)`,
    [
      username,
      await hashPassword('battery'),
      role,
      place.schoolId ?? null,
      place.divisionId ?? null,
      place.regionId ?? null,
    ],
  );
  return (await login(dataSource, username, 'battery'))!.token;
}

async function placeOf(dataSource: DataSource, schoolId: number): Promise<Place> {
  const [row] = await dataSource.query<{ division_id: number; region_id: number }[]>(
    'SELECT division_id, region_id FROM school WHERE id = $1',
    [schoolId],
  );
  return { schoolId, divisionId: row!.division_id, regionId: row!.region_id };
}

async function createCanaryLearner(
  canaries: Set<string>,
  token: string,
  via: ReturnType<typeof client>,
) {
  const lastName = `Canary${letters()}`;
  const firstName = `Maria${letters()}`;
  const birthDate = `2016-0${1 + Math.floor(Math.random() * 9)}-1${Math.floor(Math.random() * 9)}`;
  canaries.add(lastName).add(firstName);
  const answer = await via.graphql(
    'mutation($input: CreateLearnerInput!) { createLearner(input: $input) { id version } }',
    { input: { lastName, firstName, birthDate, sex: 'FEMALE', confirmNoDuplicate: true } },
    token,
  );
  const created = answer.data?.createLearner as { id: string; version: number } | undefined;
  if (!created) throw new Error(`createLearner: ${JSON.stringify(answer.errors)}`);
  return { ...created, lastName, firstName, birthDate };
}

/** A learner the battery made, with what its papers show. */
export interface CanaryLearner {
  id: string;
  version: number;
  lastName: string;
  firstName: string;
  birthDate: string;
}

/**
 * The papers another school shows for a learner `schoolId` registered (issue 18): before an LRN is
 * issued, the full name, birth date and that school.
 */
export const canaryPapers = (learner: CanaryLearner, schoolId: number) => ({
  lastName: learner.lastName,
  firstName: learner.firstName,
  birthDate: learner.birthDate,
  lastSchoolId: String(schoolId).padStart(6, '0'),
  reason: 'Battery: the family moved',
  documentSeen: 'SF9',
});
