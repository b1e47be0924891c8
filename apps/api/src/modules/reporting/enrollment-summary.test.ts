import { Role } from '@repo/domain/access';
import { perturb } from '@repo/domain/cell-key';
import { type DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mutate, papersOf } from '../../../test/enrollment-fixtures.js';
import { mulberry32 } from '../datasets/synthetic-learners.js';
import {
  createTestAccount,
  insertTestLearner,
  openTestDataSource,
  startTestServer,
  type TestServer,
} from '../../../test/harness.js';

// This file owns SY 2024-2025 (and 2023-2024 as the year before): no other test enrolls in them,
// so the counts compared here change only by what this file does.
const SY = '2024-2025';
const PREVIOUS = '2023-2024';
/** Schools in two regions and three divisions, offering elementary grades. */
const SCHOOLS = [500743, 500518, 300001];

// The same random data every run, so a failure can be replayed.
const random = mulberry32(20261126);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const some = <T>(list: readonly T[]): T[] => list.filter(() => random() < 0.4);

let dataSource: DataSource;
let server: TestServer;
let analyst: string;
const registrars = new Map<number, string>();
let creatorId: string;

const DIMENSIONS = [
  'SCHOOL_YEAR',
  'REGION',
  'DIVISION',
  'SCHOOL',
  'SECTOR',
  'GRADE_LEVEL',
  'STRAND',
  'SEX',
  'CATEGORY',
  'STATUS',
] as const;
const STATUSES = [
  'PRE_REGISTERED',
  'TEMPORARILY_ENROLLED',
  'OFFICIALLY_ENROLLED',
  'MOVED_OUT',
  'TRANSFERRED_TO_ALS',
  'DROPPED_OUT',
] as const;
const CATEGORIES = ['IP', 'SPED', 'BALIK_ARAL', 'OSY', 'OSC', 'FOUR_PS'] as const;
const GRADES = ['GRADE_2', 'GRADE_3', 'GRADE_5', 'GRADE_8', 'GRADE_9', 'GRADE_11'] as const;

const applyDeltas = () => dataSource.query('SELECT apply_enrollment_rollup_deltas()');

/** A learner and an enrollment at a school offering the grade, through the API. */
async function enrollOne(year: string, index: number) {
  const grade = pick(GRADES);
  const senior = grade === 'GRADE_11';
  const high = ['GRADE_8', 'GRADE_9', 'GRADE_11'].includes(grade);
  // Adams National High School (300001) offers junior and senior high only.
  const school = pick(high ? SCHOOLS : SCHOOLS.filter((s) => s !== 300001));
  const learnerId = await insertTestLearner(dataSource, creatorId, school, {
    lastName: `Summary${index}`,
    birthDate: senior ? '2008-03-03' : high ? '2011-03-03' : '2016-03-03',
    sex: random() < 0.5 ? 'MALE' : 'FEMALE',
  });
  await dataSource.query(
    `UPDATE learner SET is_indigenous = $2, special_needs = $3, is_four_ps = $4 WHERE id = $1`,
    [learnerId, random() < 0.2, random() < 0.1 ? ['HEARING'] : [], random() < 0.25],
  );
  const start = year === SY ? '2024' : '2023';
  const attend = random() < 0.8;
  const hasSf9 = random() < 0.7;
  const outcome = await mutate(
    server,
    registrars.get(school)!,
    'enrollLearner',
    'EnrollLearnerInput',
    {
      learnerId,
      schoolYear: year,
      gradeLevel: grade,
      strand: senior ? pick(['STEM', 'ABM', 'TVL']) : null,
      admissionBasis: senior ? 'GRADE_10_COMPLETER' : random() < 0.15 ? 'BALIK_ARAL' : 'CONTINUING',
      documents: hasSf9 ? ['SF9'] : [],
      categories: some(['OSY', 'OSC'] as const).slice(0, 1),
      enrolledOn: `${start}-07-${year === SY ? '22' : '21'}`,
      firstAttendance: attend ? (year === SY ? '2024-07-29' : '2023-08-29') : null,
    },
  );
  if (!outcome.result) throw new Error(`${outcome.message} ${JSON.stringify(outcome.error)}`);
  const enrollmentId = outcome.result.enrollment.id;
  return { learnerId, school, grade, high, enrollmentId, attend, hasSf9 };
}

beforeAll(async () => {
  dataSource = await openTestDataSource();
  server = await startTestServer(dataSource);
  analyst = (await createTestAccount(dataSource, Role.NATIONAL_ANALYST)).token;
  for (const school of SCHOOLS) {
    const account = await createTestAccount(dataSource, Role.SCHOOL_REGISTRAR, {
      schoolId: school,
    });
    registrars.set(school, account.token);
    creatorId = account.id;
  }
  // Last year, and this year with moves, transfers, drop-outs, documents and learner edits, with
  // the deltas folded at random moments.
  for (let i = 0; i < 25; i++) await enrollOne(PREVIOUS, i);
  const current = [];
  for (let i = 0; i < 60; i++) {
    current.push(await enrollOne(SY, 100 + i));
    if (random() < 0.15) await applyDeltas();
  }
  const done: (Awaited<ReturnType<typeof mutate>> | null)[] = [];
  for (const one of current.filter((c) => c.attend)) {
    const roll = random();
    const token = registrars.get(one.school)!;
    if (roll < 0.12) {
      if (one.grade === 'GRADE_11') continue;
      const to = pick(SCHOOLS.filter((s) => s !== one.school && (one.high || s !== 300001)));
      done.push(
        await mutate(server, registrars.get(to)!, 'moveLearner', 'MoveLearnerInput', {
          learnerId: one.learnerId,
          schoolYear: SY,
          gradeLevel: one.grade,
          moveDate: pick(['2024-08-15', '2024-07-30']),
          documents: random() < 0.5 ? ['SF9'] : ['REGISTRAR_LETTER', 'AFFIDAVIT_OF_UNDERTAKING'],
          proof: await papersOf(dataSource, one.learnerId),
        }),
      );
    } else if (roll < 0.2) {
      done.push(
        await mutate(server, token, 'dropOut', 'DropOutInput', {
          enrollmentId: one.enrollmentId,
          effectiveOn: '2024-09-02',
          reason: 'Working on the farm',
        }),
      );
    } else if (roll < 0.25) {
      done.push(
        await mutate(server, token, 'transferToAls', 'TransferToAlsInput', {
          enrollmentId: one.enrollmentId,
          effectiveOn: '2024-10-01',
          program: 'ALS_AE_SECONDARY',
          facilitatorName: 'Ana Cruz',
        }),
      );
    } else if (roll < 0.45 && !one.hasSf9) {
      done.push(
        await mutate(server, token, 'submitDocument', 'SubmitDocumentInput', {
          enrollmentId: one.enrollmentId,
          learnerId: one.learnerId,
          documentType: 'SF9',
          receivedOn: '2024-08-05',
        }),
      );
    } else if (roll < 0.55) {
      // A learner's own categories change: the rollups follow (learner trigger).
      await dataSource.query(
        'UPDATE learner SET is_indigenous = NOT is_indigenous, is_four_ps = NOT is_four_ps WHERE id = $1',
        [one.learnerId],
      );
    }
    if (random() < 0.1) await applyDeltas();
  }
  // Every change went through: the comparison below covers moves, drop-outs and the rest.
  expect(done.filter((d) => d?.error)).toEqual([]);
  expect(done.length).toBeGreaterThan(10);
}, 120_000);
afterAll(async () => {
  await server.close();
  await dataSource.destroy();
});

interface Combination {
  groupBy: (typeof DIMENSIONS)[number][];
  filter: Record<string, unknown>;
}

function randomCombination(): Combination {
  const groupBy = DIMENSIONS.filter(() => random() < 0.25).slice(0, 3);
  const filter: Record<string, unknown> = { schoolYear: SY, schoolIds: SCHOOLS.map(String) };
  if (random() < 0.3) filter.statuses = some(STATUSES);
  if (random() < 0.3) filter.sexes = [pick(['MALE', 'FEMALE'])];
  if (random() < 0.3) filter.gradeLevels = some(GRADES);
  if (random() < 0.3) filter.categories = some(CATEGORIES);
  if (random() < 0.2) filter.sectors = ['PUBLIC'];
  // Narrowing by region or division instead of schools reads the coarser grains.
  if (random() < 0.5) {
    delete filter.schoolIds;
    filter.divisionIds = ['__DIVISIONS__'];
  }
  return { groupBy, filter };
}

/**
 * The same count, straight from the base tables: a second, independent way to the answer; as the
 * analyst is answered it (a cell involving a category perturbed by the sum of its learners' record
 * keys, enrollment-summary.privacy.ts), groups of 0 left out.
 */
async function rawCount(combination: Combination, year: string, divisions: number[]) {
  const { groupBy, filter } = combination;
  const where = ['e.school_year = $1', 'e.status = ANY ($2)'];
  const params: unknown[] = [
    year,
    (filter.statuses as string[] | undefined)?.length
      ? filter.statuses
      : ['TEMPORARILY_ENROLLED', 'OFFICIALLY_ENROLLED'],
  ];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (filter.schoolIds) add('e.school_id = ANY (?)', SCHOOLS);
  if (filter.divisionIds) add('s.division_id = ANY (?)', divisions);
  if ((filter.sexes as string[] | undefined)?.length) add('l.sex = ANY (?)', filter.sexes);
  if ((filter.gradeLevels as string[] | undefined)?.length)
    add('e.grade_level = ANY (?)', filter.gradeLevels);
  if ((filter.sectors as string[] | undefined)?.length) add('s.sector = ANY (?)', filter.sectors);
  const categories = `array_remove(ARRAY[
      CASE WHEN l.is_indigenous THEN 'IP' END,
      CASE WHEN cardinality(l.special_needs) > 0 THEN 'SPED' END,
      CASE WHEN l.is_four_ps THEN 'FOUR_PS' END]::text[] || e.categories::text[], NULL)`;
  if ((filter.categories as string[] | undefined)?.length)
    add(`${categories} && ?::text[]`, filter.categories);
  const column: Record<(typeof DIMENSIONS)[number], string> = {
    SCHOOL_YEAR: 'e.school_year',
    REGION: 's.region_id::text',
    DIVISION: 's.division_id::text',
    SCHOOL: 's.id::text',
    SECTOR: 's.sector',
    GRADE_LEVEL: 'e.grade_level',
    STRAND: 'e.strand',
    SEX: 'l.sex',
    CATEGORY: 'cat',
    STATUS: 'e.status',
  };
  const keys = groupBy.map((d) => `coalesce(${column[d]}, '-')`);
  const rows = await dataSource.query<{ key: string; n: number; k: number }[]>(
    `SELECT ${keys.length ? keys.join(` || '|' || `) : "''"} AS key, count(*)::int AS n,
            sum(l.record_key)::int AS k
     FROM enrollment e JOIN learner l ON l.id = e.learner_id JOIN school s ON s.id = e.school_id
     ${groupBy.includes('CATEGORY') ? `CROSS JOIN LATERAL unnest(${categories}) AS cat` : ''}
     WHERE ${where.join(' AND ')}
     GROUP BY 1`,
    params,
  );
  const perturbed =
    groupBy.includes('CATEGORY') || Boolean((filter.categories as string[] | undefined)?.length);
  return new Map(
    rows
      .map((r): [string, number] => [r.key, perturbed ? perturb(r.n, r.k) : r.n])
      .filter(([, n]) => n !== 0),
  );
}

const fieldOf: Record<(typeof DIMENSIONS)[number], string> = {
  SCHOOL_YEAR: 'schoolYear',
  REGION: 'region { id }',
  DIVISION: 'division { id }',
  SCHOOL: 'school { id }',
  SECTOR: 'sector',
  GRADE_LEVEL: 'gradeLevel',
  STRAND: 'strand',
  SEX: 'sex',
  CATEGORY: 'category',
  STATUS: 'status',
};

async function summary(combination: Combination, divisions: number[]) {
  const filter = { ...combination.filter };
  if (filter.divisionIds) filter.divisionIds = divisions.map(String);
  const response = await server.graphql<{ enrollmentSummary: Record<string, unknown>[] }>(
    `query($filter: EnrollmentSummaryFilter, $groupBy: [Dimension!]!) {
       enrollmentSummary(filter: $filter, groupBy: $groupBy) {
         learners previousYearLearners ${combination.groupBy.map((d) => fieldOf[d]).join(' ')}
       }
     }`,
    { filter, groupBy: combination.groupBy },
    analyst,
  );
  if (!response.data) throw new Error(JSON.stringify(response.errors));
  const value = (row: Record<string, unknown>, d: (typeof DIMENSIONS)[number]) => {
    const v = row[fieldOf[d].split(' ')[0]!];
    if (v && typeof v === 'object') return (v as { id: string }).id;
    return typeof v === 'string' ? v : '-';
  };
  const current = new Map<string, number>();
  const previous = new Map<string, number>();
  for (const row of response.data.enrollmentSummary) {
    const key = combination.groupBy.map((d) => value(row, d)).join('|');
    if ((row.learners as number) !== 0) current.set(key, row.learners as number);
    // Without a year to compare with (grouped by year), the year before is null by design.
    if (row.previousYearLearners) previous.set(key, row.previousYearLearners as number);
  }
  return { current, previous };
}

describe('enrollmentSummary equals a count over the base tables (issue 6)', () => {
  it('for 60 random groupings and filters, before and after the deltas are folded', async () => {
    const divisions = (
      await dataSource.query<{ division_id: number }[]>(
        'SELECT DISTINCT division_id FROM school WHERE id = ANY ($1)',
        [SCHOOLS],
      )
    ).map((r) => r.division_id);
    let compared = 0;
    for (let i = 0; i < 60; i++) {
      const combination = randomCombination();
      if (i === 30) await applyDeltas();
      const { current, previous } = await summary(combination, divisions);
      const expected = await rawCount(combination, SY, divisions);
      expect(current, JSON.stringify(combination)).toEqual(expected);
      if (!combination.groupBy.includes('SCHOOL_YEAR')) {
        const before = await rawCount(combination, PREVIOUS, divisions);
        expect(previous, `previous year: ${JSON.stringify(combination)}`).toEqual(before);
      }
      compared += expected.size;
    }
    expect(compared).toBeGreaterThan(60);
  });

  it('counts a committed enrollment at once, before any folding', async () => {
    const query = {
      groupBy: [] as Combination['groupBy'],
      filter: { schoolYear: SY, schoolIds: ['500743'] },
    };
    const before = (await summary(query, [])).current.get('') ?? 0;
    const one = await enrollOne(SY, 999);
    const expected = one.school === 500743 && one.attend ? before + 1 : before;
    expect((await summary(query, [])).current.get('') ?? 0).toBe(expected);
  });
});
