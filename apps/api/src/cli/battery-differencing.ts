// The battery's differencing probe (issue 18): learners written straight into a school year of
// their own (with the database's own random record keys), then attacks by subtraction, by the
// roles without personal data and by an export, each checked against the base tables. The
// cell-key method (@repo/domain/cell-key) lets a difference of two cells equal the true count by
// the table's chance (about 22 %): that is the method, not a leak. A leak is what the design says
// cannot happen: an exact difference that the published table would not give, i.e. a published
// category cell that is not its true count plus the table's adjustment for its key; and the same
// cell answered differently when asked again in another grouping (averaging would then work).
import { Role } from '@repo/domain/access';
import { perturb } from '@repo/domain/cell-key';
import { type DataSource } from 'typeorm';
import { mulberry32 } from '../modules/datasets/synthetic-learners.js';
import { type BatteryWorld } from './battery-world.js';

const PROBE_YEAR = '2038-2039';
const GRADES = ['GRADE_1', 'GRADE_2', 'GRADE_3', 'GRADE_4'];
const CATEGORIES = ['IP', 'SPED', 'FOUR_PS', 'BALIK_ARAL', 'OSC'];
const SEXES = ['MALE', 'FEMALE'];

interface Question {
  schoolIds?: number[];
  gradeLevels?: string[];
  sexes?: string[];
  categories?: string[];
}
type Listed = 'schoolIds' | 'gradeLevels' | 'sexes' | 'categories';
const dimensionOf: Record<Listed, { name: string; field: string }> = {
  schoolIds: { name: 'SCHOOL', field: 'school' },
  gradeLevels: { name: 'GRADE_LEVEL', field: 'gradeLevel' },
  sexes: { name: 'SEX', field: 'sex' },
  categories: { name: 'CATEGORY', field: 'category' },
};

interface Probe {
  world: BatteryWorld;
  divisionId: number;
  schools: number[];
  random: () => number;
}

/** Writes the probe's learners into three schools of La Paz's division; returns their schools. */
async function writeProbeLearners(world: BatteryWorld, random: () => number) {
  const { dataSource } = world;
  await removeProbeLearners(dataSource);
  const schools = (
    await dataSource.query<{ id: number }[]>(
      'SELECT id FROM school WHERE division_id = $1 ORDER BY id LIMIT 3',
      [world.placeA.divisionId],
    )
  ).map((s) => s.id);
  await dataSource.query(
    `INSERT INTO school_calendar (school_year, opening_day, closing_day, prescribed_school_days)
     VALUES ($1, '2038-06-14', '2039-03-31', 180) ON CONFLICT (school_year) DO NOTHING`,
    [PROBE_YEAR],
  );
  const n = 240;
  const draw = (p: number) => Array.from({ length: n }, () => random() < p);
  const learners = await dataSource.query<{ id: string }[]>(
    `INSERT INTO learner (last_name, first_name, name_key, birth_date, sex, is_indigenous,
                          special_needs, is_four_ps, created_by)
     SELECT 'Probe', 'Differencing ' || i, 'probe differencing ' || i, '2030-02-02', sex, ip,
            CASE WHEN sped THEN '{HEARING}'::varchar[] ELSE '{}'::varchar[] END, four_ps,
            (SELECT id FROM account ORDER BY created_at LIMIT 1)
     FROM unnest($1::varchar[], $2::boolean[], $3::boolean[], $4::boolean[])
          WITH ORDINALITY AS t(sex, ip, sped, four_ps, i)
     ORDER BY i RETURNING id::text`,
    [
      Array.from({ length: n }, () => SEXES[Math.floor(random() * 2)]),
      draw(0.25),
      draw(0.08),
      draw(0.3),
    ],
  );
  await dataSource.query(
    `INSERT INTO enrollment (learner_id, school_id, school_year, grade_level, admission_basis,
                             status, categories, enrolled_on, first_attendance, created_by)
     SELECT t.learner_id, t.school_id, $4, t.grade, 'CONTINUING', 'OFFICIALLY_ENROLLED',
            coalesce(nullif(t.categories, '')::varchar[], '{}'), '2038-06-14', '2038-06-14',
            (SELECT id FROM account ORDER BY created_at LIMIT 1)
     FROM unnest($1::bigint[], $2::int[], $3::varchar[], $5::text[])
          AS t(learner_id, school_id, grade, categories)`,
    [
      learners.map((l) => l.id),
      learners.map(() => schools[Math.floor(random() * schools.length)]),
      learners.map(() => GRADES[Math.floor(random() * GRADES.length)]),
      PROBE_YEAR,
      learners.map(() => (random() < 0.12 ? '{BALIK_ARAL}' : random() < 0.06 ? '{OSC}' : '')),
    ],
  );
  return schools;
}

async function removeProbeLearners(dataSource: DataSource) {
  const gone = await dataSource.query<{ learner_id: string }[]>(
    'DELETE FROM enrollment WHERE school_year = $1 RETURNING learner_id::text',
    [PROBE_YEAR],
  );
  await dataSource.query('DELETE FROM learner WHERE id = ANY ($1::bigint[])', [
    gone.map((g) => g.learner_id),
  ]);
}

/** A question's true count and the sum of its learners' record keys, from the base tables. */
async function truth(probe: Probe, q: Question, butNot: string[] = []) {
  const categoryOf = `array_remove(ARRAY[
      CASE WHEN l.is_indigenous THEN 'IP' END,
      CASE WHEN cardinality(l.special_needs) > 0 THEN 'SPED' END,
      CASE WHEN l.is_four_ps THEN 'FOUR_PS' END]::text[] || e.categories::text[], NULL)`;
  const [row] = await probe.world.dataSource.query<{ count: number; key_sum: number }[]>(
    `SELECT count(*)::int AS count, coalesce(sum(l.record_key), 0)::int AS key_sum
     FROM enrollment e JOIN learner l ON l.id = e.learner_id JOIN school s ON s.id = e.school_id
     WHERE e.school_year = $1 AND s.division_id = $2
       AND ($3::int[] IS NULL OR e.school_id = ANY ($3))
       AND ($4::text[] IS NULL OR e.grade_level = ANY ($4))
       AND ($5::text[] IS NULL OR l.sex = ANY ($5))
       AND ($6::text[] IS NULL OR ${categoryOf} && $6)
       AND NOT (${categoryOf} && $7::text[])`,
    [
      PROBE_YEAR,
      probe.divisionId,
      q.schoolIds ?? null,
      q.gradeLevels ?? null,
      q.sexes ?? null,
      q.categories ?? null,
      butNot,
    ],
  );
  return { count: row!.count, keySum: row!.key_sum };
}

interface Asker {
  token: string;
  forExport: boolean;
}

/** The summary's rows for a question, as the asker is answered through HTTP GraphQL. */
async function ask(probe: Probe, asker: Asker, q: Question, groupBy: string[] = []) {
  const filter = {
    schoolYear: PROBE_YEAR,
    divisionIds: [String(probe.divisionId)],
    ...(q.schoolIds ? { schoolIds: q.schoolIds.map((s) => String(s).padStart(6, '0')) } : {}),
    ...(q.gradeLevels ? { gradeLevels: q.gradeLevels } : {}),
    ...(q.sexes ? { sexes: q.sexes } : {}),
    ...(q.categories ? { categories: q.categories } : {}),
  };
  const answer = await probe.world.http.graphql(
    `query($f: EnrollmentSummaryFilter, $g: [Dimension!]!, $x: Boolean!) {
       enrollmentSummary(filter: $f, groupBy: $g, forExport: $x) {
         school { id } gradeLevel sex category learners } }`,
    { f: filter, g: groupBy, x: asker.forExport },
    asker.token,
  );
  if (!answer.data) throw new Error(`enrollmentSummary: ${JSON.stringify(answer.errors)}`);
  return answer.data.enrollmentSummary as Record<string, unknown>[];
}

const countOf = async (probe: Probe, asker: Asker, q: Question) =>
  Number((await ask(probe, asker, q))[0]?.learners ?? 0);

/** One subtraction aimed at a small count, or null when what it aims at is not 1-9. */
async function attempt(probe: Probe, asker: Asker) {
  const { random } = probe;
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const base: Question = { categories: [pick(CATEGORIES)] };
  if (random() < 0.5) base.gradeLevels = [pick(GRADES), pick(GRADES)];
  const how = pick(['gradeLevels', 'schoolIds', 'sexes', 'categories'] as const);
  const values: (string | number)[] = {
    gradeLevels: GRADES,
    schoolIds: probe.schools,
    sexes: SEXES,
    categories: CATEGORIES,
  }[how];
  const [a, b] = [pick(values), pick(values)];
  if (a === b) return null;
  const wide = { ...base, [how]: [a, b] };
  const narrow = { ...base, [how]: [b] };
  const butNot = how === 'categories' ? [String(b)] : [];
  const target = await truth(probe, { ...base, [how]: [a] }, butNot);
  if (target.count < 1 || target.count > 9) return null;
  const [tWide, tNarrow] = [await truth(probe, wide), await truth(probe, narrow)];
  const [pWide, pNarrow] = [await countOf(probe, asker, wide), await countOf(probe, asker, narrow)];
  const [dWide, dNarrow] = [
    perturb(tWide.count, tWide.keySum),
    perturb(tNarrow.count, tNarrow.keySum),
  ];
  // The narrow cell asked again, grouped by the listed dimension instead of filtered on it.
  const without: Question = { ...narrow };
  delete without[how];
  const row = (await ask(probe, asker, without, [dimensionOf[how].name])).find((r) => {
    const value = r[dimensionOf[how].field];
    return (
      String(typeof value === 'object' && value ? (value as { id: string }).id : value) ===
      String(b)
    );
  });
  return {
    exact: pWide - pNarrow === target.count,
    leak: pWide - pNarrow === target.count && dWide - dNarrow !== target.count,
    offTable: (pWide !== dWide ? 1 : 0) + (pNarrow !== dNarrow ? 1 : 0),
    inconsistent: Number(row?.learners ?? 0) !== pNarrow,
  };
}

/** The probe: `size.differencingAttempts` subtractions by a region, the nation and an export. */
export async function partDifferencing(world: BatteryWorld) {
  const part = 'differencing';
  const random = mulberry32(20261205);
  const schools = await writeProbeLearners(world, random);
  const probe: Probe = { world, divisionId: world.placeA.divisionId, schools, random };
  const askers: Asker[] = [
    { token: await world.account(Role.NATIONAL_ANALYST, {}), forExport: false },
    {
      token: await world.account(Role.REGIONAL_PLANNER, { regionId: world.placeA.regionId }),
      forExport: false,
    },
    {
      token: await world.account(Role.DIVISION_MONITOR, { divisionId: world.placeA.divisionId }),
      forExport: true,
    },
  ];
  const totals = { attempts: 0, exact: 0, leaks: 0, offTable: 0, inconsistent: 0 };
  try {
    for (
      let tries = 0;
      totals.attempts < world.size.differencingAttempts && tries < 20_000;
      tries++
    ) {
      const r = await attempt(probe, askers[totals.attempts % askers.length]!);
      if (!r) continue;
      totals.attempts++;
      totals.exact += r.exact ? 1 : 0;
      totals.leaks += r.leak ? 1 : 0;
      totals.offTable += r.offTable;
      totals.inconsistent += r.inconsistent ? 1 : 0;
    }
  } finally {
    await removeProbeLearners(world.dataSource);
  }
  const rate = totals.exact / Math.max(totals.attempts, 1);
  world.figure(
    part,
    'subtractions aimed at a true small count (1-9) of a category (nation, region, export)',
    totals.attempts,
  );
  world.figure(
    part,
    'of them equal to it by the perturbation table’s chance (expected about 22 %)',
    `${(rate * 100).toFixed(1)} %`,
  );
  world.figure(
    part,
    'leaks: exact differences the perturbation table does not give',
    totals.leaks,
    0,
  );
  world.figure(
    part,
    'published category cells not their count plus the table’s adjustment',
    totals.offTable,
    0,
  );
  world.figure(
    part,
    'the same cell answered differently in another grouping',
    totals.inconsistent,
    0,
  );
  world.figure(part, 'exact differences in more than half the subtractions', rate > 0.5 ? 1 : 0, 0);
}
