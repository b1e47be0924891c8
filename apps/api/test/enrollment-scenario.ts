import { Role } from '@repo/domain/access';
import { type DataSource } from 'typeorm';
import { expect } from 'vitest';
import { type ResultView } from './enrollment-fixtures.js';
import {
  createTestAccount,
  openTestDataSource,
  resolveTestPlaces,
  startTestServer,
  type TestServer,
} from './harness.js';

// SY 2026-2027 as seeded: classes 2026-06-15 to 2027-03-31, early registration 2026-01-31 to
// 2026-02-27, age cut-off and document deadline 2026-08-31, ALS cut-off 2026-10-30.
export const SY = '2026-2027';
export const LA_PAZ = 500743; // La Paz Integrated School, Abra: K to 12
export const ADAMS = 300001; // Adams National High School, Ilocos Norte: JHS and SHS
export const ANANAAO = 500518; // An-anaao Integrated School, Abra: hosts an ALS learning center

/** The result of a command that must have succeeded. */
export const ok = (outcome: { result: ResultView | null; error: unknown }) => {
  expect(outcome.error).toBeNull();
  return outcome.result!;
};

/** A test file's own server on the test database, with an account for each actor of the scenario. */
export interface EnrollmentScenario {
  dataSource: DataSource;
  server: TestServer;
  /** La Paz's registrar and school head. */
  registrar: string;
  head: string;
  adamsRegistrar: string;
  /** The ALS facilitator at An-anaao's learning center. */
  als: string;
  /** La Paz's division and region. */
  division: string;
  region: string;
}

/** Opens the scenario: An-anaao made an ALS learning center, each actor signed in. */
export async function openEnrollmentScenario(): Promise<EnrollmentScenario> {
  const dataSource = await openTestDataSource();
  const server = await startTestServer(dataSource);
  const places = await resolveTestPlaces(dataSource);
  await dataSource.query('UPDATE school SET is_als_learning_center = true WHERE id = $1', [
    ANANAAO,
  ]);
  const signIn = async (role: Role, place: Parameters<typeof createTestAccount>[2]) =>
    (await createTestAccount(dataSource, role, place)).token;
  return {
    dataSource,
    server,
    registrar: await signIn(Role.SCHOOL_REGISTRAR, { schoolId: LA_PAZ }),
    head: await signIn(Role.SCHOOL_HEAD, { schoolId: LA_PAZ }),
    adamsRegistrar: await signIn(Role.SCHOOL_REGISTRAR, { schoolId: ADAMS }),
    als: await signIn(Role.ALS_FACILITATOR, { schoolId: ANANAAO }),
    division: await signIn(Role.DIVISION_MONITOR, { divisionId: places.divisionId }),
    region: await signIn(Role.REGIONAL_PLANNER, { regionId: places.regionId }),
  };
}

export async function closeEnrollmentScenario(scenario: EnrollmentScenario): Promise<void> {
  await scenario.server.close();
  await scenario.dataSource.destroy();
}
