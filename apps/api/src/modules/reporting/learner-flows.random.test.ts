import { Role } from '@repo/domain/access';
import { type DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestAccount,
  openOwnTestDatabase,
  startTestServer,
  type TestServer,
} from '../../../test/harness.js';
import { today } from '../../../test/clock-fixtures.js';
import { calendarsThrough, ensureSchoolCalendars } from '../calendar/calendar.seed.js';
import { datasetLoaderAccount, mulberry32 } from '../datasets/synthetic-learners.js';
import {
  type BaseGroup,
  type BaseQuestion,
  flowsFromBaseTables,
} from './learner-flows.base-sql.js';

/**
 * `learnerFlows` against the same counts by SQL over the base tables (learner-flows.base-sql.ts),
 * for 20 random places, years and groupings of a seeded random world of four school years (issue
 * 22): half of its learners written row by row (the trigger), half as a load writes them (the
 * trigger off, then refresh_learner_flows), some deltas folded and some not.
 */

const seed = 20261207;
const yearsAfter = (year: string, n: number) =>
  `${Number(year.slice(0, 4)) + n}-${Number(year.slice(0, 4)) + n + 1}`;
const opened = (year: string) =>
  calendarsThrough(today()).some((c) => c.schoolYear === year && c.openingDay <= today());
const random = mulberry32(seed);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const YEARS = ['2023-2024', '2024-2025', '2025-2026', '2026-2027'];
const GRADES = ['KINDER', ...Array.from({ length: 12 }, (_, i) => `GRADE_${i + 1}`)];

interface School {
  id: number;
  region_id: number;
  division_id: number;
  k: boolean;
  e: boolean;
  j: boolean;
  s: boolean;
}
const offers = (school: School, grade: number) =>
  grade === 0 ? school.k : grade <= 6 ? school.e : grade <= 10 ? school.j : school.s;

let dataSource: DataSource;
let drop: (() => Promise<void>) | undefined;
let server: TestServer;
let token: string;
let schools: School[];

/** Schools of two divisions of each of two regions. */
async function pickSchools(): Promise<School[]> {
  return dataSource.query<School[]>(
    `WITH d AS (SELECT id, region_id FROM division
                WHERE region_id IN (SELECT id FROM region WHERE NOT is_overseas ORDER BY id LIMIT 2)
                  AND NOT is_overseas
                ORDER BY region_id, id),
          two AS (SELECT id FROM (SELECT id, row_number() OVER (PARTITION BY region_id ORDER BY id) AS n FROM d) x
                  WHERE n <= 2)
     SELECT id, region_id, division_id, offers_kinder AS k, offers_elementary AS e,
            offers_junior_high AS j, offers_senior_high AS s
     FROM (SELECT s.*, row_number() OVER (PARTITION BY s.division_id, s.offers_senior_high,
                                                       s.offers_junior_high ORDER BY s.id) AS n
           FROM school s WHERE s.division_id IN (SELECT id FROM two)) x
     WHERE n <= 4 ORDER BY id`,
  );
}

type Row = [
  learner: number,
  school: number,
  year: string,
  grade: string,
  status: string,
  categories: string[],
];

/** One learner's enrolments over the years, at random (every outcome, moves, returns, noise). */
function lifeOf(learner: number): Row[] {
  const rows: Row[] = [];
  let year = Math.floor(random() * 2);
  let grade = Math.floor(random() * 13);
  const at = (g: number, division: number | null) => {
    const offering = schools.filter((s) => offers(s, g));
    const near = offering.filter((s) => s.division_id === division);
    return pick(near.length > 0 ? near : offering);
  };
  let school = at(grade, null);
  let returning = false;
  while (year < YEARS.length) {
    const r = random();
    const status =
      r < 0.85
        ? 'OFFICIALLY_ENROLLED'
        : r < 0.9
          ? 'TEMPORARILY_ENROLLED'
          : r < 0.94
            ? 'DROPPED_OUT'
            : r < 0.97
              ? 'TRANSFERRED_TO_ALS'
              : 'MOVED';
    const categories = returning ? ['BALIK_ARAL'] : [];
    if (status === 'MOVED') {
      rows.push([learner, school.id, YEARS[year]!, GRADES[grade]!, 'MOVED_OUT', categories]);
      school = at(grade, school.division_id);
      rows.push([
        learner,
        school.id,
        YEARS[year]!,
        GRADES[grade]!,
        'OFFICIALLY_ENROLLED',
        categories,
      ]);
    } else rows.push([learner, school.id, YEARS[year]!, GRADES[grade]!, status, categories]);
    if (status === 'TRANSFERRED_TO_ALS') break;
    returning = false;
    year++;
    // Grade 12 done, most of the time: basic education completed.
    if (grade === 12 && random() < 0.85) break;
    const next = random();
    if (next < 0.7 && grade < 12) {
      grade++;
      if (!offers(school, grade)) school = at(grade, school.division_id);
    } else if (next < 0.75 && grade < 12) school = at(++grade, school.division_id);
    else if (next < 0.82) continue;
    else if (next < 0.85) school = at(grade, school.division_id);
    else if (next < 0.88) {
      if (year < YEARS.length)
        rows.push([
          learner,
          school.id,
          YEARS[year]!,
          grade <= 6 ? 'ALS_AE_ELEMENTARY' : 'ALS_AE_SECONDARY',
          'OFFICIALLY_ENROLLED',
          [],
        ]);
      break;
    } else if (next < 0.95) {
      // Out a year; back the one after, in the grade it left.
      year++;
      returning = true;
    } else {
      // Gone; now and then with a pre-registration or an enrolment awaiting approval left behind.
      const noise = random();
      if (year < YEARS.length && noise < 0.3)
        rows.push([
          learner,
          school.id,
          YEARS[year]!,
          GRADES[Math.min(grade + 1, 12)]!,
          noise < 0.15 ? 'PRE_REGISTERED' : 'AWAITING_APPROVAL',
          [],
        ]);
      break;
    }
  }
  return rows;
}

async function insertLearners(count: number, creator: string): Promise<number[]> {
  const rows = await dataSource.query<{ id: string }[]>(
    `INSERT INTO learner (last_name, first_name, name_key, birth_date, sex, is_indigenous, created_by)
     SELECT 'Random', 'L' || i, 'random l' || i, '2012-01-01', s.sex, s.ip, $3
     FROM unnest($1::text[], $2::boolean[]) WITH ORDINALITY AS s(sex, ip, i) RETURNING id`,
    [
      Array.from({ length: count }, () => (random() < 0.5 ? 'FEMALE' : 'MALE')),
      Array.from({ length: count }, () => random() < 0.1),
      creator,
    ],
  );
  return rows.map((r) => Number(r.id));
}

async function insertEnrolments(rows: Row[], creator: string) {
  const column = (i: number) => rows.map((r) => r[i]);
  await dataSource.query(
    `INSERT INTO enrollment (learner_id, school_id, school_year, grade_level, status, categories,
                             registered_on, created_by)
     SELECT l, s, y, g, st, CASE WHEN c THEN '{BALIK_ARAL}'::varchar[] ELSE '{}' END,
            CASE WHEN st = 'PRE_REGISTERED' THEN (left(y, 4) || '-03-01')::date END, $7
     FROM unnest($1::bigint[], $2::int[], $3::text[], $4::text[], $5::text[], $6::boolean[])
          WITH ORDINALITY AS x(l, s, y, g, st, c, n)
     ORDER BY n`,
    [
      column(0),
      column(1),
      column(2),
      column(3),
      column(4),
      rows.map((r) => r[5].length > 0),
      creator,
    ],
  );
}

beforeAll(async () => {
  const own = await openOwnTestDatabase('flows_random');
  ({ dataSource } = own);
  drop = () => own.drop();
  await ensureSchoolCalendars(dataSource);
  schools = await pickSchools();
  const creator = await datasetLoaderAccount(dataSource);
  // Row by row, through the trigger; the deltas half folded.
  const live = await insertLearners(600, creator);
  await insertEnrolments(live.slice(0, 300).flatMap(lifeOf), creator);
  await dataSource.query('SELECT apply_learner_flow_deltas()');
  await insertEnrolments(live.slice(300).flatMap(lifeOf), creator);
  // As a load: the trigger off, the learners' flows recomputed after.
  const loaded = await insertLearners(600, creator);
  await dataSource.query('ALTER TABLE enrollment DISABLE TRIGGER enrollment_flow');
  await insertEnrolments(loaded.flatMap(lifeOf), creator);
  await dataSource.query('ALTER TABLE enrollment ENABLE TRIGGER enrollment_flow');
  await dataSource.query('SELECT refresh_learner_flows($1, $2)', [loaded[0], loaded.at(-1)]);
  server = await startTestServer(dataSource);
  token = (await createTestAccount(dataSource, Role.NATIONAL_ANALYST)).token;
}, 120_000);
afterAll(async () => {
  await server?.close();
  await drop?.();
});

const query = `query ($filter: LearnerFlowFilter, $groupBy: [Dimension!]!) {
  learnerFlows(filter: $filter, groupBy: $groupBy) {
    region { id } division { id } school { id } sector gradeLevel sex
    cohort promoted repeated completed transferredToAls notEnrolled otherSchool
    promotionRate repetitionRate dropoutRate survivalRateToGrade10 } }`;

/** A random question: a cohort year, a place or the nation, and some groupings. */
function randomQuestion(): BaseQuestion {
  const school = pick(schools);
  const kind = pick(['nation', 'region', 'division', 'school'] as const);
  const place =
    kind === 'nation'
      ? null
      : {
          kind,
          id:
            kind === 'region'
              ? school.region_id
              : kind === 'division'
                ? school.division_id
                : school.id,
        };
  const groupings: BaseGroup[] = [
    'GRADE_LEVEL',
    'SEX',
    'SECTOR',
    kind === 'nation' ? 'REGION' : 'SCHOOL',
  ];
  return {
    schoolYear: pick(YEARS.slice(0, 3)),
    place,
    groupBy: groupings.filter(() => random() < 0.5),
  };
}

const placeFilter = (place: BaseQuestion['place']) =>
  !place ? {} : { [`${place.kind}Ids`]: [String(place.id)] };

describe('learnerFlows against SQL over the base tables (issue 22)', () => {
  it(`answers 20 random questions as the base tables do (seed ${seed})`, async () => {
    const questions = Array.from({ length: 20 }, randomQuestion);
    for (const question of questions) {
      const answer = await server.graphql<{ learnerFlows: Record<string, unknown>[] }>(
        query,
        {
          filter: { schoolYear: question.schoolYear, ...placeFilter(question.place) },
          groupBy: question.groupBy,
        },
        token,
      );
      expect(answer.errors, JSON.stringify(question)).toBeUndefined();
      const keyOf = (values: (string | number | undefined)[]) => values.map(String).join('|');
      const fromApi = new Map(
        answer.data!.learnerFlows.map((row) => {
          const value = (g: BaseGroup) =>
            g === 'REGION' || g === 'DIVISION' || g === 'SCHOOL'
              ? Number((row[g.toLowerCase()] as { id: string }).id)
              : (row[g === 'GRADE_LEVEL' ? 'gradeLevel' : g.toLowerCase()] as string);
          return [keyOf(question.groupBy.map(value)), row];
        }),
      );
      const fromBase = await flowsFromBaseTables(dataSource, question);
      expect(fromBase.length, JSON.stringify(question)).toBeGreaterThan(0);
      expect(fromApi.size, JSON.stringify(question)).toBe(fromBase.length);
      for (const base of fromBase) {
        const row = fromApi.get(keyOf(question.groupBy.map((g) => base.keys[g])));
        const { keys, reachedGrade10, ...counts } = base;
        // A Grade 7 cohort whose third year after has opened by the pinned day has a survival rate.
        const survival =
          keys.GRADE_LEVEL === 'GRADE_7' && opened(yearsAfter(question.schoolYear, 3))
            ? { survivalRateToGrade10: reachedGrade10 / counts.cohort }
            : keys.GRADE_LEVEL
              ? { survivalRateToGrade10: null }
              : {};
        expect(row, JSON.stringify({ question, keys })).toMatchObject({
          ...counts,
          ...survival,
          promotionRate: counts.promoted / counts.cohort,
          repetitionRate: counts.repeated / counts.cohort,
          dropoutRate: counts.notEnrolled / counts.cohort,
        });
      }
    }
  });
});
