import { Role } from '@repo/domain/access';
import { type DataSource } from 'typeorm';
import { addDays } from '@repo/domain/civil-date';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pinClockDuring, seededCalendar, today } from '../../../test/clock-fixtures.js';
import { mutate, newProfile, type ResultView } from '../../../test/enrollment-fixtures.js';
import {
  createTestAccount,
  insertTestLearner,
  openTestDataSource,
  startTestServer,
  type TestServer,
} from '../../../test/harness.js';

// SY 2026-2027 as seeded: early registration 2026-01-31 (last Saturday of January) to 2026-02-27
// (last Friday of February), wholly before today. Other files pre-register in this year too, but
// only at schools of Abra and Ilocos Norte: this file works in a division of another region, and
// still compares with counts over the base tables rather than with fixed numbers.
const SY = '2026-2027';
const PREVIOUS = '2025-2026';
/**
 * The year whose early registration (2028-01-29 to 2028-02-25) the days of `npm run test:calendar`
 * go through: its calendar is seeded (assumed) whatever day the run is pinned to.
 */
const NEXT = '2028-2029';
const NEXT_PREVIOUS = '2027-2028';
const EARLY_GRADES = ['KINDER', 'GRADE_1', 'GRADE_7', 'GRADE_11'];
const OTHER_TESTS_SCHOOLS = [500743, 300001, 500518];

let dataSource: DataSource;
let server: TestServer;
let creatorId: string;
/** Division under test, its region, and another division of the same region. */
let division: number;
let region: number;
let otherDivision: number;
/** A: Kindergarten and elementary; B: junior and senior high; C: like A, registering nobody. */
let A: number;
let B: number;
let C: number;
const tokens: Record<string, string> = {};
let kinderRegistration: ResultView;

interface Progress {
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
  }[];
  outOfSchool: { circumstance: string; children: number; youth: number }[];
}

const progressQuery = `query($schoolYear: String!, $divisionId: ID, $regionId: ID) {
  earlyRegistrationProgress(schoolYear: $schoolYear, divisionId: $divisionId, regionId: $regionId) {
    schoolYear windowStart windowEnd registrations previousYearEnrollment progress
    outOfSchoolChildren outOfSchoolYouth
    days { date registrations cumulative previousYearEnrollment }
    divisions { division { id } schools schoolsWithoutRegistration registrations previousYearEnrollment progress }
    schools { school { schoolId name division { id } } registrations previousYearEnrollment progress lastRegistrationOn }
    outOfSchool { circumstance children youth }
  }
}`;

async function progress(
  token: string,
  args: { divisionId?: string; regionId?: string; schoolYear?: string } = {},
) {
  const response = await server.graphql<{ earlyRegistrationProgress: Progress }>(
    progressQuery,
    { schoolYear: SY, ...args },
    token,
  );
  return {
    data: response.data?.earlyRegistrationProgress ?? null,
    error: response.errors?.[0]?.extensions ?? null,
  };
}

async function ok(token: string, args: Parameters<typeof progress>[1] = {}) {
  const { data, error } = await progress(token, args);
  expect(error).toBeNull();
  return data!;
}

async function preRegister(school: number, input: Record<string, unknown>) {
  const outcome = await mutate(
    server,
    tokens[`registrar${school}`]!,
    'preRegister',
    'PreRegisterInput',
    {
      schoolYear: SY,
      ...input,
    },
  );
  if (!outcome.result) throw new Error(`${outcome.message} ${JSON.stringify(outcome.error)}`);
  return outcome.result;
}

/** Last year's enrolment, written directly: only its counts matter here. */
async function enrolledLastYear(school: number, grade: string, status = 'OFFICIALLY_ENROLLED') {
  const learnerId = await insertTestLearner(dataSource, creatorId, school);
  await dataSource.query(
    `INSERT INTO enrollment (learner_id, school_id, school_year, grade_level, strand, status,
                             enrolled_on, first_attendance, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, '2025-06-09', '2025-06-16', $7)`,
    [learnerId, school, PREVIOUS, grade, grade === 'GRADE_11' ? 'STEM' : null, status, creatorId],
  );
}

/** A school year the tracker is asked about, and the year before it. */
interface Tracked {
  schoolYear: string;
  previous: string;
}
const scenario: Tracked = { schoolYear: SY, previous: PREVIOUS };

/** The place's registrations per day, counted over the enrollments themselves. */
async function rawDays(where: string, value: number, year: Tracked) {
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

/** Each school's registrations and last year's enrolment, counted over the enrollments. */
async function rawSchools(where: string, value: number, year: Tracked) {
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

/** OSC and OSY per circumstance, counted over the enrollments. */
async function rawCircumstances(where: string, value: number, year: Tracked) {
  const rows = await dataSource.query<{ circumstance: string; children: number; youth: number }[]>(
    `SELECT c AS circumstance,
            count(*) FILTER (WHERE 'OSC' = ANY (e.categories))::int AS children,
            count(*) FILTER (WHERE 'OSY' = ANY (e.categories))::int AS youth
     FROM enrollment e JOIN school s ON s.id = e.school_id
     CROSS JOIN LATERAL (SELECT DISTINCT unnest(e.circumstances) AS c) u
     WHERE e.school_year = $1 AND e.registered_on IS NOT NULL AND ${where} = $2
     GROUP BY c`,
    [year.schoolYear, value],
  );
  return new Map(rows.map((r) => [r.circumstance, { children: r.children, youth: r.youth }]));
}

/** The answer agrees with the counts over the base tables, day by day and school by school. */
async function expectMatchesRawCounts(
  answer: Progress,
  where: string,
  value: number,
  year: Tracked = scenario,
) {
  const days = await rawDays(where, value, year);
  let cumulative = 0;
  for (const day of answer.days) {
    cumulative += days.get(day.date) ?? 0;
    expect(day, day.date).toMatchObject({ registrations: days.get(day.date) ?? 0, cumulative });
  }
  expect(answer.registrations).toBe([...days.values()].reduce((a, b) => a + b, 0));
  expect(answer.registrations).toBe(cumulative);

  const schools = await rawSchools(where, value, year);
  for (const row of answer.schools) {
    const raw = schools.get(row.school.schoolId);
    expect(row, row.school.schoolId).toMatchObject({
      registrations: raw?.registrations ?? 0,
      previousYearEnrollment: raw?.previous ?? 0,
      lastRegistrationOn: raw?.registrations ? raw.last : null,
    });
  }
  expect(answer.schools.reduce((sum, s) => sum + s.registrations, 0)).toBe(answer.registrations);

  const circumstances = await rawCircumstances(where, value, year);
  for (const row of answer.outOfSchool)
    expect(row, row.circumstance).toEqual({
      circumstance: row.circumstance,
      ...(circumstances.get(row.circumstance) ?? { children: 0, youth: 0 }),
    });
}

/** Laggards first: no registration (largest last year first), then lowest progress, then none to measure. */
function expectWorstFirst(schools: Progress['schools']) {
  const rank = (s: Progress['schools'][number]) =>
    s.registrations === 0 ? [0, -s.previousYearEnrollment] : [1, s.progress ?? Infinity];
  for (let i = 1; i < schools.length; i++) {
    const [a, b] = [rank(schools[i - 1]!), rank(schools[i]!)];
    expect(a[0]! < b[0]! || (a[0] === b[0] && a[1]! <= b[1]!), `${i}`).toBe(true);
  }
}

beforeAll(async () => {
  dataSource = await openTestDataSource();
  server = await startTestServer(dataSource);
  // A division of a region the other test files do not write in, small enough to list, with
  // schools for each band.
  const [picked] = await dataSource.query<{ division_id: number; region_id: number }[]>(
    `SELECT s.division_id, min(s.region_id) AS region_id FROM school s
     WHERE s.region_id NOT IN (SELECT region_id FROM school WHERE id = ANY ($1))
     GROUP BY s.division_id
     HAVING count(*) BETWEEN 15 AND 80
        AND count(*) FILTER (WHERE offers_kinder AND offers_elementary) >= 2
        AND count(*) FILTER (WHERE offers_junior_high AND offers_senior_high) >= 1
     ORDER BY s.division_id DESC LIMIT 1`,
    [OTHER_TESTS_SCHOOLS],
  );
  division = picked!.division_id;
  region = picked!.region_id;
  const [other] = await dataSource.query<{ id: number }[]>(
    'SELECT id FROM division WHERE region_id = $1 AND id <> $2 ORDER BY id LIMIT 1',
    [region, division],
  );
  otherDivision = other!.id;
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
  [A, C] = elementary.map((s) => s.id) as [number, number];
  B = high!.id;

  for (const school of [A, B, C]) {
    const account = await createTestAccount(dataSource, Role.SCHOOL_REGISTRAR, {
      schoolId: school,
    });
    tokens[`registrar${school}`] = account.token;
    creatorId = account.id;
  }
  tokens.division = (
    await createTestAccount(dataSource, Role.DIVISION_MONITOR, { divisionId: division })
  ).token;
  tokens.region = (
    await createTestAccount(dataSource, Role.REGIONAL_PLANNER, { regionId: region })
  ).token;
  tokens.nation = (await createTestAccount(dataSource, Role.NATIONAL_ANALYST)).token;

  // Last year: A 3 Kindergarten and 1 Grade 1 enrolled (a drop-out and a Grade 3 learner do not
  // count); B 3 Grade 7 and 1 Grade 11; C 5 Kindergarten.
  for (const grade of ['KINDER', 'KINDER', 'GRADE_1']) await enrolledLastYear(A, grade);
  await enrolledLastYear(A, 'KINDER', 'TEMPORARILY_ENROLLED');
  await enrolledLastYear(A, 'KINDER', 'DROPPED_OUT');
  await enrolledLastYear(A, 'GRADE_3');
  for (const grade of ['GRADE_7', 'GRADE_7', 'GRADE_7', 'GRADE_11'])
    await enrolledLastYear(B, grade);
  for (let i = 0; i < 5; i++) await enrolledLastYear(C, 'KINDER');

  // This year: A 2 Kindergarten on 2 February and an OSC for Grade 1 on 5 February; B a Grade 7 on
  // the window's first day, an OSY for Grade 11 on its last, and an OSY for Grade 9 (not an
  // early-registration grade: counted among the out-of-school only).
  kinderRegistration = await preRegister(A, {
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
});
afterAll(async () => {
  await server.close();
  await dataSource.destroy();
});

describe('earlyRegistrationProgress (SPEC §4.2, §5)', () => {
  it('counts every day of the window and the running total as the enrollments do', async () => {
    const answer = await ok(tokens.division!);
    expect(answer).toMatchObject({
      schoolYear: SY,
      windowStart: '2026-01-31',
      windowEnd: '2026-02-27',
      registrations: 5,
      previousYearEnrollment: 4 + 4 + 5,
      outOfSchoolChildren: 1,
      outOfSchoolYouth: 2,
    });
    expect(answer.progress).toBeCloseTo(5 / 13);
    expect(answer.days).toHaveLength(28);
    expect(answer.days[0]).toEqual({
      date: '2026-01-31',
      registrations: 1,
      cumulative: 1,
      previousYearEnrollment: 13,
    });
    expect(answer.days.find((d) => d.date === '2026-02-02')).toMatchObject({
      registrations: 2,
      cumulative: 3,
    });
    expect(answer.days.find((d) => d.date === '2026-02-10')).toMatchObject({
      registrations: 0,
      cumulative: 4,
    });
    expect(answer.days.at(-1)).toMatchObject({
      date: '2026-02-27',
      registrations: 1,
      cumulative: 5,
    });
    await expectMatchesRawCounts(answer, 's.division_id', division);
  });

  it('lists the schools with no registration first, the largest last year first, then the lowest progress', async () => {
    const answer = await ok(tokens.division!);
    const schoolCount = await dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM school WHERE division_id = $1
         AND (offers_kinder OR offers_elementary OR offers_junior_high OR offers_senior_high)`,
      [division],
    );
    expect(answer.schools).toHaveLength(schoolCount[0]!.n);
    expect(answer.schools.every((s) => s.school.division.id === String(division))).toBe(true);
    expectWorstFirst(answer.schools);
    const id = (school: number) => String(school).padStart(6, '0');
    expect(answer.schools[0]).toMatchObject({
      school: { schoolId: id(C) },
      registrations: 0,
      previousYearEnrollment: 5,
      progress: 0,
      lastRegistrationOn: null,
    });
    expect(answer.schools.at(-2)).toMatchObject({
      school: { schoolId: id(B) },
      registrations: 2,
      previousYearEnrollment: 4,
      progress: 0.5,
      lastRegistrationOn: '2026-02-27',
    });
    expect(answer.schools.at(-1)).toMatchObject({
      school: { schoolId: id(A) },
      registrations: 3,
      previousYearEnrollment: 4,
      progress: 0.75,
      lastRegistrationOn: '2026-02-05',
    });
    expect(answer.divisions).toEqual([
      {
        division: { id: String(division) },
        schools: answer.schools.length,
        schoolsWithoutRegistration: answer.schools.length - 2,
        registrations: 5,
        previousYearEnrollment: 13,
        progress: 5 / 13,
      },
    ]);
  });

  it('counts OSC and OSY by circumstance, in every grade', async () => {
    const answer = await ok(tokens.division!);
    expect(answer.outOfSchool).toHaveLength(14);
    expect(answer.outOfSchool.filter((c) => c.children + c.youth > 0)).toEqual([
      { circumstance: 'DISABILITY', children: 1, youth: 1 },
      { circumstance: 'OFF_GRID_COMMUNITY', children: 1, youth: 0 },
      { circumstance: 'WANTS_TO_RETURN_TO_SCHOOL', children: 0, youth: 2 },
    ]);
  });

  it('still counts a registration once it becomes an enrolment', async () => {
    const before = await ok(tokens.division!);
    const enrolled = await mutate(
      server,
      tokens[`registrar${A}`]!,
      'enrollLearner',
      'EnrollLearnerInput',
      {
        learnerId: kinderRegistration.enrollment.learnerId,
        schoolYear: SY,
        gradeLevel: 'KINDER',
        admissionBasis: 'KINDER_AGE_5',
        documents: ['PSA_BIRTH_CERTIFICATE'],
        enrolledOn: '2026-06-08',
        firstAttendance: '2026-06-15',
      },
    );
    expect(enrolled.error).toBeNull();
    expect(enrolled.result!.enrollment).toMatchObject({
      id: kinderRegistration.enrollment.id,
      status: 'OFFICIALLY_ENROLLED',
    });
    const after = await ok(tokens.division!);
    expect(after).toEqual(before);
    await expectMatchesRawCounts(after, 's.division_id', division);
  });

  it('counts a registration the moment it commits', async () => {
    const before = await ok(tokens.division!);
    await preRegister(C, {
      learner: newProfile('2021-01-20'),
      gradeLevel: 'KINDER',
      registeredOn: '2026-02-20',
    });
    const after = await ok(tokens.division!);
    expect(after.registrations).toBe(before.registrations + 1);
    expect(after.days.find((d) => d.date === '2026-02-20')).toMatchObject({ registrations: 1 });
    const c = after.schools.find((s) => s.school.schoolId === String(C).padStart(6, '0'));
    expect(c).toMatchObject({ registrations: 1, progress: 0.2, lastRegistrationOn: '2026-02-20' });
    expect(after.schools[0]!.school.schoolId).not.toBe(String(C).padStart(6, '0'));
    expectWorstFirst(after.schools);
    await expectMatchesRawCounts(after, 's.division_id', division);
  });

  it('keeps the rollups equal to a recount through direct inserts, updates and deletes', async () => {
    // Rows written past the API: the trigger must follow every change of what is counted.
    const learners = await Promise.all(
      [A, B, A].map((school) => insertTestLearner(dataSource, creatorId, school)),
    );
    const ids = await dataSource.transaction(async (manager) => {
      const made: string[] = [];
      for (const [i, learnerId] of learners.entries()) {
        const [row] = await manager.query<{ id: string }[]>(
          `INSERT INTO enrollment (learner_id, school_id, school_year, grade_level, status,
                                   categories, circumstances, registered_on, created_by)
           VALUES ($1, $2, $3, 'GRADE_1', 'PRE_REGISTERED', $4, $5, '2026-02-12', $6) RETURNING id`,
          [
            learnerId,
            i === 1 ? B : A,
            SY,
            i === 0 ? ['OSC'] : [],
            i === 0 ? ['CHRONIC_ILLNESS', 'DISABILITY'] : [],
            creatorId,
          ],
        );
        made.push(row!.id);
      }
      return made;
    });
    const [first, second, third] = ids as [string, string, string];
    await dataSource.query(
      `UPDATE enrollment SET grade_level = 'KINDER', registered_on = '2026-02-13' WHERE id = $1`,
      [first],
    );
    await dataSource.query(
      `UPDATE enrollment SET categories = '{OSY}', circumstances = '{ABUSE_OR_EXPLOITATION}' WHERE id = $1`,
      [second],
    );
    await dataSource.query(`UPDATE enrollment SET school_id = $2 WHERE id = $1`, [second, C]);
    await dataSource.query(
      `UPDATE enrollment SET categories = '{}', circumstances = '{}' WHERE id = $1`,
      [first],
    );
    await dataSource.query(`UPDATE enrollment SET registered_on = NULL WHERE id = $1`, [third]);
    await dataSource.query(`UPDATE enrollment SET status = 'DROPPED_OUT' WHERE id = $1`, [second]);

    const answer = await ok(tokens.division!);
    await expectMatchesRawCounts(answer, 's.division_id', division);
    expect(answer.outOfSchool.find((c) => c.circumstance === 'ABUSE_OR_EXPLOITATION')).toEqual({
      circumstance: 'ABUSE_OR_EXPLOITATION',
      children: 0,
      youth: 1,
    });
    expect(answer.outOfSchool.find((c) => c.circumstance === 'CHRONIC_ILLNESS')).toMatchObject({
      children: 0,
    });

    // And once they are gone (rows with no history can be deleted), nothing of them is left.
    await dataSource.query('DELETE FROM enrollment WHERE id = ANY ($1)', [ids]);
    await expectMatchesRawCounts(await ok(tokens.division!), 's.division_id', division);

    // Rollup and recount side by side in one statement (one snapshot), for the whole region.
    const recount = `
      SELECT e.school_year, e.school_id, s.division_id, s.region_id, e.registered_on, e.grade_level,
             count(*)::int AS registrations,
             count(*) FILTER (WHERE 'OSC' = ANY (e.categories))::int AS osc,
             count(*) FILTER (WHERE 'OSY' = ANY (e.categories))::int AS osy
      FROM enrollment e JOIN school s ON s.id = e.school_id
      WHERE e.registered_on IS NOT NULL AND s.region_id = $1
      GROUP BY 1, 2, 3, 4, 5, 6`;
    const rollup = `
      SELECT school_year, school_id, division_id, region_id, registered_on, grade_level,
             registrations, out_of_school_children, out_of_school_youth
      FROM early_registration_daily WHERE region_id = $1`;
    const [{ differences }] = (await dataSource.query<{ differences: number }[]>(
      `SELECT count(*)::int AS differences FROM
         ((${recount} EXCEPT ${rollup}) UNION ALL (${rollup} EXCEPT ${recount})) x`,
      [region],
    )) as [{ differences: number }];
    expect(differences).toBe(0);
  });

  it('rebuilds the rollups from the enrollments to the same rows', async () => {
    const snapshot = () =>
      dataSource.query(
        `SELECT 'daily' AS t, to_jsonb(d) AS row FROM early_registration_daily d WHERE region_id = $1
         UNION ALL
         SELECT 'circumstance', to_jsonb(c) FROM early_registration_circumstance c WHERE region_id = $1
         ORDER BY 1, 2`,
        [region],
      );
    const before = await snapshot();
    expect(before.length).toBeGreaterThan(0);
    await dataSource.query('SELECT rebuild_early_registration_rollups()');
    expect(await snapshot()).toEqual(before);
  });

  it('holds each scope to its own place', async () => {
    // A school: its own numbers only.
    const own = await ok(tokens[`registrar${A}`]!);
    expect(own.schools.map((s) => s.school.schoolId)).toEqual([String(A).padStart(6, '0')]);
    await expectMatchesRawCounts(own, 's.id', A);
    expect(
      (await progress(tokens[`registrar${A}`]!, { divisionId: String(otherDivision) })).error,
    ).toMatchObject({
      code: 'OUTSIDE_SCOPE',
      field: 'divisionId',
    });

    // A division: its own; not another.
    expect(
      (await progress(tokens.division!, { divisionId: String(otherDivision) })).error,
    ).toMatchObject({
      code: 'OUTSIDE_SCOPE',
      field: 'divisionId',
    });
    const asDivision = await ok(tokens.division!, { divisionId: String(division) });

    // A region: the whole region, or one of its divisions (the same answer the division gets).
    const asRegion = await ok(tokens.region!);
    expect(asRegion.divisions.map((d) => d.division.id)).toContain(String(division));
    expect(asRegion.divisions.length).toBeGreaterThan(1);
    expectWorstFirst(asRegion.schools);
    await expectMatchesRawCounts(asRegion, 's.region_id', region);
    expect(await ok(tokens.region!, { divisionId: String(division) })).toEqual(asDivision);
    expect(
      (await progress(tokens.region!, { regionId: String(region === 1 ? 2 : 1) })).error,
    ).toMatchObject({
      code: 'OUTSIDE_SCOPE',
    });

    // The nation names a division or a region.
    expect((await progress(tokens.nation!)).error).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'divisionId',
      rule: 'FILTER_REQUIRED',
    });
    expect(await ok(tokens.nation!, { divisionId: String(division) })).toEqual(asDivision);
    expect(await ok(tokens.nation!, { regionId: String(region) })).toEqual(asRegion);
    expect(
      (
        await progress(tokens.nation!, {
          divisionId: String(division),
          regionId: String(region === 1 ? 2 : 1),
        })
      ).error,
    ).toMatchObject({ field: 'divisionId', rule: 'DIVISION_NOT_IN_REGION' });

    // Nobody signed in: refused before the resolver.
    expect((await progress(undefined as unknown as string)).error).toMatchObject({
      code: 'UNAUTHENTICATED',
    });
  });

  it.each([
    [{ schoolYear: '2026-27' }, 'schoolYear', 'SCHOOL_YEAR_INVALID'],
    [{ schoolYear: '2016-2017' }, 'schoolYear', 'SCHOOL_YEAR_NOT_COVERED'],
    [{ schoolYear: '2040-2041' }, 'schoolYear', 'CALENDAR_NOT_SET'],
    [{ divisionId: 'x' }, 'divisionId', 'ID_INVALID'],
    [{ divisionId: '99999' }, 'divisionId', 'DIVISION_NOT_FOUND'],
    [{ regionId: '9999' }, 'regionId', 'REGION_NOT_FOUND'],
  ])('refuses %o: %s %s', async (args, field, rule) => {
    const { data, error } = await progress(tokens.nation!, {
      divisionId: String(division),
      ...args,
    });
    expect(data).toBeNull();
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field, rule });
  });
});

describe(`earlyRegistrationProgress through SY ${NEXT}'s window, the clock held on its days`, () => {
  const { earlyRegistrationStart: start, earlyRegistrationEnd: end } = seededCalendar(NEXT).dates;
  /** The window's days from its first to `last`, as the tracker lists them. */
  const windowThrough = (last: string) => {
    const days: string[] = [];
    for (let day = start; day <= last; day = addDays(day, 1)) days.push(day);
    return days;
  };

  // Each row holds the clock on its own day, so each day gets one registration of its own.
  it.each([
    ['the day before it opens', addDays(start, -1)],
    ['its first day', start],
    ['a day of its third week', addDays(start, 14)],
    ['its last day', end],
    ['the day after it closes', addDays(end, 1)],
  ])('on %s (%s): a registration dated today, and the days listed up to today', async (_, day) => {
    const held = pinClockDuring(day);
    try {
      expect(today()).toBe(day);
      // Signed in on the held day: a token of the run's own day may have expired by then.
      const registrar = (
        await createTestAccount(dataSource, Role.SCHOOL_REGISTRAR, { schoolId: A })
      ).token;
      const monitor = (
        await createTestAccount(dataSource, Role.DIVISION_MONITOR, { divisionId: division })
      ).token;
      const open = start <= day && day <= end;
      const outcome = await mutate(server, registrar, 'preRegister', 'PreRegisterInput', {
        learner: newProfile('2023-03-10'),
        schoolYear: NEXT,
        gradeLevel: 'KINDER',
      });
      if (open) {
        expect(outcome.error).toBeNull();
        expect(outcome.result!.enrollment.registeredOn).toBe(day);
      } else {
        expect(outcome.error).toMatchObject({
          field: 'input.registeredOn',
          rule: 'OUTSIDE_EARLY_REGISTRATION_WINDOW',
        });
      }

      const answer = await ok(monitor, { schoolYear: NEXT });
      expect(answer).toMatchObject({ schoolYear: NEXT, windowStart: start, windowEnd: end });
      expect(answer.days.map((d) => d.date)).toEqual(windowThrough(day < end ? day : end));
      if (open) expect(answer.days.at(-1)).toMatchObject({ date: day, registrations: 1 });
      await expectMatchesRawCounts(answer, 's.division_id', division, {
        schoolYear: NEXT,
        previous: NEXT_PREVIOUS,
      });
    } finally {
      held.restore();
    }
  });
});
