import { randomUUID } from 'node:crypto';
import { Role } from '@repo/domain/access';
import { type DataSource } from 'typeorm';
import {
  createTestAccount,
  openTestDataSource,
  resolveTestPlaces,
  startTestServer,
  type TestServer,
} from './harness.js';

/** A test file's own server with the accounts the learner-record tests act as. */
export interface LearnerScenario {
  dataSource: DataSource;
  server: TestServer;
  /** La Paz Integrated School, Abra. */
  registrarA: string;
  /** Adams NHS, Ilocos Norte. */
  registrarB: string;
  divisionA: string;
  regionA: string;
}

export async function openLearnerScenario(): Promise<LearnerScenario> {
  const dataSource = await openTestDataSource();
  const server = await startTestServer(dataSource);
  const places = await resolveTestPlaces(dataSource);
  const signIn = async (role: Role, place: Parameters<typeof createTestAccount>[2]) =>
    (await createTestAccount(dataSource, role, place)).token;
  return {
    dataSource,
    server,
    registrarA: await signIn(Role.SCHOOL_REGISTRAR, { schoolId: places.schoolId }),
    registrarB: await signIn(Role.SCHOOL_REGISTRAR, { schoolId: 300001 }),
    divisionA: await signIn(Role.DIVISION_MONITOR, { divisionId: places.divisionId }),
    regionA: await signIn(Role.REGIONAL_PLANNER, { regionId: places.regionId }),
  };
}

export async function closeLearnerScenario(scenario: LearnerScenario): Promise<void> {
  await scenario.server.close();
  await scenario.dataSource.destroy();
}

/**
 * A surname no other test uses, so nationwide searches see only this test's learners: seven of a
 * random UUID's hex digits, each as a consonant (names take letters only).
 */
export const uniqueWord = () =>
  [...randomUUID().replace(/-/g, '').slice(0, 7)]
    .map((digit) => 'bcdfghjklmnpqrst'[parseInt(digit, 16)]!)
    .join('')
    .replace(/^./, (c) => c.toUpperCase());

const createMutation = `mutation ($input: CreateLearnerInput!) {
  createLearner(input: $input) { id lrn lastName firstName middleName birthDate sex version } }`;

type Created = { createLearner: { id: string; version: number } };

/** createLearner as `token`, a female learner unless the input says otherwise. */
export async function createAs(server: TestServer, token: string, input: Record<string, unknown>) {
  const result = await server.graphql<Created>(
    createMutation,
    { input: { sex: 'FEMALE', ...input } },
    token,
  );
  return result;
}
