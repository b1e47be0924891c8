import { Role } from '@repo/domain/access';
import { type DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLearner, footprint, mutate, papersOf } from '../../../test/enrollment-fixtures.js';
import {
  closeEnrollmentScenario,
  type EnrollmentScenario,
  LA_PAZ,
  ok,
  openEnrollmentScenario,
  SY,
} from '../../../test/enrollment-scenario.js';
import { createTestAccount, type TestServer } from '../../../test/harness.js';

/** One active enrollment a year and idempotent retries, under concurrency (issue 5). */

let scenario: EnrollmentScenario;
let dataSource: DataSource;
let server: TestServer;
let registrar: string;
let adamsRegistrar: string;

beforeAll(async () => {
  scenario = await openEnrollmentScenario();
  ({ dataSource, server, registrar, adamsRegistrar } = scenario);
});
afterAll(() => closeEnrollmentScenario(scenario));

describe('integrity: one active enrollment a year, idempotency (issue 5)', () => {
  it('a second school gets ALREADY_ENROLLED naming the first, and nothing is written', async () => {
    const { learnerId } = await (async () => {
      const id = await createLearner(server, registrar, '2012-12-12');
      ok(
        await mutate(server, registrar, 'enrollLearner', 'EnrollLearnerInput', {
          learnerId: id,
          schoolYear: SY,
          gradeLevel: 'GRADE_8',
          admissionBasis: 'CONTINUING',
          documents: ['SF9'],
          enrolledOn: '2026-06-08',
        }),
      );
      return { learnerId: id };
    })();
    const before = await footprint(dataSource, learnerId);
    const second = await mutate(server, adamsRegistrar, 'enrollLearner', 'EnrollLearnerInput', {
      learnerId,
      proof: await papersOf(dataSource, learnerId),
      schoolYear: SY,
      gradeLevel: 'GRADE_8',
      admissionBasis: 'CONTINUING',
      documents: ['SF9'],
      enrolledOn: '2026-06-09',
    });
    expect(second.error).toMatchObject({
      code: 'ALREADY_ENROLLED',
      schoolId: String(LA_PAZ),
      schoolName: 'La Paz Integrated School',
    });
    expect(await footprint(dataSource, learnerId)).toEqual(before);
  });

  it.each([2, 5, 20])(
    'the same learner enrolled by %i schools at once: exactly one wins',
    async (n) => {
      const schools = await dataSource.query<{ id: number }[]>(
        `SELECT id FROM school WHERE offers_elementary AND sector = 'PUBLIC' AND id <> $1
       ORDER BY id OFFSET $2 LIMIT $3`,
        [LA_PAZ, n * 7, n],
      );
      const tokens = await Promise.all(
        schools.map(
          async (s) =>
            (await createTestAccount(dataSource, Role.SCHOOL_REGISTRAR, { schoolId: s.id })).token,
        ),
      );
      const learnerId = await createLearner(server, registrar, '2016-08-08');
      const proof = await papersOf(dataSource, learnerId);
      const outcomes = await Promise.all(
        tokens.map((token) =>
          mutate(server, token, 'enrollLearner', 'EnrollLearnerInput', {
            learnerId,
            proof,
            schoolYear: SY,
            gradeLevel: 'GRADE_4',
            admissionBasis: 'TRANSFEREE',
            documents: ['SF9'],
            enrolledOn: '2026-06-08',
          }),
        ),
      );
      const winners = outcomes.filter((o) => o.result);
      const losers = outcomes.filter((o) => o.error);
      expect(winners).toHaveLength(1);
      expect(losers).toHaveLength(n - 1);
      for (const loser of losers) {
        expect(loser.error).toMatchObject({
          code: 'ALREADY_ENROLLED',
          schoolId: winners[0]!.result!.enrollment.schoolId,
        });
      }
      const [{ count }] = (await dataSource.query<{ count: number }[]>(
        'SELECT count(*)::int AS count FROM enrollment WHERE learner_id = $1',
        [learnerId],
      )) as [{ count: number }];
      expect(count).toBe(1);
    },
  );

  it('the same idempotency key sent 10 times at once makes one enrollment', async () => {
    const learnerId = await createLearner(server, registrar, '2017-09-09');
    const input = {
      learnerId,
      schoolYear: SY,
      gradeLevel: 'GRADE_3',
      admissionBasis: 'CONTINUING',
      documents: ['SF9'],
      enrolledOn: '2026-06-08',
    };
    const key = `retry-${learnerId}-grade3`;
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, () =>
        mutate(server, registrar, 'enrollLearner', 'EnrollLearnerInput', input, key),
      ),
    );
    expect(outcomes.map((o) => o.error)).toEqual(Array(10).fill(null));
    expect(new Set(outcomes.map((o) => o.result!.enrollment.id)).size).toBe(1);
    expect(outcomes.filter((o) => o.result!.replayed)).toHaveLength(9);
    const rows = await dataSource.query<unknown[]>(
      'SELECT 1 FROM enrollment WHERE learner_id = $1',
      [learnerId],
    );
    expect(rows).toHaveLength(1);
    const reused = await mutate(
      server,
      registrar,
      'enrollLearner',
      'EnrollLearnerInput',
      { ...input, gradeLevel: 'GRADE_4' },
      key,
    );
    expect(reused.error).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
  });
});
