import { Role } from '@repo/domain/access';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { config } from '../../config.js';
import { createLearner, footprint, mutate, papersOf } from '../../../test/enrollment-fixtures.js';
import {
  ADAMS,
  closeEnrollmentScenario,
  type EnrollmentScenario,
  LA_PAZ,
  ok,
  openEnrollmentScenario,
  SY,
} from '../../../test/enrollment-scenario.js';
import { createTestAccount, type TestServer } from '../../../test/harness.js';

/**
 * Transfers with cause (issue 18, finding 1), through HTTP GraphQL: a school in Ilocos Norte
 * (Adams) can no longer take a learner enrolled in Abra (La Paz) by its id alone; with the papers
 * it can (DO 03 s. 2018 §V.E: the move is never refused for want of consent), and the origin school
 * and both divisions see it; Abra's division reverses it, restoring both enrollments exactly.
 */

let scenario: EnrollmentScenario;
let server: TestServer;
let adamsDivision: string;

beforeAll(async () => {
  scenario = await openEnrollmentScenario();
  server = scenario.server;
  const [adams] = await scenario.dataSource.query<{ division_id: number }[]>(
    'SELECT division_id FROM school WHERE id = $1',
    [ADAMS],
  );
  adamsDivision = (
    await createTestAccount(scenario.dataSource, Role.DIVISION_MONITOR, {
      divisionId: adams!.division_id,
    })
  ).token;
});
afterAll(() => closeEnrollmentScenario(scenario));

const transferFields = `id learnerId learnerName lrn kind fromSchoolId toSchoolId proofBasis
  documentSeen reason movedOn recordedBy reversedOn reversedBy reversalReason reversible`;

interface TransferView {
  id: string;
  learnerId: string;
  learnerName: string | null;
  lrn: string | null;
  kind: string;
  fromSchoolId: string | null;
  toSchoolId: string;
  proofBasis: string;
  documentSeen: string | null;
  reason: string | null;
  recordedBy: string | null;
  reversedOn: string | null;
  reversedBy: string | null;
  reversible: boolean;
}

async function transfersOf(token: string, direction?: 'IN' | 'OUT') {
  const answer = await server.graphql<{ transfers: TransferView[] }>(
    `query($d: TransferDirection) { transfers(schoolYear: "${SY}", direction: $d) { ${transferFields} } }`,
    { d: direction ?? null },
    token,
  );
  if (!answer.data) throw new Error(JSON.stringify(answer.errors));
  return answer.data.transfers;
}

async function seenBy(token: string, learnerId: string) {
  const answer = await server.graphql<{ learner: { lastName: string } | null }>(
    `query { learner(id: "${learnerId}") { lastName } }`,
    {},
    token,
  );
  return answer.data?.learner ?? null;
}

/** A Grade 8 learner enrolled and attending at La Paz (so with an LRN). */
async function enrolledAtLaPaz(birthDate: string) {
  const learnerId = await createLearner(server, scenario.registrar, birthDate);
  const enrolled = ok(
    await mutate(server, scenario.registrar, 'enrollLearner', 'EnrollLearnerInput', {
      learnerId,
      schoolYear: SY,
      gradeLevel: 'GRADE_8',
      admissionBasis: 'CONTINUING',
      documents: ['SF9'],
      enrolledOn: '2026-06-08',
      firstAttendance: '2026-06-15',
    }),
  );
  return { learnerId, enrollmentId: enrolled.enrollment.id };
}

const moveToAdams = (learnerId: string, proof: unknown) =>
  mutate(server, scenario.adamsRegistrar, 'moveLearner', 'MoveLearnerInput', {
    learnerId,
    schoolYear: SY,
    gradeLevel: 'GRADE_8',
    moveDate: '2026-09-14',
    documents: ['SF9'],
    proof,
  });

/** Every column of an enrollment but its version, as the owner reads it. */
async function enrollmentRow(id: string) {
  const [row] = await scenario.dataSource.query<Record<string, unknown>[]>(
    'SELECT * FROM enrollment WHERE id = $1',
    [id],
  );
  if (!row) return null;
  delete row.version;
  return row;
}

async function historyOf(id: string) {
  return scenario.dataSource.query<Record<string, unknown>[]>(
    'SELECT * FROM enrollment_status_change WHERE enrollment_id = $1 ORDER BY id',
    [id],
  );
}

describe('transfers with cause (issue 18, finding 1)', () => {
  it('the cross-country move by id alone is refused, and so is enrolling by id; nothing is written, nothing shown', async () => {
    const { learnerId } = await enrolledAtLaPaz('2013-04-11');
    expect(await seenBy(scenario.adamsRegistrar, learnerId)).toBeNull();
    const before = await footprint(scenario.dataSource, learnerId);
    const move = await moveToAdams(learnerId, null);
    expect(move.error).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.proof',
      rule: 'PROOF_REQUIRED',
    });
    const enroll = await mutate(
      server,
      scenario.adamsRegistrar,
      'enrollLearner',
      'EnrollLearnerInput',
      {
        learnerId,
        schoolYear: '2027-2028',
        gradeLevel: 'GRADE_9',
        admissionBasis: 'TRANSFEREE',
        documents: ['SF9'],
        enrolledOn: '2027-06-07',
      },
    );
    expect(enroll.error).toMatchObject({ field: 'input.proof', rule: 'PROOF_REQUIRED' });
    expect(await footprint(scenario.dataSource, learnerId)).toEqual(before);
    expect(await seenBy(scenario.adamsRegistrar, learnerId)).toBeNull();
    expect(await transfersOf(scenario.registrar, 'OUT')).not.toContainEqual(
      expect.objectContaining({ learnerId }),
    );
  });

  it('a wrong birth date is refused without saying which value was wrong, and counts against the look-ups of the day', async () => {
    const { learnerId } = await enrolledAtLaPaz('2013-05-12');
    const left = async () =>
      (
        await server.graphql<{ lookupsLeftToday: number }>(
          'query { lookupsLeftToday }',
          {},
          scenario.adamsRegistrar,
        )
      ).data!.lookupsLeftToday;
    const before = await left();
    const papers = await papersOf(scenario.dataSource, learnerId);
    const wrong = await moveToAdams(learnerId, { ...papers, birthDate: '2013-12-05' });
    expect(wrong.error).toMatchObject({ field: 'input.proof', rule: 'PROOF_MISMATCH' });
    expect(wrong.message).not.toMatch(/birth/i);
    expect(await left()).toBe(before - 1);
    expect(await seenBy(scenario.adamsRegistrar, learnerId)).toBeNull();
  });

  it('with the papers the move happens, is listed for the origin and both divisions, and the origin division reverses it exactly', async () => {
    const { learnerId, enrollmentId } = await enrolledAtLaPaz('2013-06-13');
    const originBefore = await enrollmentRow(enrollmentId);
    const historyBefore = await historyOf(enrollmentId);
    const schoolsBefore = await scenario.dataSource.query(
      'SELECT school_id FROM learner_school WHERE learner_id = $1 ORDER BY school_id',
      [learnerId],
    );
    const papers = await papersOf(scenario.dataSource, learnerId, 'Family moved to Adams');
    expect(papers).toHaveProperty('lrn');
    const moved = ok(await moveToAdams(learnerId, papers));
    expect(moved.enrollment).toMatchObject({ schoolId: String(ADAMS), movedIn: true });
    // The receiving school sees the profile only now, after the move.
    expect(await seenBy(scenario.adamsRegistrar, learnerId)).not.toBeNull();

    const expected = {
      learnerId,
      kind: 'MOVED_IN',
      fromSchoolId: String(LA_PAZ),
      toSchoolId: String(ADAMS),
      proofBasis: 'LRN_AND_BIRTH_DATE',
      documentSeen: 'SF9',
      reason: 'Family moved to Adams',
      reversedOn: null,
    };
    const atOrigin = (await transfersOf(scenario.registrar, 'OUT')).find(
      (t) => t.learnerId === learnerId,
    );
    expect(atOrigin).toMatchObject({ ...expected, reversible: false });
    expect(atOrigin!.recordedBy).toMatch(/^t_school_registrar_/);
    expect(atOrigin!.learnerName).toBeTruthy();
    const atOriginDivision = (await transfersOf(scenario.division)).find(
      (t) => t.learnerId === learnerId,
    );
    expect(atOriginDivision).toMatchObject({ ...expected, reversible: true });
    const atReceivingDivision = (await transfersOf(adamsDivision, 'IN')).find(
      (t) => t.learnerId === learnerId,
    );
    expect(atReceivingDivision).toMatchObject({ ...expected, reversible: false });
    expect((await transfersOf(scenario.adamsRegistrar, 'IN')).map((t) => t.learnerId)).toContain(
      learnerId,
    );
    const [audited] = await scenario.dataSource.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM audit_event
       WHERE entity_id = $1 AND action = 'LEARNER_TRANSFER_RECORDED'`,
      [learnerId],
    );
    expect(audited!.count).toBe(1);

    // The receiving school's division may not reverse it; the origin's may.
    const reverse = (token: string) =>
      server.graphql<{ reverseTransfer: TransferView }>(
        `mutation($input: ReverseTransferInput!) { reverseTransfer(input: $input) { ${transferFields} } }`,
        { input: { id: atOrigin!.id, reason: 'Moved by mistake: a namesake' } },
        token,
      );
    expect((await reverse(adamsDivision)).errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      rule: 'NOT_ORIGIN_DIVISION',
    });
    const reversed = await reverse(scenario.division);
    expect(reversed.errors).toBeUndefined();
    expect(reversed.data!.reverseTransfer).toMatchObject({
      reversalReason: 'Moved by mistake: a namesake',
      reversible: false,
    });
    expect(reversed.data!.reverseTransfer.reversedOn).toBeTruthy();

    // Both enrollments as they were: the origin's every column but its version, its history; the
    // receiving school's gone, with the learner out of its place again.
    expect(await enrollmentRow(enrollmentId)).toEqual(originBefore);
    expect(await historyOf(enrollmentId)).toEqual(historyBefore);
    expect(await enrollmentRow(moved.enrollment.id)).toBeNull();
    expect(await historyOf(moved.enrollment.id)).toEqual([]);
    expect(
      await scenario.dataSource.query(
        'SELECT school_id FROM learner_school WHERE learner_id = $1 ORDER BY school_id',
        [learnerId],
      ),
    ).toEqual(schoolsBefore);
    expect(await seenBy(scenario.adamsRegistrar, learnerId)).toBeNull();
    expect((await reverse(scenario.division)).errors?.[0]?.extensions).toMatchObject({
      code: 'REVERSAL_REFUSED',
      rule: 'ALREADY_REVERSED',
    });
  });

  it('no reversal after 30 days, nor once either enrollment changed since', async () => {
    const late = await enrolledAtLaPaz('2013-07-14');
    ok(await moveToAdams(late.learnerId, await papersOf(scenario.dataSource, late.learnerId)));
    const changed = await enrolledAtLaPaz('2013-08-15');
    const movedChanged = ok(
      await moveToAdams(changed.learnerId, await papersOf(scenario.dataSource, changed.learnerId)),
    );
    const list = await transfersOf(scenario.division, 'OUT');
    const lateOne = list.find((t) => t.learnerId === late.learnerId)!;
    const changedOne = list.find((t) => t.learnerId === changed.learnerId)!;
    await scenario.dataSource.query(
      "UPDATE learner_transfer SET recorded_on = recorded_on - interval '31 days' WHERE id = $1",
      [lateOne.id],
    );
    await scenario.dataSource.query(
      "UPDATE enrollment SET catch_up_plan = 'Reading sessions' WHERE id = $1",
      [movedChanged.enrollment.id],
    );
    const after = await transfersOf(scenario.division, 'OUT');
    expect(after.find((t) => t.id === lateOne.id)!.reversible).toBe(false);
    expect(after.find((t) => t.id === changedOne.id)!.reversible).toBe(false);
    const reverse = (id: string) =>
      server.graphql(
        'mutation($input: ReverseTransferInput!) { reverseTransfer(input: $input) { id } }',
        { input: { id, reason: 'In error' } },
        scenario.division,
      );
    expect((await reverse(lateOne.id)).errors?.[0]?.extensions).toMatchObject({
      rule: 'REVERSAL_WINDOW_CLOSED',
    });
    expect((await reverse(changedOne.id)).errors?.[0]?.extensions).toMatchObject({
      rule: 'CHANGED_SINCE_ADMISSION',
    });
  });

  it('admissions of other schools’ learners stop at the daily limit per account', async () => {
    const saved = config.transfersInPerAccountPerDay;
    const registrar = await createTestAccount(scenario.dataSource, Role.SCHOOL_REGISTRAR, {
      schoolId: ADAMS,
    });
    (config as { transfersInPerAccountPerDay: number }).transfersInPerAccountPerDay = 1;
    try {
      const first = await enrolledAtLaPaz('2013-09-16');
      const second = await enrolledAtLaPaz('2013-10-17');
      const move = async (learnerId: string) =>
        mutate(server, registrar.token, 'moveLearner', 'MoveLearnerInput', {
          learnerId,
          schoolYear: SY,
          gradeLevel: 'GRADE_8',
          moveDate: '2026-09-14',
          documents: ['SF9'],
          proof: await papersOf(scenario.dataSource, learnerId),
        });
      ok(await move(first.learnerId));
      expect((await move(second.learnerId)).error).toMatchObject({
        code: 'RATE_LIMITED',
        rule: 'TRANSFERS_IN_PER_DAY',
      });
      expect(await seenBy(registrar.token, second.learnerId)).toBeNull();
    } finally {
      (config as { transfersInPerAccountPerDay: number }).transfersInPerAccountPerDay = saved;
    }
  });
});
