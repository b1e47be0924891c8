import { Role } from '@repo/domain/access';
import { type DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestAccount,
  insertTestLearner,
  openTestDataSource,
  resolveTestPlaces,
  startTestServer,
  type TestServer,
} from '../../../test/harness.js';
import { clock } from '../../clock.js';

let dataSource: DataSource;
let server: TestServer;
let creatorId: string;
let registrarA: string; // La Paz Integrated School (Abra)
let registrarA2: string; // a second Abra school, which holds the other record of a one-division merge
let registrarB: string; // Adams NHS (Ilocos Norte)
let registrarC: string; // another Abra school, sees neither learner
let divisionA: string;
let divisionB: string;
let schoolA2: number;

beforeAll(async () => {
  dataSource = await openTestDataSource();
  server = await startTestServer(dataSource);
  const places = await resolveTestPlaces(dataSource);
  const a = await createTestAccount(dataSource, Role.SCHOOL_REGISTRAR, {
    schoolId: places.schoolId,
  });
  creatorId = a.id;
  registrarA = a.token;
  registrarB = (await createTestAccount(dataSource, Role.SCHOOL_REGISTRAR, { schoolId: 300001 }))
    .token;
  registrarC = (await createTestAccount(dataSource, Role.SCHOOL_REGISTRAR, { schoolId: 500518 }))
    .token;
  const [a2] = await dataSource.query<{ id: number }[]>(
    'SELECT id FROM school WHERE division_id = $1 AND id NOT IN (500743, 500518) ORDER BY id LIMIT 1',
    [places.divisionId],
  );
  schoolA2 = a2!.id;
  registrarA2 = (await createTestAccount(dataSource, Role.SCHOOL_REGISTRAR, { schoolId: schoolA2 }))
    .token;
  divisionA = (
    await createTestAccount(dataSource, Role.DIVISION_MONITOR, { divisionId: places.divisionId })
  ).token;
  const [b] = await dataSource.query<{ division_id: number }[]>(
    'SELECT division_id FROM school WHERE id = 300001',
  );
  divisionB = (
    await createTestAccount(dataSource, Role.DIVISION_MONITOR, { divisionId: b!.division_id })
  ).token;
});
afterAll(async () => {
  await server.close();
  await dataSource.destroy();
});

/**
 * One child entered twice, at two schools of one division: school A (LRN issued last year) and
 * school A2 (LRN issued years ago). Merges across divisions: learner-merge.cross-division.test.ts.
 */
async function twoRecords() {
  const atA = await insertTestLearner(dataSource, creatorId, 500743, {
    lastName: 'Merge',
    firstName: 'Child',
  });
  const atB = await insertTestLearner(dataSource, creatorId, schoolA2, {
    lastName: 'Merge',
    firstName: 'Child',
  });
  // Issued `ago` before now on the app's clock, not the database server's.
  const issue = (id: string, ago: string) =>
    dataSource.query(
      `UPDATE learner SET lrn = lpad(nextval('lrn_seq')::text, 12, '0'),
                          lrn_issued_at = $3::timestamptz - $2::interval
       WHERE id = $1`,
      [id, ago, clock.now()],
    );
  await issue(atA, '1 year');
  await issue(atB, '3 years');
  const [lrnA] = await dataSource.query<{ lrn: string }[]>(
    'SELECT lrn FROM learner WHERE id = $1',
    [atA],
  );
  return { atA, atB, lrnA: lrnA!.lrn };
}

const propose = `mutation ($a: ID!, $b: ID!, $reason: String!) {
  proposeLearnerMerge(learnerId: $a, duplicateId: $b, reason: $reason) { id status survivorId mergedId proposingSchoolId } }`;
const approve = `mutation ($id: ID!) { approveLearnerMerge(mergeId: $id) { id status decidedAt } }`;
const reject = `mutation ($id: ID!, $note: String!) { rejectLearnerMerge(mergeId: $id, note: $note) { id status } }`;
const revert = `mutation ($id: ID!, $note: String!) { revertLearnerMerge(mergeId: $id, note: $note) { id status revertedAt } }`;
const view = `query ($id: ID!) { learner(id: $id) { id lrn } }`;
const search = `query ($lrn: String) { searchLearners(lrn: $lrn) { learnerId } }`;
type Merge = {
  proposeLearnerMerge: {
    id: string;
    status: string;
    survivorId: string;
    mergedId: string;
    proposingSchoolId: string;
  };
};

describe('merging duplicate records (DO 03 s. 2018 §VI)', () => {
  it("moves the merged record's enrollments to the survivor, and a revert moves them back", async () => {
    const { atA, atB } = await twoRecords();
    const enrol = (learnerId: string, schoolId: number, schoolYear: string) =>
      dataSource.query<{ id: string }[]>(
        `INSERT INTO enrollment (learner_id, school_id, school_year, grade_level, admission_basis,
                                 status, enrolled_on, first_attendance, created_by)
         VALUES ($1, $2, $3, 'GRADE_5', 'CONTINUING', 'OFFICIALLY_ENROLLED', '2025-06-09', '2025-06-16', $4)
         RETURNING id::text`,
        [learnerId, schoolId, schoolYear, creatorId],
      );
    const [lastYear] = await enrol(atA, 500743, '2025-2026');
    await enrol(atB, schoolA2, '2027-2028');
    const merge = (
      await server.graphql<Merge>(propose, { a: atA, b: atB, reason: 'Same child' }, registrarA)
    ).data!.proposeLearnerMerge;
    await server.graphql(approve, { id: merge.id }, divisionA);
    const owner = async (id: string) =>
      (
        await dataSource.query<{ learner_id: string }[]>(
          'SELECT learner_id::text FROM enrollment WHERE id = $1',
          [id],
        )
      )[0]!.learner_id;
    expect(await owner(lastYear!.id)).toBe(atB);
    await server.graphql(revert, { id: merge.id, note: 'Not the same child' }, divisionA);
    expect(await owner(lastYear!.id)).toBe(atA);
  });

  it('refuses a merge that would leave one learner enrolled twice in a year', async () => {
    const { atA, atB } = await twoRecords();
    for (const [id, school] of [
      [atA, 500743],
      [atB, schoolA2],
    ] as const) {
      await dataSource.query(
        `INSERT INTO enrollment (learner_id, school_id, school_year, grade_level, admission_basis,
                                 status, enrolled_on, created_by)
         VALUES ($1, $2, '2025-2026', 'GRADE_7', 'CONTINUING', 'PRE_REGISTERED', '2025-06-09', $3)`,
        [id, school, creatorId],
      );
    }
    const merge = (
      await server.graphql<Merge>(propose, { a: atA, b: atB, reason: 'Same child' }, registrarA)
    ).data!.proposeLearnerMerge;
    const approved = await server.graphql(approve, { id: merge.id }, divisionA);
    expect(approved.errors?.[0]?.extensions?.code).toBe('MERGE_ENROLLMENT_CONFLICT');
  });

  it('a school proposes, the oldest LRN survives, the division approves, and a revert puts it all back', async () => {
    const { atA, atB, lrnA } = await twoRecords();
    const proposed = await server.graphql<Merge>(
      propose,
      { a: atA, b: atB, reason: 'Same child: same parents and birth certificate' },
      registrarA,
    );
    expect(proposed.errors).toBeUndefined();
    const merge = proposed.data!.proposeLearnerMerge;
    expect(merge).toMatchObject({
      status: 'PROPOSED',
      survivorId: atB,
      mergedId: atA,
      proposingSchoolId: '500743',
    });

    // Nothing moves before the division decides.
    expect(
      (await server.graphql<{ learner: unknown }>(view, { id: atB }, registrarA)).data!.learner,
    ).toBeNull();

    const approved = await server.graphql<{ approveLearnerMerge: { status: string } }>(
      approve,
      { id: merge.id },
      divisionA,
    );
    expect(approved.data!.approveLearnerMerge.status).toBe('APPROVED');

    // School A now sees the survivor; the retired LRN leads to it; the merged record is frozen.
    expect(
      (await server.graphql<{ learner: { id: string } }>(view, { id: atB }, registrarA)).data!
        .learner.id,
    ).toBe(atB);
    const byRetired = await server.graphql<{ searchLearners: { learnerId: string }[] }>(
      search,
      { lrn: lrnA },
      registrarC,
    );
    expect(byRetired.data!.searchLearners.map((c) => c.learnerId)).toEqual([atB]);
    const frozen = await server.graphql(
      `mutation ($id: ID!) { updateLearner(id: $id, version: 2, input: { guardianName: "X" }) { id } }`,
      { id: atA },
      registrarA,
    );
    expect(frozen.errors?.[0]?.extensions?.code).toBe('LEARNER_MERGED');

    const reverted = await server.graphql<{ revertLearnerMerge: { status: string } }>(
      revert,
      { id: merge.id, note: 'Twins after all' },
      divisionA,
    );
    expect(reverted.data!.revertLearnerMerge.status).toBe('REVERTED');
    expect(
      (await server.graphql<{ learner: unknown }>(view, { id: atB }, registrarA)).data!.learner,
    ).toBeNull();
    const [row] = await dataSource.query<{ merged_into_id: string | null }[]>(
      'SELECT merged_into_id FROM learner WHERE id = $1',
      [atA],
    );
    expect(row!.merged_into_id).toBeNull();
    const links = await dataSource.query<{ school_id: number }[]>(
      'SELECT school_id FROM learner_school WHERE learner_id = $1 ORDER BY school_id',
      [atB],
    );
    expect(links.map((l) => l.school_id)).toEqual([schoolA2]);

    const history = await server.graphql<{ learnerHistory: { action: string }[] }>(
      `query ($id: ID!) { learnerHistory(learnerId: $id) { action } }`,
      { id: atA },
      registrarA,
    );
    expect(history.data!.learnerHistory.map((h) => h.action)).toEqual(
      expect.arrayContaining(['MERGE_PROPOSED', 'MERGE_APPROVED', 'MERGE_REVERTED']),
    );
  });

  it('a rejected proposal moves nothing, and can be decided only once', async () => {
    const { atA, atB } = await twoRecords();
    const { data } = await server.graphql<Merge>(
      propose,
      { a: atA, b: atB, reason: 'Looks alike' },
      registrarA,
    );
    const id = data!.proposeLearnerMerge.id;
    const rejected = await server.graphql<{ rejectLearnerMerge: { status: string } }>(
      reject,
      { id, note: 'Different mothers' },
      divisionA,
    );
    expect(rejected.data!.rejectLearnerMerge.status).toBe('REJECTED');
    const again = await server.graphql(approve, { id }, divisionA);
    expect(again.errors?.[0]?.extensions?.code).toBe('MERGE_NOT_PENDING');
    const revertRejected = await server.graphql(revert, { id, note: 'x' }, divisionA);
    expect(revertRejected.errors?.[0]?.extensions?.code).toBe('MERGE_NOT_APPROVED');
    const [row] = await dataSource.query<{ merged_into_id: string | null }[]>(
      'SELECT merged_into_id FROM learner WHERE id = $1',
      [atA],
    );
    expect(row!.merged_into_id).toBeNull();
  });

  it.each([
    [
      'the same record twice',
      (r: { atA: string }) => ({ a: r.atA, b: r.atA, reason: 'x' }),
      () => registrarA,
      'MERGE_SAME_LEARNER',
    ],
    [
      'a school that sees neither record',
      (r: { atA: string; atB: string }) => ({ a: r.atA, b: r.atB, reason: 'x' }),
      () => registrarC,
      'MERGE_OUTSIDE_SCOPE',
    ],
    [
      'a learner that does not exist',
      (r: { atA: string }) => ({ a: r.atA, b: '999999999', reason: 'x' }),
      () => registrarA,
      'LEARNER_NOT_FOUND',
    ],
  ])('refuses a proposal of %s', async (_, variables, token, code) => {
    const records = await twoRecords();
    const { errors } = await server.graphql(propose, variables(records), token());
    expect(errors?.[0]?.extensions?.code).toBe(code);
  });

  it('refuses a second open proposal, an empty reason, and a decision by a division not involved', async () => {
    const { atA, atB } = await twoRecords();
    const first = await server.graphql<Merge>(
      propose,
      { a: atA, b: atB, reason: 'Same child' },
      registrarA,
    );
    const second = await server.graphql(
      propose,
      { a: atB, b: atA, reason: 'Same child' },
      registrarA2,
    );
    expect(second.errors?.[0]?.extensions?.code).toBe('MERGE_ALREADY_PROPOSED');
    const empty = await server.graphql(propose, { a: atA, b: atB, reason: '  ' }, registrarA);
    expect(empty.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'reason',
      rule: 'REQUIRED',
    });
    const elsewhere = await server.graphql(
      approve,
      { id: first.data!.proposeLearnerMerge.id },
      divisionB,
    );
    expect(elsewhere.errors?.[0]?.extensions?.code).toBe('MERGE_APPROVAL_NOT_REQUIRED');
  });

  it('lists proposals to their school and division only', async () => {
    const { atA, atB } = await twoRecords();
    const { data } = await server.graphql<Merge>(
      propose,
      { a: atA, b: atB, reason: 'Same child' },
      registrarA,
    );
    const id = data!.proposeLearnerMerge.id;
    const list = (token: string) =>
      server
        .graphql<{ learnerMerges: { id: string }[] }>(
          '{ learnerMerges(status: PROPOSED) { id } }',
          {},
          token,
        )
        .then((r) => r.data!.learnerMerges.map((m) => m.id));
    expect(await list(registrarA)).toContain(id);
    expect(await list(divisionA)).toContain(id);
    expect(await list(registrarB)).not.toContain(id);
    expect(await list(divisionB)).not.toContain(id);
  });
});
