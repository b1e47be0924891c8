import { type DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openOwnTestDatabase } from '../../../test/harness.js';
import { loadEarlyRegistrationSeason } from './early-registration-season.js';
import { loadEnrollmentCells } from './enrollment-dataset.js';

const DIVISION = 165;
const PREVIOUS = '2026-2027';
const SEASON = '2027-2028';

// A database of its own: a bulk load locks the enrollment table for its transaction, which would
// stall every other test file's requests on the shared test database meanwhile.
let own: Awaited<ReturnType<typeof openOwnTestDatabase>>;
let dataSource: DataSource;
beforeAll(async () => {
  own = await openOwnTestDatabase('season', 2);
  ({ dataSource } = own);
}, 120_000);
afterAll(() => own?.drop());

describe('an early-registration season against the year before (bench and demo data)', () => {
  it('registers part of each school’s incoming grades, in the window, counted by the tracker’s rollup; once', async () => {
    const schools = await dataSource.query<{ id: number }[]>(
      'SELECT id FROM school WHERE division_id = $1 ORDER BY id LIMIT 12',
      [DIVISION],
    );
    // Last year: 40 in Grade 1 and 10 in Grade 4 (not an incoming grade) at each school.
    await loadEnrollmentCells(
      dataSource,
      schools.flatMap((s) => [
        {
          schoolId: s.id,
          gradeLevel: 'GRADE_1',
          strand: null,
          sex: 'FEMALE' as const,
          learners: 40,
          source: 'SYNTHETIC' as const,
        },
        {
          schoolId: s.id,
          gradeLevel: 'GRADE_4',
          strand: null,
          sex: 'MALE' as const,
          learners: 10,
          source: 'SYNTHETIC' as const,
        },
      ]),
      { schoolYear: PREVIOUS },
    );

    const made = await loadEarlyRegistrationSeason(dataSource, {
      season: SEASON,
      divisionIds: [DIVISION],
      seed: 5,
    });
    const perSchool = await dataSource.query<
      { school_id: number; n: number; grades: string[]; first: string; last: string }[]
    >(
      `SELECT e.school_id, count(*)::int AS n, array_agg(DISTINCT e.grade_level) AS grades,
              min(e.registered_on)::text AS first, max(e.registered_on)::text AS last
       FROM enrollment e JOIN school s ON s.id = e.school_id
       WHERE e.school_year = $1 AND s.division_id = $2 AND e.status = 'PRE_REGISTERED'
       GROUP BY 1`,
      [SEASON, DIVISION],
    );
    const total = perSchool.reduce((sum, s) => sum + s.n, 0);
    expect(made).toBe(total);
    expect(made).toBeGreaterThan(0);
    for (const school of perSchool) {
      // 10% to 95% of 40, only the incoming grade, within the season's window.
      expect(school.n).toBeGreaterThanOrEqual(4);
      expect(school.n).toBeLessThanOrEqual(38);
      expect(school.grades).toEqual(['GRADE_1']);
      expect(school.first >= '2027-01-01' && school.last <= '2027-03-31').toBe(true);
    }
    // Shares differ from school to school: leaders and laggards for the tracker.
    expect(new Set(perSchool.map((s) => s.n)).size).toBeGreaterThan(1);
    const [{ rolled }] = (await dataSource.query<{ rolled: number }[]>(
      `SELECT coalesce(sum(registrations), 0)::int AS rolled FROM early_registration_daily
       WHERE school_year = $1 AND division_id = $2`,
      [SEASON, DIVISION],
    )) as [{ rolled: number }];
    expect(rolled).toBe(total);

    // Loaded once: a second call adds nothing.
    expect(
      await loadEarlyRegistrationSeason(dataSource, { season: SEASON, divisionIds: [DIVISION] }),
    ).toBe(0);
  });

  it('under way: registers up to the day given, then adds the days after; the same season as loaded at once', async () => {
    // Two divisions whose schools had the same enrollment last year (12 schools, 30 in Kinder and
    // 20 in Grade 7 each): with one seed, the same draws.
    const divisions = await dataSource.query<{ division_id: number; schools: number[] }[]>(
      `SELECT division_id, (array_agg(id ORDER BY id))[1:12] AS schools FROM school
       WHERE division_id <> $1 GROUP BY 1 HAVING count(*) >= 12 ORDER BY 1 LIMIT 2`,
      [DIVISION],
    );
    const [stepwise, atOnce] = divisions as [(typeof divisions)[0], (typeof divisions)[0]];
    await loadEnrollmentCells(
      dataSource,
      [stepwise, atOnce].flatMap((d) =>
        d.schools.flatMap((schoolId) =>
          (['KINDER', 'GRADE_7'] as const).map((gradeLevel) => ({
            schoolId,
            gradeLevel,
            strand: null,
            sex: 'MALE' as const,
            learners: gradeLevel === 'KINDER' ? 30 : 20,
            source: 'SYNTHETIC' as const,
          })),
        ),
      ),
      { schoolYear: PREVIOUS },
    );
    // SY 2027-2028's window: 30 January to 26 February 2027.
    const season = (divisionId: number, through?: string) =>
      loadEarlyRegistrationSeason(dataSource, {
        season: SEASON,
        divisionIds: [divisionId],
        seed: 9,
        through,
      });
    const byDay = (divisionId: number) =>
      dataSource.query<{ day: string; n: number }[]>(
        `SELECT registered_on::text AS day, count(*)::int AS n
         FROM enrollment e JOIN school s ON s.id = e.school_id
         WHERE e.school_year = $1 AND s.division_id = $2 GROUP BY 1 ORDER BY 1`,
        [SEASON, divisionId],
      );

    const firstDays = await season(stepwise.division_id, '2027-02-10');
    expect(firstDays).toBeGreaterThan(0);
    expect((await byDay(stepwise.division_id)).at(-1)!.day <= '2027-02-10').toBe(true);
    expect(await season(stepwise.division_id, '2027-02-10')).toBe(0);
    const rest = await season(stepwise.division_id);
    expect(rest).toBeGreaterThan(0);
    expect(await season(stepwise.division_id)).toBe(0);

    const whole = await season(atOnce.division_id);
    expect(firstDays + rest).toBe(whole);
    expect(await byDay(stepwise.division_id)).toEqual(await byDay(atOnce.division_id));
  });
});
