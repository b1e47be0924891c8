import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createLearner,
  mutate,
  papersOf,
  type ResultView,
} from '../../../test/enrollment-fixtures.js';
import {
  ADAMS,
  closeEnrollmentScenario,
  type EnrollmentScenario,
  ok,
  openEnrollmentScenario,
  SY,
} from '../../../test/enrollment-scenario.js';
import { type TestServer } from '../../../test/harness.js';

/** Moves between schools, transfers to ALS and dropping out through GraphQL (§V.E, §IV.l). */

let scenario: EnrollmentScenario;
let server: TestServer;
let registrar: string;
let adamsRegistrar: string;

beforeAll(async () => {
  scenario = await openEnrollmentScenario();
  ({ server, registrar, adamsRegistrar } = scenario);
});
afterAll(() => closeEnrollmentScenario(scenario));

describe('moves, transfers to ALS, dropping out (§V.E, §IV.l)', () => {
  async function enrolledAtLaPaz(gradeLevel = 'GRADE_8', birthDate = '2013-02-02') {
    const learnerId = await createLearner(server, registrar, birthDate);
    const enrolled = ok(
      await mutate(server, registrar, 'enrollLearner', 'EnrollLearnerInput', {
        learnerId,
        schoolYear: SY,
        gradeLevel,
        admissionBasis: 'CONTINUING',
        documents: ['SF9'],
        enrolledOn: '2026-06-08',
        firstAttendance: '2026-06-15',
      }),
    );
    return { learnerId, enrollment: enrolled.enrollment };
  }

  it('moves a learner in the transfer window: moved and transferred out at the origin, in at the receiving school', async () => {
    const { learnerId, enrollment } = await enrolledAtLaPaz();
    const moved = ok(
      await mutate(server, adamsRegistrar, 'moveLearner', 'MoveLearnerInput', {
        learnerId,
        proof: await papersOf(scenario.dataSource, learnerId),
        schoolYear: SY,
        gradeLevel: 'GRADE_8',
        moveDate: '2026-09-14',
        documents: ['SF9'],
      }),
    );
    expect(moved.enrollment).toMatchObject({
      schoolId: String(ADAMS),
      status: 'OFFICIALLY_ENROLLED',
      movedIn: true,
      transferredIn: true,
    });
    const origin = await server.graphql<{ enrollment: ResultView['enrollment'] }>(
      `query { enrollment(id: "${enrollment.id}") { status leftOn transferredOut history { status reason note effectiveOn } } }`,
      {},
      registrar,
    );
    expect(origin.data!.enrollment).toMatchObject({
      status: 'MOVED_OUT',
      leftOn: '2026-09-14',
      transferredOut: true,
    });
    expect(origin.data!.enrollment.history.at(-1)).toMatchObject({
      reason: 'TRANSFERRED_OUT',
      note: `to school ${ADAMS}`,
    });
  });

  it('a move without the SF9 is temporary at the receiving school, and needs the affidavit', async () => {
    const { learnerId } = await enrolledAtLaPaz('GRADE_9', '2012-03-03');
    const noAffidavit = await mutate(server, adamsRegistrar, 'moveLearner', 'MoveLearnerInput', {
      learnerId,
      proof: await papersOf(scenario.dataSource, learnerId),
      schoolYear: SY,
      gradeLevel: 'GRADE_9',
      moveDate: '2026-06-16',
      documents: ['REGISTRAR_LETTER'],
    });
    expect(noAffidavit.error).toMatchObject({ rule: 'AFFIDAVIT_OF_UNDERTAKING_REQUIRED' });
    const moved = ok(
      await mutate(server, adamsRegistrar, 'moveLearner', 'MoveLearnerInput', {
        learnerId,
        proof: await papersOf(scenario.dataSource, learnerId),
        schoolYear: SY,
        gradeLevel: 'GRADE_9',
        moveDate: '2026-06-16',
        documents: ['REGISTRAR_LETTER', 'AFFIDAVIT_OF_UNDERTAKING'],
      }),
    );
    // Before the first Friday of classes (2026-06-19): moved, not transferred.
    expect(moved.enrollment).toMatchObject({
      status: 'TEMPORARILY_ENROLLED',
      movedIn: true,
      transferredIn: false,
    });
    expect(moved.enrollment.missingDocuments).toEqual(['SF9']);
  });

  it('transfers a learner to ALS with the effectivity date, program and facilitator', async () => {
    const { enrollment } = await enrolledAtLaPaz('GRADE_10', '2010-06-06');
    const transferred = ok(
      await mutate(server, registrar, 'transferToAls', 'TransferToAlsInput', {
        enrollmentId: enrollment.id,
        effectiveOn: '2026-08-03',
        program: 'ALS_AE_SECONDARY',
        facilitatorName: 'Maria Santos',
      }),
    );
    expect(transferred.enrollment).toMatchObject({
      status: 'TRANSFERRED_TO_ALS',
      leftOn: '2026-08-03',
    });
  });

  it('drops a learner out with a reason; the return is Balik-Aral', async () => {
    const { learnerId, enrollment } = await enrolledAtLaPaz('GRADE_6', '2014-07-07');
    const dropped = ok(
      await mutate(server, registrar, 'dropOut', 'DropOutInput', {
        enrollmentId: enrollment.id,
        effectiveOn: '2026-07-20',
        reason: 'Family moved to the farm during harvest',
      }),
    );
    expect(dropped.enrollment.status).toBe('DROPPED_OUT');
    const back = ok(
      await mutate(server, registrar, 'enrollLearner', 'EnrollLearnerInput', {
        learnerId,
        schoolYear: SY,
        gradeLevel: 'GRADE_6',
        admissionBasis: 'BALIK_ARAL',
        documents: ['SF9'],
        enrolledOn: '2026-08-10',
        firstAttendance: '2026-08-10',
      }),
    );
    expect(back.enrollment.categories).toContain('BALIK_ARAL');
    expect(back.enrollment.id).not.toBe(enrollment.id);
  });
});
