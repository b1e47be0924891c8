import { addDays, daysBetween } from '@repo/domain/civil-date';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  openTrackerWorld,
  PREVIOUS,
  SY,
  type TrackerWorld,
} from '../../../test/early-registration-fixtures.js';
import { insertTestLearner } from '../../../test/harness.js';

// Last season's window opened on 2025-01-25 (the last Saturday of January), this one on
// 2026-01-31: the same day of the campaign is the same number of days from each first day.
const previousStart = '2025-01-25';

interface Day {
  date: string;
  cumulative: number;
  previousYearCumulative: number | null;
}

let world: TrackerWorld;

/** A registration of last season, written directly: only its day, grade and place matter. */
async function registeredLastSeason(school: number, grade: string, registeredOn: string) {
  const learnerId = await insertTestLearner(world.dataSource, world.creatorId, school);
  await world.dataSource.query(
    `INSERT INTO enrollment (learner_id, school_id, school_year, grade_level, status,
                             registered_on, created_by)
     VALUES ($1, $2, $3, $4, 'PRE_REGISTERED', $5, $6)`,
    [learnerId, school, PREVIOUS, grade, registeredOn, world.creatorId],
  );
}

async function progress(token: string) {
  const answer = await world.server.graphql<{
    earlyRegistrationProgress: { asOf: string; windowStart: string; days: Day[] };
  }>(
    `query ($schoolYear: String!, $divisionId: ID) {
      earlyRegistrationProgress(schoolYear: $schoolYear, divisionId: $divisionId) {
        asOf windowStart days { date cumulative previousYearCumulative }
      }
    }`,
    { schoolYear: SY, divisionId: String(world.division) },
    token,
  );
  expect(answer.errors).toBeUndefined();
  return answer.data!.earlyRegistrationProgress;
}

beforeAll(async () => {
  world = await openTrackerWorld(4);
  const { A, B, C } = world;
  await registeredLastSeason(A, 'KINDER', '2025-01-25');
  await registeredLastSeason(A, 'KINDER', '2025-01-28');
  await registeredLastSeason(C, 'GRADE_1', '2025-01-28');
  await registeredLastSeason(B, 'GRADE_7', '2025-02-10');
  // Not counted: a grade that does not register early.
  await registeredLastSeason(A, 'GRADE_3', '2025-01-26');
});
afterAll(() => world.close());

describe('earlyRegistrationProgress against last season (issue 21)', () => {
  it('gives last season’s cumulative registrations at the same day of its campaign', async () => {
    const answer = await progress(world.tokens.division!);
    const on = (date: string) => answer.days.find((d) => d.date === date)!.previousYearCumulative;
    expect(answer.windowStart).toBe('2026-01-31');
    expect(on('2026-01-31')).toBe(1);
    expect(on('2026-02-02')).toBe(1);
    expect(on('2026-02-03')).toBe(3);
    expect(on('2026-02-15')).toBe(3);
    expect(on('2026-02-16')).toBe(4);
    expect(answer.days.at(-1)!.previousYearCumulative).toBe(4);
  });

  it('agrees day by day with last season’s registrations counted over the enrollments', async () => {
    const answer = await progress(world.tokens.division!);
    const raw = await world.dataSource.query<{ registered_on: string }[]>(
      `SELECT to_char(e.registered_on, 'YYYY-MM-DD') AS registered_on
       FROM enrollment e JOIN school s ON s.id = e.school_id
       WHERE e.school_year = $1 AND s.division_id = $2 AND e.registered_on IS NOT NULL
         AND e.grade_level IN ('KINDER', 'GRADE_1', 'GRADE_7', 'GRADE_11')`,
      [PREVIOUS, world.division],
    );
    for (const day of answer.days) {
      const sameDay = addDays(previousStart, daysBetween(answer.windowStart, day.date));
      const expected = raw.filter((r) => r.registered_on <= sameDay).length;
      expect(day.previousYearCumulative, day.date).toBe(expected);
    }
  });

  it('is as of the database’s time when it was read', async () => {
    const now = async () =>
      (await world.dataSource.query<{ now: Date }[]>('SELECT clock_timestamp() AS now'))[0]!.now;
    const before = await now();
    const answer = await progress(world.tokens.division!);
    const after = await now();
    const asOf = new Date(answer.asOf).getTime();
    expect(asOf).toBeGreaterThanOrEqual(before.getTime());
    expect(asOf).toBeLessThanOrEqual(after.getTime());
  });
});
