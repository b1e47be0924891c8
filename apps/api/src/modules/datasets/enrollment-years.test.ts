import { Role } from '@repo/domain/access';
import { type DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestAccount,
  openOwnTestDatabase,
  startTestServer,
  type TestServer,
} from '../../../test/harness.js';
import { demoAlsCenterId } from '../auth/demo-accounts.js';
import { type Cell } from './enrollment-cell.js';
import { officialCells } from './enrollment-dataset.js';
import { gradeFlows } from './flow-rates.js';
import { loadEnrollmentYears, type EnrollmentYearsLoad } from './enrollment-years.js';

const years = ['2022-2023', '2023-2024', '2024-2025', '2025-2026'];
const seed = 22;

/**
 * A few schools of Abra: its ALS learning center (so ALS transfers have a place), every school
 * with senior high, and some elementary schools (whose Grade 6 learners move on elsewhere).
 */
async function smallCells(dataSource: DataSource): Promise<Cell[]> {
  // The demo's ALS center (demo-accounts.ts marks it so; a bare database has none).
  await dataSource.query('UPDATE school SET is_als_learning_center = true WHERE id = $1', [
    demoAlsCenterId,
  ]);
  const [{ division }] = (await dataSource.query<{ division: number }[]>(
    'SELECT division_id AS division FROM school WHERE id = $1',
    [demoAlsCenterId],
  )) as [{ division: number }];
  const schools = await dataSource.query<{ id: number }[]>(
    `(SELECT id FROM school WHERE division_id = $1 AND is_als_learning_center)
     UNION (SELECT id FROM school WHERE division_id = $1 AND offers_senior_high ORDER BY id LIMIT 6)
     UNION (SELECT id FROM school WHERE division_id = $1 AND offers_elementary
              AND NOT offers_junior_high ORDER BY id LIMIT 10)`,
    [division],
  );
  const wanted = new Set(schools.map((s) => s.id));
  return (await officialCells(dataSource, null, 2023, [division])).filter((c) =>
    wanted.has(c.schoolId),
  );
}

async function open(): Promise<{
  own: Awaited<ReturnType<typeof openOwnTestDatabase>>;
  cells: Cell[];
  load: EnrollmentYearsLoad;
}> {
  const own = await openOwnTestDatabase('years');
  const cells = await smallCells(own.dataSource);
  const load = await loadEnrollmentYears(own.dataSource, { cells, years, seed });
  return { own, cells, load };
}

/** Counts by year, school, grade, strand, sex and status: the data set's shape. */
const shape = (dataSource: DataSource) =>
  dataSource.query<Record<string, unknown>[]>(
    `SELECT e.school_year, e.school_id, e.grade_level, e.strand, l.sex, e.status, e.categories,
            e.admission_basis, count(*)::int AS n
     FROM enrollment e JOIN learner l ON l.id = e.learner_id
     GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8`,
  );

let first: Awaited<ReturnType<typeof open>>;
let dataSource: DataSource;
let server: TestServer;
beforeAll(async () => {
  first = await open();
  ({ dataSource } = first.own);
  server = await startTestServer(dataSource);
}, 300_000);
afterAll(async () => {
  await server?.close();
  await first?.own.drop();
});

// Each learner's outcome from year t to t + 1, as docs/indicators.md defines them, counted over the
// base tables: a = the learner's counting enrolment in t, b in t + 1.
const outcomes = `
  WITH e AS (
    SELECT e.*, s.is_als_learning_center FROM enrollment e JOIN school s ON s.id = e.school_id
    WHERE e.status IN ('OFFICIALLY_ENROLLED', 'TEMPORARILY_ENROLLED')),
  nx AS (SELECT * FROM (VALUES ${gradeFlows
    .filter((f) => f.next)
    .map((f) => `('${f.grade}', '${f.next}')`)
    .join(', ')}) v(grade, next)),
  pair AS (
    SELECT a.*, b.school_id AS b_school, b.grade_level AS b_grade, nx.next
    FROM e a LEFT JOIN nx ON nx.grade = a.grade_level LEFT JOIN e b ON b.learner_id = a.learner_id
      AND b.school_year = to_char(left(a.school_year, 4)::int + 1, 'FM0000') || '-'
                           || to_char(left(a.school_year, 4)::int + 2, 'FM0000')
    WHERE a.school_year < '2025-2026')
  SELECT
    count(*) FILTER (WHERE b_grade = next AND b_school = school_id)::int AS promoted,
    count(*) FILTER (WHERE b_grade = grade_level AND b_school = school_id)::int AS repeating,
    count(*) FILTER (WHERE b_school <> school_id AND b_grade NOT LIKE 'ALS%'
                       AND grade_level NOT IN ('GRADE_6', 'GRADE_10'))::int AS moved,
    count(*) FILTER (WHERE grade_level = 'GRADE_6' AND b_grade = 'GRADE_7'
                       AND b_school <> school_id)::int AS transition_6_7_elsewhere,
    count(*) FILTER (WHERE grade_level = 'GRADE_10' AND b_grade = 'GRADE_11')::int AS transition_10_11,
    count(*) FILTER (WHERE b_grade LIKE 'ALS_AE%')::int AS als,
    count(*) FILTER (WHERE b_grade IS NULL AND grade_level <> 'GRADE_12')::int AS dropped_out,
    count(*) FILTER (WHERE b_grade IS NULL AND grade_level = 'GRADE_12')::int AS completed,
    (SELECT count(*)::int FROM enrollment WHERE status = 'DROPPED_OUT') AS marked_dropped_out,
    (SELECT count(*)::int FROM enrollment WHERE status = 'TRANSFERRED_TO_ALS') AS marked_als,
    (SELECT count(*)::int FROM enrollment r WHERE r.school_year > '2023-2024'
       AND r.categories = '{BALIK_ARAL}' AND r.admission_basis = 'BALIK_ARAL'
       AND NOT EXISTS (SELECT 1 FROM enrollment p WHERE p.learner_id = r.learner_id
                         AND p.school_year = to_char(left(r.school_year, 4)::int - 1, 'FM0000') || '-' || left(r.school_year, 4))
       AND EXISTS (SELECT 1 FROM enrollment p WHERE p.learner_id = r.learner_id
                     AND p.school_year < r.school_year AND p.grade_level = r.grade_level)) AS returning,
    (SELECT count(*)::int FROM enrollment n WHERE n.school_year > '2023-2024'
       AND n.grade_level = 'KINDER' AND n.admission_basis = 'KINDER_AGE_5'
       AND NOT EXISTS (SELECT 1 FROM enrollment p WHERE p.learner_id = n.learner_id
                         AND p.school_year < n.school_year)) AS new_kinder,
    (SELECT count(*)::int FROM enrollment n WHERE n.school_year > '2023-2024'
       AND n.admission_basis IN ('NO_KINDER_AGE_6', 'TRANSFEREE')
       AND NOT EXISTS (SELECT 1 FROM enrollment p WHERE p.learner_id = n.learner_id
                         AND p.school_year < n.school_year)) AS new_from_outside
  FROM pair`;

describe('school years learner by learner (issue 22)', () => {
  it('loads every year, and has every outcome from one year to the next', async () => {
    expect(first.load.years.map((y) => y.schoolYear)).toEqual([
      '2023-2024',
      '2022-2023',
      '2024-2025',
      '2025-2026',
    ]);
    const [counts] = (await dataSource.query<Record<string, number>[]>(outcomes)) as [
      Record<string, number>,
    ];
    for (const [outcome, count] of Object.entries(counts))
      expect(count, outcome).toBeGreaterThan(0);
  });

  it('gives each learner at most one counting enrolment a year, and keeps school sizes', async () => {
    const [{ twice }] = (await dataSource.query<{ twice: number }[]>(
      `SELECT count(*)::int AS twice FROM (
         SELECT learner_id FROM enrollment
         WHERE status IN ('OFFICIALLY_ENROLLED', 'TEMPORARILY_ENROLLED')
         GROUP BY learner_id, school_year HAVING count(*) > 1) t`,
    )) as [{ twice: number }];
    expect(twice).toBe(0);
    const sizes = await dataSource.query<{ school_year: string; learners: number }[]>(
      `SELECT school_year, count(*)::int AS learners FROM enrollment
       WHERE status IN ('OFFICIALLY_ENROLLED', 'TEMPORARILY_ENROLLED') GROUP BY 1 ORDER BY 1`,
    );
    // Year on year within a few percent: these schools' Grade 12 is twice their Kindergarten, so
    // they shrink as their cohorts move up (the whole division's grades are about level).
    sizes
      .slice(1)
      .forEach(({ learners }, i) =>
        expect(Math.abs(learners / sizes[i]!.learners - 1)).toBeLessThan(0.08),
      );
    const [{ unlinked }] = (await dataSource.query<{ unlinked: number }[]>(
      `SELECT count(*)::int AS unlinked FROM enrollment e WHERE NOT EXISTS (
         SELECT 1 FROM learner_school ls WHERE ls.learner_id = e.learner_id AND ls.school_id = e.school_id)`,
    )) as [{ unlinked: number }];
    expect(unlinked).toBe(0);
  });

  it('keeps the anchor year exactly its cells', async () => {
    const expected = new Map<string, number>();
    for (const c of first.cells) {
      const key = `${c.schoolId}|${c.gradeLevel}|${c.strand ?? ''}|${c.sex}`;
      expected.set(key, (expected.get(key) ?? 0) + c.learners);
    }
    const rows = await dataSource.query<{ key: string; n: number }[]>(
      `SELECT e.school_id || '|' || e.grade_level || '|' || coalesce(e.strand, '') || '|' || l.sex AS key,
              count(*)::int AS n
       FROM enrollment e JOIN learner l ON l.id = e.learner_id
       WHERE e.school_year = '2023-2024' AND e.status IN ('OFFICIALLY_ENROLLED', 'TEMPORARILY_ENROLLED')
       GROUP BY 1`,
    );
    expect(new Map(rows.map((r) => [r.key, r.n]))).toEqual(expected);
  });

  it("leaves enrollmentSummary's counts equal to counts over the base tables", async () => {
    const analyst = await createTestAccount(dataSource, Role.NATIONAL_ANALYST);
    const base = await dataSource.query<{ key: string; n: number }[]>(
      `SELECT e.school_year || '|' || e.school_id || '|' || e.grade_level || '|' || l.sex AS key,
              count(*) FILTER (WHERE e.status IN ('OFFICIALLY_ENROLLED', 'TEMPORARILY_ENROLLED'))::int
                || '/' || count(*) FILTER (WHERE e.status = 'DROPPED_OUT')
                || '/' || count(*) FILTER (WHERE e.status = 'TRANSFERRED_TO_ALS') AS n
       FROM enrollment e JOIN learner l ON l.id = e.learner_id GROUP BY 1`,
    );
    const summary = new Map<string, string>();
    for (const schoolYear of years) {
      const answer = await server.graphql<{
        enrollmentSummary: {
          school: { id: string };
          gradeLevel: string;
          sex: string;
          learners: number;
          droppedOut: number;
          transferredToAls: number;
        }[];
      }>(
        `query ($f: EnrollmentSummaryFilter) {
           enrollmentSummary(filter: $f, groupBy: [SCHOOL, GRADE_LEVEL, SEX]) {
             school { id } gradeLevel sex learners droppedOut transferredToAls } }`,
        { f: { schoolYear } },
        analyst.token,
      );
      expect(answer.errors).toBeUndefined();
      for (const r of answer.data!.enrollmentSummary)
        if (r.learners + r.droppedOut + r.transferredToAls > 0)
          summary.set(
            `${schoolYear}|${Number(r.school.id)}|${r.gradeLevel}|${r.sex}`,
            `${r.learners}/${r.droppedOut}/${r.transferredToAls}`,
          );
    }
    expect(summary).toEqual(new Map(base.map((r) => [r.key, String(r.n)])));
  });

  it('adds nothing when loaded again', async () => {
    const before = await shape(dataSource);
    const again = await loadEnrollmentYears(dataSource, { cells: first.cells, years, seed });
    expect(again.years).toEqual([]);
    expect(await shape(dataSource)).toEqual(before);
  });

  it('gives the same counts for the same seed', { timeout: 300_000 }, async () => {
    const second = await open();
    try {
      expect(await shape(second.own.dataSource)).toEqual(await shape(dataSource));
    } finally {
      await second.own.drop();
    }
  });
});
