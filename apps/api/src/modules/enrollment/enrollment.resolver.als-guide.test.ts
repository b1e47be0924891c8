import { type DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLearner, mutate, newProfile } from '../../../test/enrollment-fixtures.js';
import {
  closeEnrollmentScenario,
  type EnrollmentScenario,
  ok,
  openEnrollmentScenario,
  SY,
} from '../../../test/enrollment-scenario.js';
import { type TestServer } from '../../../test/harness.js';

/** The ALS guide's enrollment steps through GraphQL, in its order. */

let scenario: EnrollmentScenario;
let dataSource: DataSource;
let server: TestServer;
let als: string;

beforeAll(async () => {
  scenario = await openEnrollmentScenario();
  ({ dataSource, server, als } = scenario);
});
afterAll(() => closeEnrollmentScenario(scenario));

describe('the ALS guide, steps 1-5, in its order', () => {
  const searchByName = `query($name: String, $lrn: String) {
    searchLearners(name: $name, lrn: $lrn) { learnerId inScope learner { id version firstName } }
  }`;

  it('3a: search → nothing → "No, this is correct. Create New Record" → enrol → "Enrolment Added"', async () => {
    const profile = newProfile('2005-09-09', {
      lastName: 'Villaflor-Macaraeg',
      firstName: 'Crisanto',
      sex: 'MALE',
    });
    const search = await server.graphql<{ searchLearners: unknown[] }>(
      `query { searchLearners(name: "Crisanto Villaflor-Macaraeg", birthDate: "2005-09-09") { learnerId } }`,
      {},
      als,
    );
    expect(search.data!.searchLearners).toEqual([]);
    const created = await server.graphql<{ createLearner: { id: string } }>(
      'mutation($input: CreateLearnerInput!) { createLearner(input: $input) { id } }',
      { input: { ...profile, confirmNoDuplicate: false } },
      als,
    );
    const enrolled = ok(
      await mutate(server, als, 'enrollLearner', 'EnrollLearnerInput', {
        learnerId: created.data!.createLearner.id,
        schoolYear: SY,
        gradeLevel: 'ALS_AE_SECONDARY',
        enrolledOn: '2026-09-01',
        firstAttendance: '2026-09-07',
        alsFacilitatorName: 'Jose Rizal Dela Cruz',
      }),
    );
    expect(enrolled.message).toBe('Enrolment Added');
    expect(enrolled.enrollment.status).toBe('OFFICIALLY_ENROLLED');
    expect(enrolled.lrn).toMatch(/^\d{12}$/);
  });

  it('3b: search → found → Preview → update → enrol, with the first attendance checked against the cut-off', async () => {
    const learnerId = await createLearner(server, als, '2001-01-01');
    const [row] = await dataSource.query<{ first_name: string; last_name: string }[]>(
      'SELECT first_name, last_name FROM learner WHERE id = $1',
      [learnerId],
    );
    const search = await server.graphql<{
      searchLearners: { learnerId: string; learner: { id: string; version: number } }[];
    }>(searchByName, { name: `${row!.first_name} ${row!.last_name}` }, als);
    const found = search.data!.searchLearners[0]!;
    expect(found.learnerId).toBe(learnerId);
    const preview = await server.graphql<{ learner: { id: string; version: number } }>(
      `query { learner(id: "${learnerId}") { id version } }`,
      {},
      als,
    );
    const updated = await server.graphql<{ updateLearner: { version: number } }>(
      `mutation { updateLearner(id: "${learnerId}", version: ${preview.data!.learner.version}, input: { addressBarangay: "Poblacion" }) { version } }`,
      {},
      als,
    );
    expect(updated.errors).toBeUndefined();
    const input = {
      learnerId,
      schoolYear: SY,
      gradeLevel: 'ALS_BLP',
      enrolledOn: '2026-10-01',
      firstAttendance: '2026-11-02',
    };
    const afterCutoff = await mutate(server, als, 'enrollLearner', 'EnrollLearnerInput', input);
    expect(afterCutoff.error).toMatchObject({
      field: 'input.firstAttendance',
      rule: 'AFTER_ALS_CUTOFF',
    });
    const enrolled = ok(
      await mutate(server, als, 'enrollLearner', 'EnrollLearnerInput', {
        ...input,
        firstAttendance: '2026-10-30',
      }),
    );
    expect(enrolled.message).toBe('Enrolment Added');
  });
});
