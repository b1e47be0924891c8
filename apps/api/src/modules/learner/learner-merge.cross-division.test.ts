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

// Issue 18 ("Privacy by design"; RA 10173 §11, §20): a merge of records held by schools of two
// divisions needs both divisions' approval, and each sees the proposal.
const schoolA = 500743; // La Paz Integrated School (Abra)
const schoolB = 300001; // Adams NHS (Ilocos Norte)
const schoolYear = '2025-2026';

let dataSource: DataSource;
let server: TestServer;
let creatorId: string;
let registrarA: string;
let registrarB: string;
let divisionA: string;
let divisionB: string;
let divisionAId: string;
let divisionBId: string;

beforeAll(async () => {
  dataSource = await openTestDataSource();
  server = await startTestServer(dataSource);
  const places = await resolveTestPlaces(dataSource);
  const a = await createTestAccount(dataSource, Role.SCHOOL_REGISTRAR, { schoolId: schoolA });
  creatorId = a.id;
  registrarA = a.token;
  registrarB = (await createTestAccount(dataSource, Role.SCHOOL_REGISTRAR, { schoolId: schoolB }))
    .token;
  const [b] = await dataSource.query<{ division_id: number }[]>(
    'SELECT division_id FROM school WHERE id = $1',
    [schoolB],
  );
  divisionAId = String(places.divisionId);
  divisionBId = String(b!.division_id);
  divisionA = (
    await createTestAccount(dataSource, Role.DIVISION_MONITOR, { divisionId: places.divisionId })
  ).token;
  divisionB = (
    await createTestAccount(dataSource, Role.DIVISION_MONITOR, { divisionId: b!.division_id })
  ).token;
});
afterAll(async () => {
  await server.close();
  await dataSource.destroy();
});

/**
 * The exploit's shape: school A's record has the older LRN, so school B's record, enrolled at B
 * this year, is the one folded in, and B's class list would show A's learner.
 */
async function recordsInTwoDivisions() {
  const insert = (school: number) =>
    insertTestLearner(dataSource, creatorId, school, { lastName: 'Border', firstName: 'Child' });
  const atA = await insert(schoolA);
  const atB = await insert(schoolB);
  const issue = (id: string, ago: string) =>
    dataSource.query(
      `UPDATE learner SET lrn = lpad(nextval('lrn_seq')::text, 12, '0'),
                          lrn_issued_at = $3::timestamptz - $2::interval
       WHERE id = $1`,
      [id, ago, clock.now()],
    );
  await issue(atA, '3 years');
  await issue(atB, '1 year');
  await dataSource.query(
    `INSERT INTO enrollment (learner_id, school_id, school_year, grade_level, admission_basis,
                             status, enrolled_on, first_attendance, created_by)
     VALUES ($1, $2, $3, 'GRADE_5', 'CONTINUING', 'OFFICIALLY_ENROLLED', '2025-06-09', '2025-06-16', $4)`,
    [atB, schoolB, schoolYear, creatorId],
  );
  return { atA, atB };
}

const fields = 'id status requiredDivisionIds approvedDivisionIds awaitsYourDivision';
type MergeView = {
  id: string;
  status: string;
  requiredDivisionIds: string[];
  approvedDivisionIds: string[];
  awaitsYourDivision: boolean;
};

async function propose(atA: string, atB: string): Promise<MergeView> {
  const { data, errors } = await server.graphql<{ proposeLearnerMerge: MergeView }>(
    `mutation ($a: ID!, $b: ID!) {
      proposeLearnerMerge(learnerId: $a, duplicateId: $b, reason: "Same child") { ${fields} } }`,
    { a: atA, b: atB },
    registrarA,
  );
  expect(errors).toBeUndefined();
  return data!.proposeLearnerMerge;
}

const approve = (id: string, token: string) =>
  server.graphql<{ approveLearnerMerge: MergeView }>(
    `mutation ($id: ID!) { approveLearnerMerge(mergeId: $id) { ${fields} } }`,
    { id },
    token,
  );

const reject = (id: string, token: string) =>
  server.graphql<{ rejectLearnerMerge: MergeView }>(
    `mutation ($id: ID!) { rejectLearnerMerge(mergeId: $id, note: "Different mothers") { ${fields} } }`,
    { id },
    token,
  );

const pendingFor = async (token: string) =>
  (
    await server.graphql<{ learnerMerges: MergeView[] }>(
      `{ learnerMerges(status: PROPOSED) { ${fields} } }`,
      {},
      token,
    )
  ).data!.learnerMerges;

/** The learners on school B's class list this year. */
const classListOfB = async () =>
  (
    await server.graphql<{ classList: { rows: { learnerId: string }[] } }>(
      `query ($s: String!, $y: String!) { classList(schoolId: $s, schoolYear: $y) { rows { learnerId } } }`,
      { s: String(schoolB), y: schoolYear },
      registrarB,
    )
  ).data!.classList.rows.map((r) => r.learnerId);

const mergedInto = async (id: string) =>
  (
    await dataSource.query<{ merged_into_id: string | null }[]>(
      'SELECT merged_into_id::text FROM learner WHERE id = $1',
      [id],
    )
  )[0]!.merged_into_id;

describe('a merge across divisions needs every holding division (issue 18; RA 10173 §11, §20)', () => {
  it("the proposing division's approval alone does not merge; the other division sees it, and its approval completes it", async () => {
    const { atA, atB } = await recordsInTwoDivisions();
    expect(await classListOfB()).toContain(atB);
    const merge = await propose(atA, atB);
    expect(merge).toMatchObject({
      status: 'PROPOSED',
      requiredDivisionIds: [divisionAId, divisionBId].sort((x, y) => Number(x) - Number(y)),
      approvedDivisionIds: [],
    });

    const byA = await approve(merge.id, divisionA);
    expect(byA.errors).toBeUndefined();
    expect(byA.data!.approveLearnerMerge).toMatchObject({
      status: 'PROPOSED',
      approvedDivisionIds: [divisionAId],
      awaitsYourDivision: false,
    });
    const twice = await approve(merge.id, divisionA);
    expect(twice.data!.approveLearnerMerge).toMatchObject({
      status: 'PROPOSED',
      approvedDivisionIds: [divisionAId],
    });
    expect(await mergedInto(atB)).toBeNull();
    expect(await classListOfB()).toEqual(expect.arrayContaining([atB]));
    expect(await classListOfB()).not.toContain(atA);

    const seenByB = (await pendingFor(divisionB)).find((m) => m.id === merge.id);
    expect(seenByB).toMatchObject({ awaitsYourDivision: true, approvedDivisionIds: [divisionAId] });
    expect((await pendingFor(divisionA)).find((m) => m.id === merge.id)).toMatchObject({
      awaitsYourDivision: false,
    });

    const byB = await approve(merge.id, divisionB);
    expect(byB.errors).toBeUndefined();
    expect(byB.data!.approveLearnerMerge).toMatchObject({
      status: 'APPROVED',
      approvedDivisionIds: expect.arrayContaining([divisionAId, divisionBId]) as string[],
      awaitsYourDivision: false,
    });
    expect(await mergedInto(atB)).toBe(atA);
    expect(await classListOfB()).toContain(atA);
    expect(await classListOfB()).not.toContain(atB);

    // Every approval audited, with the division that gave it.
    const audited = await dataSource.query<{ action: string; division: string }[]>(
      `SELECT action, after->>'divisionId' AS division FROM audit_event
       WHERE entity = 'learner' AND entity_id = $1 AND after->>'mergeId' = $2
         AND action LIKE 'MERGE_%APPROVED' ORDER BY id`,
      [atB, merge.id],
    );
    expect(audited).toEqual([
      { action: 'MERGE_DIVISION_APPROVED', division: divisionAId },
      { action: 'MERGE_DIVISION_APPROVED', division: divisionAId },
      { action: 'MERGE_APPROVED', division: divisionBId },
    ]);
  });

  it('a rejection by the other division rejects it, whatever the proposing division said', async () => {
    const { atA, atB } = await recordsInTwoDivisions();
    const merge = await propose(atA, atB);
    await approve(merge.id, divisionA);
    const rejected = await reject(merge.id, divisionB);
    expect(rejected.errors).toBeUndefined();
    expect(rejected.data!.rejectLearnerMerge.status).toBe('REJECTED');
    const late = await approve(merge.id, divisionA);
    expect(late.errors?.[0]?.extensions?.code).toBe('MERGE_NOT_PENDING');
    expect(await mergedInto(atB)).toBeNull();
    expect(await classListOfB()).toContain(atB);
  });

  it('two divisions approving at the same moment are judged in turn: both count, the merge is done', async () => {
    const { atA, atB } = await recordsInTwoDivisions();
    const merge = await propose(atA, atB);
    const answers = await Promise.all([approve(merge.id, divisionA), approve(merge.id, divisionB)]);
    expect(answers.map((a) => a.errors)).toEqual([undefined, undefined]);
    expect(answers.map((a) => a.data!.approveLearnerMerge.status).sort()).toEqual([
      'APPROVED',
      'PROPOSED',
    ]);
    expect(await mergedInto(atB)).toBe(atA);
  });

  it("refuses another division's approval of a one-division merge, naming the rule", async () => {
    const atA = await insertTestLearner(dataSource, creatorId, schoolA);
    const alsoAtA = await insertTestLearner(dataSource, creatorId, schoolA);
    const merge = await propose(atA, alsoAtA);
    expect(merge.requiredDivisionIds).toEqual([divisionAId]);
    const byB = await approve(merge.id, divisionB);
    expect(byB.errors?.[0]?.extensions?.code).toBe('MERGE_APPROVAL_NOT_REQUIRED');
    expect(byB.errors?.[0]?.message).toMatch(/hold one of the two records/);
    expect((await pendingFor(divisionB)).map((m) => m.id)).not.toContain(merge.id);
    const byA = await approve(merge.id, divisionA);
    expect(byA.data!.approveLearnerMerge.status).toBe('APPROVED');
  });
});
