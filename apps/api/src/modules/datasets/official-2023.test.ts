import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Role } from '@repo/domain/access';
import { parse } from 'csv-parse/sync';
import { type DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestAccount,
  openOwnTestDatabase,
  startTestServer,
  type TestServer,
} from '../../../test/harness.js';
import { referenceDataDir } from '../reference-data/reference-files.js';
import { loadEnrollmentCells, officialCells } from './enrollment-dataset.js';

// A database of its own: the data set is large, and other test files count SY 2023-2024 too.
let own: Awaited<ReturnType<typeof openOwnTestDatabase>>;
let dataSource: DataSource;
let server: TestServer;
let carId: number;
let firstLoad: Awaited<ReturnType<typeof loadEnrollmentCells>>;

beforeAll(async () => {
  own = await openOwnTestDatabase('official');
  ({ dataSource } = own);
  [{ id: carId }] = (await dataSource.query<{ id: number }[]>(
    "SELECT id FROM region WHERE name = 'CAR'",
  )) as [{ id: number }];
  // What `npm run seed -- --dataset official-2023 --region CAR` runs.
  firstLoad = await loadEnrollmentCells(dataSource, await officialCells(dataSource, [carId]), {
    schoolYear: '2023-2024',
  });
  server = await startTestServer(dataSource);
}, 300_000);
afterAll(async () => {
  await server?.close();
  await own?.drop();
});

describe('the official SY 2023-24 data set (issue 6)', () => {
  it("enrollmentSummary by school, grade and sex equals DepEd's file for every CAR school", async () => {
    const file = parse<Record<string, string>>(
      gunzipSync(
        await readFile(
          path.join(referenceDataDir, '..', 'datasets', 'enrollment-sy2023-24.csv.gz'),
        ),
      ),
      { columns: true },
    );
    const carSchools = new Set(
      (
        await dataSource.query<{ id: number }[]>('SELECT id FROM school WHERE region_id = $1', [
          carId,
        ])
      ).map((s) => s.id),
    );
    // The file splits Grades 11 and 12 by strand: summed, as grouping by grade does.
    const expected = new Map<string, number>();
    for (const cell of file) {
      if (!carSchools.has(Number(cell.school_id))) continue;
      const key = `${Number(cell.school_id)}|${cell.grade_level}|${cell.sex}`;
      expected.set(key, (expected.get(key) ?? 0) + Number(cell.learners));
    }
    const analyst = await createTestAccount(dataSource, Role.NATIONAL_ANALYST);
    const response = await server.graphql<{
      enrollmentSummary: {
        school: { id: string };
        gradeLevel: string;
        sex: string;
        learners: number;
      }[];
    }>(
      `query($filter: EnrollmentSummaryFilter) {
         enrollmentSummary(filter: $filter, groupBy: [SCHOOL, GRADE_LEVEL, SEX]) {
           school { id } gradeLevel sex learners
         }
       }`,
      { filter: { schoolYear: '2023-2024', regionIds: [String(carId)] } },
      analyst.token,
    );
    expect(response.errors).toBeUndefined();
    const fileSchools = new Set([...expected.keys()].map((k) => k.split('|')[0]));
    const actual = new Map(
      response
        .data!.enrollmentSummary.filter((r) => fileSchools.has(r.school.id))
        .map((r) => [`${r.school.id}|${r.gradeLevel}|${r.sex}`, r.learners]),
    );
    expect(fileSchools.size).toBe(441);
    expect(actual).toEqual(expected);
  });

  it('leaves in the rollups exactly what a recount of the loaded rows gives, categories and record keys too', async () => {
    // The loader counts its rows by rollup key itself (the trigger is off during the copy).
    const recount = `
      SELECT e.school_id, e.school_year, s.sector, e.grade_level, coalesce(e.strand, '') AS strand,
             l.sex, e.status,
             enrollment_category_mask(l.is_indigenous, l.special_needs, l.is_four_ps, e.categories) AS categories,
             count(*)::int AS learners, sum(l.record_key)::bigint AS learners_key_sum
      FROM enrollment e JOIN learner l ON l.id = e.learner_id JOIN school s ON s.id = e.school_id
      GROUP BY 1, 2, 3, 4, 5, 6, 7, 8`;
    // The record keys the loader drew for its learners and summed into the deltas (cell-key method).
    const rollup = `
      SELECT school_id, school_year, sector, grade_level, strand, sex, status, categories, learners,
             learners_key_sum
      FROM enrollment_rollup_school WHERE learners <> 0`;
    const [{ rows, differing }] = (await dataSource.query<{ rows: number; differing: number }[]>(
      `SELECT (SELECT count(*)::int FROM (${rollup}) r) AS rows,
              (SELECT count(*)::int FROM ((${rollup} EXCEPT ALL ${recount})
                                          UNION ALL (${recount} EXCEPT ALL ${rollup})) d) AS differing`,
    )) as [{ rows: number; differing: number }];
    expect(rows).toBeGreaterThan(10_000);
    expect(differing).toBe(0);
    const [{ categorised }] = (await dataSource.query<{ categorised: number }[]>(
      'SELECT count(*)::int AS categorised FROM enrollment_rollup_school WHERE categories <> 0',
    )) as [{ categorised: number }];
    expect(categorised).toBeGreaterThan(1_000);
  });

  it('marks the synthesised elementary schools, and a second load adds nothing', async () => {
    const sources = await dataSource.query<{ data_source: string; schools: number }[]>(
      `SELECT data_source, count(DISTINCT school_id)::int AS schools FROM enrollment
       GROUP BY data_source ORDER BY data_source`,
    );
    expect(sources.map((s) => s.data_source)).toEqual([
      'OFFICIAL_SY2023_24',
      'SYNTHESISED_SY2023_24',
    ]);
    expect(firstLoad.learners).toBeGreaterThan(198_827);
    const again = await loadEnrollmentCells(dataSource, await officialCells(dataSource, [carId]), {
      schoolYear: '2023-2024',
    });
    expect(again.learners).toBe(0);
  });
});
