// The early-registration tracker's test world (src/modules/reporting/early-registration*.test.ts):
// a division of a region no other test file writes in, three schools with last year's enrollment
// and this year's registrations, accounts at each scope, and recounts over the base tables. Each
// test file opens its own world in a region of its own (`nth`), so files running at once on the
// one database never count each other's rows.
import { perturb } from '@repo/domain/cell-key';
import { earlyRegistrationTarget } from '@repo/domain/early-registration';
import { Role } from '@repo/domain/access';
import { type DataSource } from 'typeorm';
import { expect } from 'vitest';
import { clock } from '../src/clock.js';
import { mutate, newProfile, type ResultView } from './enrollment-fixtures.js';
import {
  createTestAccount,
  insertTestLearner,
  openTestDataSource,
  startTestServer,
  type TestServer,
} from './harness.js';

// SY 2026-2027 as seeded: early registration 2026-01-31 (last Saturday of January) to 2026-02-27
// (last Friday of February), wholly before today. Other files pre-register in this year too, but
// only at schools of Abra and Ilocos Norte: the tracker's files work in divisions of other
// regions, and still compare with counts over the base tables rather than with fixed numbers.
export const SY = '2026-2027';
export const PREVIOUS = '2025-2026';
/**
 * The year whose early registration (2028-01-29 to 2028-02-25) the days of `npm run test:calendar`
 * go through: its calendar is seeded (assumed) whatever day the run is pinned to.
 */
export const NEXT = '2028-2029';
export const NEXT_PREVIOUS = '2027-2028';
const EARLY_GRADES = ['KINDER', 'GRADE_1', 'GRADE_7', 'GRADE_11'];
const OTHER_TESTS_SCHOOLS = [500743, 300001, 500518];

export interface Progress {
  schoolYear: string;
  windowStart: string;
  windowEnd: string;
  registrations: number;
  previousYearEnrollment: number;
  progress: number | null;
  outOfSchoolChildren: number;
  outOfSchoolYouth: number;
  days: {
    date: string;
    registrations: number;
    cumulative: number;
    previousYearEnrollment: number | null;
  }[];
  divisions: {
    division: { id: string };
    schools: number;
    schoolsWithoutRegistration: number;
    registrations: number;
    previousYearEnrollment: number;
    progress: number | null;
  }[];
  schools: {
    school: { schoolId: string; name: string; division: { id: string } };
    registrations: number;
    previousYearEnrollment: number;
    progress: number | null;
    lastRegistrationOn: string | null;
    target: number;
    behindTarget: boolean;
  }[];
  regions: {
    region: { id: string };
    schools: number;
    schoolsWithoutRegistration: number;
    schoolsBehindTarget: number;
    registrations: number;
    previousYearEnrollment: number;
  }[];
  target: number;
  schoolsBehindTarget: number;
  outOfSchool: { circumstance: string; children: number; youth: number }[];
}

const progressQuery = `query($schoolYear: String!, $divisionId: ID, $regionId: ID, $districtId: ID) {
  earlyRegistrationProgress(schoolYear: $schoolYear, divisionId: $divisionId, regionId: $regionId,
                            districtId: $districtId) {
    schoolYear windowStart windowEnd registrations previousYearEnrollment progress
    target schoolsBehindTarget outOfSchoolChildren outOfSchoolYouth
    days { date registrations cumulative previousYearEnrollment }
    divisions { division { id } schools schoolsWithoutRegistration registrations previousYearEnrollment progress }
    schools { school { schoolId name division { id } } registrations previousYearEnrollment progress
      lastRegistrationOn target behindTarget }
    regions { region { id } schools schoolsWithoutRegistration schoolsBehindTarget registrations
      previousYearEnrollment }
    outOfSchool { circumstance children youth }
  }
}`;

/** A school year the tracker is asked about, and the year before it. */
export interface Tracked {
  schoolYear: string;
  previous: string;
}
export const scenario: Tracked = { schoolYear: SY, previous: PREVIOUS };

type Args = { divisionId?: string; regionId?: string; districtId?: string; schoolYear?: string };

export interface TrackerWorld {
  dataSource: DataSource;
  server: TestServer;
  creatorId: string;
  /** Division under test, its region, and another division of the same region. */
  division: number;
  region: number;
  otherDivision: number;
  /** A: Kindergarten and elementary; B: junior and senior high; C: like A, registering nobody. */
  A: number;
  B: number;
  C: number;
  /** `registrar<school>` for each school, `division`, `region` and `nation`. */
  tokens: Record<string, string>;
  /** A's first Kindergarten registration. */
  kinderRegistration: ResultView;
  progress: (
    token: string,
    args?: Args,
  ) => Promise<{ data: Progress | null; error: Record<string, unknown> | null }>;
  ok: (token: string, args?: Args) => Promise<Progress>;
  preRegister: (school: number, input: Record<string, unknown>) => Promise<ResultView>;
  /** The answer agrees with the counts over the base tables, day by day and school by school. */
  expectMatchesRawCounts: (
    answer: Progress,
    where: string,
    value: number,
    year?: Tracked,
    perturbed?: boolean,
  ) => Promise<void>;
  close: () => Promise<void>;
}

/** An answer without its OSC and OSY counts: what every role is told alike. */
export function withoutOutOfSchool(answer: Progress): Partial<Progress> {
  const rest: Partial<Progress> = { ...answer };
  delete rest.outOfSchoolChildren;
  delete rest.outOfSchoolYouth;
  delete rest.outOfSchool;
  return rest;
}

/** Laggards first: no registration (largest last year first), then lowest progress, then none to measure. */
export function expectWorstFirst(schools: Progress['schools']) {
  const rank = (s: Progress['schools'][number]) =>
    s.registrations === 0 ? [0, -s.previousYearEnrollment] : [1, s.progress ?? Infinity];
  for (let i = 1; i < schools.length; i++) {
    const [a, b] = [rank(schools[i - 1]!), rank(schools[i]!)];
    expect(a[0]! < b[0]! || (a[0] === b[0] && a[1]! <= b[1]!), `${i}`).toBe(true);
  }
}

/** The place's registrations per day, counted over the enrollments themselves. */
async function rawDays(dataSource: DataSource, where: string, value: number, year: Tracked) {
  const rows = await dataSource.query<{ date: string; n: number }[]>(
    `SELECT to_char(e.registered_on, 'YYYY-MM-DD') AS date, count(*)::int AS n
     FROM enrollment e JOIN school s ON s.id = e.school_id
     WHERE e.school_year = $1 AND e.registered_on IS NOT NULL AND e.grade_level = ANY ($2)
       AND ${where} = $3
     GROUP BY e.registered_on`,
    [year.schoolYear, EARLY_GRADES, value],
  );
  return new Map(rows.map((r) => [r.date, r.n]));
}

/** Each school's registrations and last year's enrollment, counted over the enrollments. */
async function rawSchools(dataSource: DataSource, where: string, value: number, year: Tracked) {
  const rows = await dataSource.query<
    { school_id: number; registrations: number; previous: number; last: string | null }[]
  >(
    `SELECT e.school_id,
            count(*) FILTER (WHERE e.school_year = $1 AND e.registered_on IS NOT NULL)::int AS registrations,
            count(*) FILTER (WHERE e.school_year = $2
                             AND e.status IN ('TEMPORARILY_ENROLLED', 'OFFICIALLY_ENROLLED'))::int AS previous,
            to_char(max(e.registered_on) FILTER (WHERE e.school_year = $1), 'YYYY-MM-DD') AS last
     FROM enrollment e JOIN school s ON s.id = e.school_id
     WHERE e.grade_level = ANY ($3) AND ${where} = $4
     GROUP BY e.school_id`,
    [year.schoolYear, year.previous, EARLY_GRADES, value],
  );
  return new Map(rows.map((r) => [String(r.school_id).padStart(6, '0'), r]));
}

/**
 * OSC and OSY per circumstance (and in all, under the circumstance ''), counted over the
 * enrollments, each as published: exact, or perturbed by the sum of its learners' record keys
 * (issue 18; the cell-key method) for a role without personal data.
 */
async function rawCircumstances(
  dataSource: DataSource,
  where: string,
  value: number,
  year: Tracked,
  perturbed: boolean,
) {
  const rows = await dataSource.query<
    { circumstance: string; children: number; youth: number; ck: string; yk: string }[]
  >(
    `SELECT coalesce(c, '') AS circumstance,
            count(DISTINCT e.id) FILTER (WHERE 'OSC' = ANY (e.categories))::int AS children,
            count(DISTINCT e.id) FILTER (WHERE 'OSY' = ANY (e.categories))::int AS youth,
            coalesce(sum(l.record_key) FILTER (WHERE 'OSC' = ANY (e.categories)), 0)::text AS ck,
            coalesce(sum(l.record_key) FILTER (WHERE 'OSY' = ANY (e.categories)), 0)::text AS yk
     FROM enrollment e JOIN school s ON s.id = e.school_id JOIN learner l ON l.id = e.learner_id
     CROSS JOIN LATERAL (SELECT DISTINCT unnest(e.circumstances) AS c) u
     WHERE e.school_year = $1 AND e.registered_on IS NOT NULL AND ${where} = $2
     GROUP BY c
     UNION ALL
     SELECT '', count(*) FILTER (WHERE 'OSC' = ANY (e.categories))::int,
            count(*) FILTER (WHERE 'OSY' = ANY (e.categories))::int,
            coalesce(sum(l.record_key) FILTER (WHERE 'OSC' = ANY (e.categories)), 0)::text,
            coalesce(sum(l.record_key) FILTER (WHERE 'OSY' = ANY (e.categories)), 0)::text
     FROM enrollment e JOIN school s ON s.id = e.school_id JOIN learner l ON l.id = e.learner_id
     WHERE e.school_year = $1 AND e.registered_on IS NOT NULL AND ${where} = $2`,
    [year.schoolYear, value],
  );
  const shown = (count: number, keys: string) => (perturbed ? perturb(count, BigInt(keys)) : count);
  return new Map(
    rows.map((r) => [
      r.circumstance,
      { children: shown(r.children, r.ck), youth: shown(r.youth, r.yk) },
    ]),
  );
}

async function expectMatchesRawCounts(
  dataSource: DataSource,
  answer: Progress,
  where: string,
  value: number,
  year: Tracked = scenario,
  perturbed = false,
) {
  const days = await rawDays(dataSource, where, value, year);
  let cumulative = 0;
  for (const day of answer.days) {
    cumulative += days.get(day.date) ?? 0;
    expect(day, day.date).toMatchObject({ registrations: days.get(day.date) ?? 0, cumulative });
  }
  expect(answer.registrations).toBe([...days.values()].reduce((a, b) => a + b, 0));
  expect(answer.registrations).toBe(cumulative);

  const schools = await rawSchools(dataSource, where, value, year);
  // The target to date is the domain's, on the app's today (issue 21).
  const window = { start: answer.windowStart, end: answer.windowEnd };
  const targetOf = (previous: number) => earlyRegistrationTarget(window, clock.today(), previous);
  for (const row of answer.schools) {
    const raw = schools.get(row.school.schoolId);
    const target = targetOf(raw?.previous ?? 0);
    expect(row, row.school.schoolId).toMatchObject({
      registrations: raw?.registrations ?? 0,
      previousYearEnrollment: raw?.previous ?? 0,
      lastRegistrationOn: raw?.registrations ? raw.last : null,
      target,
      behindTarget: (raw?.registrations ?? 0) < target,
    });
  }
  expect(answer.schools.reduce((sum, s) => sum + s.registrations, 0)).toBe(answer.registrations);
  expect(answer.target).toBe(targetOf(answer.previousYearEnrollment));
  expect(answer.schoolsBehindTarget).toBe(answer.schools.filter((s) => s.behindTarget).length);
  expect(answer.regions.map((r) => r.registrations)).toEqual([answer.registrations]);

  const circumstances = await rawCircumstances(dataSource, where, value, year, perturbed);
  expect({ children: answer.outOfSchoolChildren, youth: answer.outOfSchoolYouth }).toEqual(
    circumstances.get('') ?? { children: 0, youth: 0 },
  );
  for (const row of answer.outOfSchool)
    expect(row, row.circumstance).toEqual({
      circumstance: row.circumstance,
      ...(circumstances.get(row.circumstance) ?? { children: 0, youth: 0 }),
    });
}

/**
 * The `nth` region (from 0) that no other test file writes in with a division small enough to
 * list and schools for each band: that division, another of the region, and its schools A, B, C.
 */
async function pickPlaces(dataSource: DataSource, nth: number) {
  const [picked] = await dataSource.query<{ division_id: number; region_id: number }[]>(
    `SELECT * FROM (
       SELECT DISTINCT ON (region_id) division_id, region_id FROM (
         SELECT s.division_id, min(s.region_id) AS region_id FROM school s
         WHERE s.region_id NOT IN (SELECT region_id FROM school WHERE id = ANY ($1))
         GROUP BY s.division_id
         HAVING count(*) BETWEEN 15 AND 80
            AND count(*) FILTER (WHERE offers_kinder AND offers_elementary) >= 2
            AND count(*) FILTER (WHERE offers_junior_high AND offers_senior_high) >= 1) d
       ORDER BY region_id, division_id DESC) r
     ORDER BY division_id DESC OFFSET $2 LIMIT 1`,
    [OTHER_TESTS_SCHOOLS, nth],
  );
  const { division_id: division, region_id: region } = picked!;
  const [other] = await dataSource.query<{ id: number }[]>(
    'SELECT id FROM division WHERE region_id = $1 AND id <> $2 ORDER BY id LIMIT 1',
    [region, division],
  );
  const elementary = await dataSource.query<{ id: number }[]>(
    `SELECT id FROM school WHERE division_id = $1 AND offers_kinder AND offers_elementary
     ORDER BY id LIMIT 2`,
    [division],
  );
  const [high] = await dataSource.query<{ id: number }[]>(
    `SELECT id FROM school WHERE division_id = $1 AND offers_junior_high AND offers_senior_high
       AND id <> ALL ($2) ORDER BY id LIMIT 1`,
    [division, elementary.map((s) => s.id)],
  );
  const [A, C] = elementary.map((s) => s.id) as [number, number];
  return { division, region, otherDivision: other!.id, A, B: high!.id, C };
}

/** A registrar for each school, and an account of the division, the region and the nation. */
async function createAccounts(
  dataSource: DataSource,
  places: Awaited<ReturnType<typeof pickPlaces>>,
) {
  const tokens: Record<string, string> = {};
  let creatorId = '';
  for (const school of [places.A, places.B, places.C]) {
    const account = await createTestAccount(dataSource, Role.SCHOOL_REGISTRAR, {
      schoolId: school,
    });
    tokens[`registrar${school}`] = account.token;
    creatorId = account.id;
  }
  tokens.division = (
    await createTestAccount(dataSource, Role.DIVISION_MONITOR, { divisionId: places.division })
  ).token;
  tokens.region = (
    await createTestAccount(dataSource, Role.REGIONAL_PLANNER, { regionId: places.region })
  ).token;
  tokens.nation = (await createTestAccount(dataSource, Role.NATIONAL_ANALYST)).token;
  return { tokens, creatorId };
}

/** Last year's enrollment, written directly: only its counts matter here. */
async function enrolledLastYear(
  world: TrackerWorld,
  school: number,
  grade: string,
  status = 'OFFICIALLY_ENROLLED',
) {
  const learnerId = await insertTestLearner(world.dataSource, world.creatorId, school);
  await world.dataSource.query(
    `INSERT INTO enrollment (learner_id, school_id, school_year, grade_level, strand, status,
                             enrolled_on, first_attendance, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, '2025-06-09', '2025-06-16', $7)`,
    [
      learnerId,
      school,
      PREVIOUS,
      grade,
      grade === 'GRADE_11' ? 'STEM' : null,
      status,
      world.creatorId,
    ],
  );
}

/**
 * Last year: A 3 Kindergarten and 1 Grade 1 enrolled (a drop-out and a Grade 3 learner do not
 * count); B 3 Grade 7 and 1 Grade 11; C 5 Kindergarten.
 */
async function enrollLastYear(world: TrackerWorld) {
  const { A, B, C } = world;
  for (const grade of ['KINDER', 'KINDER', 'GRADE_1']) await enrolledLastYear(world, A, grade);
  await enrolledLastYear(world, A, 'KINDER', 'TEMPORARILY_ENROLLED');
  await enrolledLastYear(world, A, 'KINDER', 'DROPPED_OUT');
  await enrolledLastYear(world, A, 'GRADE_3');
  for (const grade of ['GRADE_7', 'GRADE_7', 'GRADE_7', 'GRADE_11'])
    await enrolledLastYear(world, B, grade);
  for (let i = 0; i < 5; i++) await enrolledLastYear(world, C, 'KINDER');
}

/**
 * This year: A 2 Kindergarten on 2 February and an OSC for Grade 1 on 5 February; B a Grade 7 on
 * the window's first day, an OSY for Grade 11 on its last, and an OSY for Grade 9 (not an
 * early-registration grade: counted among the out-of-school only).
 */
async function registerThisYear(world: TrackerWorld) {
  const { A, B, preRegister } = world;
  world.kinderRegistration = await preRegister(A, {
    learner: newProfile('2021-03-10'),
    gradeLevel: 'KINDER',
    registeredOn: '2026-02-02',
  });
  await preRegister(A, {
    learner: newProfile('2021-04-11'),
    gradeLevel: 'KINDER',
    registeredOn: '2026-02-02',
  });
  await preRegister(A, {
    learner: newProfile('2018-05-05'),
    gradeLevel: 'GRADE_1',
    registeredOn: '2026-02-05',
    categories: ['OSC'],
    circumstances: ['DISABILITY', 'OFF_GRID_COMMUNITY'],
  });
  await preRegister(B, {
    learner: newProfile('2014-04-04'),
    gradeLevel: 'GRADE_7',
    registeredOn: '2026-01-31',
  });
  await preRegister(B, {
    learner: newProfile('2009-01-01'),
    gradeLevel: 'GRADE_11',
    strand: 'STEM',
    registeredOn: '2026-02-27',
    categories: ['OSY'],
    circumstances: ['WANTS_TO_RETURN_TO_SCHOOL', 'DISABILITY'],
  });
  await preRegister(B, {
    learner: newProfile('2010-06-06'),
    gradeLevel: 'GRADE_9',
    registeredOn: '2026-02-10',
    categories: ['OSY'],
    circumstances: ['WANTS_TO_RETURN_TO_SCHOOL'],
  });
}

/** The tracker's queries and the world's writes, bound to one database and server. */
function bind(
  dataSource: DataSource,
  server: TestServer,
  tokens: Record<string, string>,
): Pick<TrackerWorld, 'progress' | 'ok' | 'preRegister' | 'expectMatchesRawCounts' | 'close'> {
  const progress = async (token: string, args: Args = {}) => {
    const response = await server.graphql<{ earlyRegistrationProgress: Progress }>(
      progressQuery,
      { schoolYear: SY, ...args },
      token,
    );
    return {
      data: response.data?.earlyRegistrationProgress ?? null,
      error: response.errors?.[0]?.extensions ?? null,
    };
  };
  return {
    progress,
    ok: async (token, args = {}) => {
      const { data, error } = await progress(token, args);
      expect(error).toBeNull();
      return data!;
    },
    preRegister: async (school, input) => {
      const outcome = await mutate(
        server,
        tokens[`registrar${school}`]!,
        'preRegister',
        'PreRegisterInput',
        { schoolYear: SY, ...input },
      );
      if (!outcome.result) throw new Error(`${outcome.message} ${JSON.stringify(outcome.error)}`);
      return outcome.result;
    },
    expectMatchesRawCounts: (answer, where, value, year, perturbed) =>
      expectMatchesRawCounts(dataSource, answer, where, value, year, perturbed),
    close: async () => {
      await server.close();
      await dataSource.destroy();
    },
  };
}

/** The world in the `nth` region no other test file writes in, with its registrations made. */
export async function openTrackerWorld(nth: number): Promise<TrackerWorld> {
  const dataSource = await openTestDataSource();
  const server = await startTestServer(dataSource);
  const places = await pickPlaces(dataSource, nth);
  const { tokens, creatorId } = await createAccounts(dataSource, places);
  const world: TrackerWorld = {
    dataSource,
    server,
    creatorId,
    ...places,
    tokens,
    kinderRegistration: undefined as unknown as ResultView,
    ...bind(dataSource, server, tokens),
  };
  await enrollLastYear(world);
  await registerThisYear(world);
  return world;
}
