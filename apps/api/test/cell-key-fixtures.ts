// A world for the tests of the cell-key method (issue 18): learners and enrollments written
// straight into the tables of a school year nobody else uses (the rollup triggers count them, with
// their record keys), the record keys re-drawn from a seeded generator so that every run sees the
// same keys, the true counts and key sums straight from the base tables, and the API's answers.
import { type DataSource } from 'typeorm';
import { mulberry32 } from '../src/modules/datasets/synthetic-learners.js';
import { type TestServer } from './harness.js';

export interface WorldLearner {
  school: number;
  grade: string;
  sex: 'MALE' | 'FEMALE';
  ip?: boolean;
  sped?: boolean;
  fourPs?: boolean;
  /** The enrollment's categories (Balik-Aral, OSC, OSY). */
  categories?: string[];
}

export interface World {
  schoolYear: string;
  schools: number[];
  divisionId: number;
  regionId: number;
  learnerIds: string[];
}

/** Three schools of one division (not 500743, which other files enroll in), with their places. */
export async function worldSchools(dataSource: DataSource) {
  const rows = await dataSource.query<{ id: number; division_id: number; region_id: number }[]>(
    `SELECT id, division_id, region_id FROM school
     WHERE division_id = (SELECT division_id FROM school WHERE id = 500743) AND id <> 500743
     ORDER BY id LIMIT 3`,
  );
  return {
    schools: rows.map((r) => r.id),
    divisionId: rows[0]!.division_id,
    regionId: rows[0]!.region_id,
  };
}

/** Writes the learners, each enrolled officially in `schoolYear`; the rollups follow by trigger. */
export async function writeWorld(
  dataSource: DataSource,
  schoolYear: string,
  creatorId: string,
  learners: WorldLearner[],
): Promise<World> {
  await removeWorld(dataSource, schoolYear);
  const place = await worldSchools(dataSource);
  const start = Number(schoolYear.slice(0, 4));
  await dataSource.query(
    `INSERT INTO school_calendar (school_year, opening_day, closing_day, prescribed_school_days)
     VALUES ($1, $2, $3, 180) ON CONFLICT (school_year) DO NOTHING`,
    [schoolYear, `${start}-06-16`, `${start + 1}-03-31`],
  );
  const ids = await dataSource.query<{ id: string }[]>(
    `INSERT INTO learner (last_name, first_name, name_key, birth_date, sex, is_indigenous,
                          special_needs, is_four_ps, created_by)
     SELECT 'Cellkey', 'Learner ' || i, 'cellkey learner ' || i, '2015-02-02', sex, ip,
            CASE WHEN sped THEN '{HEARING}'::varchar[] ELSE '{}'::varchar[] END, four_ps, $5
     FROM unnest($1::varchar[], $2::boolean[], $3::boolean[], $4::boolean[])
          WITH ORDINALITY AS t(sex, ip, sped, four_ps, i)
     ORDER BY i RETURNING id::text`,
    [
      learners.map((l) => l.sex),
      learners.map((l) => Boolean(l.ip)),
      learners.map((l) => Boolean(l.sped)),
      learners.map((l) => Boolean(l.fourPs)),
      creatorId,
    ],
  );
  await dataSource.query(
    `INSERT INTO enrollment (learner_id, school_id, school_year, grade_level, admission_basis,
                             status, categories, enrolled_on, first_attendance, created_by)
     SELECT learner_id, school_id, $4, grade, 'CONTINUING', 'OFFICIALLY_ENROLLED',
            coalesce(nullif(categories, '')::varchar[], '{}'), $5, $5, $6
     FROM unnest($1::bigint[], $2::int[], $3::varchar[], $7::text[])
          AS t(learner_id, school_id, grade, categories)`,
    [
      ids.map((r) => r.id),
      learners.map((l) => l.school),
      learners.map((l) => l.grade),
      schoolYear,
      `${schoolYear.slice(0, 4)}-06-16`,
      creatorId,
      learners.map((l) => (l.categories?.length ? `{${l.categories.join(',')}}` : '')),
    ],
  );
  return { schoolYear, ...place, learnerIds: ids.map((r) => r.id) };
}

/**
 * Draws every learner's record key again from a generator seeded with `seed` (as the database's
 * own draw would, uniform from 0 to 255), through the learner trigger, then folds the deltas.
 */
export async function rekeyWorld(dataSource: DataSource, world: World, seed: number) {
  const random = mulberry32(seed);
  await dataSource.query(
    `UPDATE learner l SET record_key = k.key
     FROM unnest($1::bigint[], $2::smallint[]) AS k(id, key) WHERE l.id = k.id`,
    [world.learnerIds, world.learnerIds.map(() => Math.floor(random() * 256))],
  );
  await dataSource.query('SELECT apply_enrollment_rollup_deltas()');
}

/** Every enrollment and learner of `schoolYear`'s world gone (the rollups follow by trigger). */
export async function removeWorld(dataSource: DataSource, schoolYear: string) {
  const gone = await dataSource.query<{ learner_id: string }[]>(
    'DELETE FROM enrollment WHERE school_year = $1 RETURNING learner_id::text',
    [schoolYear],
  );
  await dataSource.query(`DELETE FROM learner WHERE id = ANY ($1::bigint[])`, [
    gone.map((g) => g.learner_id),
  ]);
  await dataSource.query('SELECT apply_enrollment_rollup_deltas()');
}

/** A question of the summary, as the tests ask it. */
export interface Question {
  schoolIds?: number[];
  gradeLevels?: string[];
  sexes?: string[];
  categories?: string[];
}

const categoryOf = `array_remove(ARRAY[
    CASE WHEN l.is_indigenous THEN 'IP' END,
    CASE WHEN cardinality(l.special_needs) > 0 THEN 'SPED' END,
    CASE WHEN l.is_four_ps THEN 'FOUR_PS' END]::text[] || e.categories::text[], NULL)`;

/**
 * The true count of a question's learners in the world and the sum of their record keys, from the
 * base tables (not the rollups); `butNot` takes away the learners of those categories.
 */
export async function truth(
  dataSource: DataSource,
  world: World,
  q: Question,
  butNot: string[] = [],
): Promise<{ count: number; keySum: number }> {
  const [row] = await dataSource.query<{ count: number; key_sum: number }[]>(
    `SELECT count(*)::int AS count, coalesce(sum(l.record_key), 0)::int AS key_sum
     FROM enrollment e JOIN learner l ON l.id = e.learner_id JOIN school s ON s.id = e.school_id
     WHERE e.school_year = $1 AND s.division_id = $2
       AND ($3::int[] IS NULL OR e.school_id = ANY ($3))
       AND ($4::text[] IS NULL OR e.grade_level = ANY ($4))
       AND ($5::text[] IS NULL OR l.sex = ANY ($5))
       AND ($6::text[] IS NULL OR ${categoryOf} && $6)
       AND NOT (${categoryOf} && $7::text[])`,
    [
      world.schoolYear,
      world.divisionId,
      q.schoolIds ?? null,
      q.gradeLevels ?? null,
      q.sexes ?? null,
      q.categories ?? null,
      butNot,
    ],
  );
  return { count: row!.count, keySum: row!.key_sum };
}

export type SummaryRow = Record<string, string | number | null>;

const fields = `school { id } gradeLevel sex category sector learners male female`;

/** The summary of the world's division as `token` is answered it, through HTTP GraphQL. */
export async function ask(
  server: TestServer,
  token: string,
  world: World,
  q: Question,
  groupBy: string[] = [],
  forExport = false,
): Promise<SummaryRow[]> {
  const filter = {
    schoolYear: world.schoolYear,
    divisionIds: [String(world.divisionId)],
    ...(q.schoolIds ? { schoolIds: q.schoolIds.map((s) => String(s).padStart(6, '0')) } : {}),
    ...(q.gradeLevels ? { gradeLevels: q.gradeLevels } : {}),
    ...(q.sexes ? { sexes: q.sexes } : {}),
    ...(q.categories ? { categories: q.categories } : {}),
  };
  const response = await server.graphql<{ enrollmentSummary: Record<string, unknown>[] }>(
    `query($filter: EnrollmentSummaryFilter, $groupBy: [Dimension!]!, $forExport: Boolean!) {
       enrollmentSummary(filter: $filter, groupBy: $groupBy, forExport: $forExport) { ${fields} }
     }`,
    { filter, groupBy, forExport },
    token,
  );
  if (!response.data) throw new Error(JSON.stringify(response.errors));
  return response.data.enrollmentSummary.map((row) => ({
    ...(row as SummaryRow),
    school: row.school ? Number((row.school as { id: string }).id) : null,
  }));
}

/** The one count of a question without groupings (0 when the API leaves the group out). */
export async function askCount(
  server: TestServer,
  token: string,
  world: World,
  q: Question,
  forExport = false,
): Promise<number> {
  const rows = await ask(server, token, world, q, [], forExport);
  return Number(rows[0]?.learners ?? 0);
}
