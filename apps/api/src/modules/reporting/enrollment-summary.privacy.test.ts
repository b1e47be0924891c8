import { Role } from '@repo/domain/access';
import { type Dimension } from '@repo/domain/enums';
import { type DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestAccount,
  openTestDataSource,
  startTestServer,
  type TestServer,
} from '../../../test/harness.js';
import { mulberry32 } from '../datasets/synthetic-learners.js';
import {
  type Cell,
  countMeasures,
  type CountMeasure,
  suppressSmallCounts,
} from './enrollment-summary.privacy.js';

type Counts = Record<CountMeasure, number | null>;
const counts = (learners: number, male: number, official = learners): Counts => ({
  ...(Object.fromEntries(countMeasures.map((m) => [m, 0])) as Counts),
  learners,
  male,
  female: learners - male,
  officiallyEnrolled: official,
  temporarilyEnrolled: learners - official,
});
const cell = (school: number, category: string, c: Counts, sensitive = true): Cell<Counts> => ({
  keys: { SCHOOL: school, CATEGORY: category },
  counts: c,
  sensitive,
});
const run = (cells: Cell<Counts>[], dimensions: Dimension[] = ['SCHOOL', 'CATEGORY']) =>
  suppressSmallCounts(cells, dimensions, { defaultStatuses: true, threshold: 10 }).map((c) => ({
    learners: c.counts.learners,
    male: c.counts.male,
    female: c.counts.female,
  }));

describe('suppressSmallCounts (RA 10173; issue #9)', () => {
  it.each([
    ['a small count and its parts', [cell(1, 'IP', counts(5, 3))], [[null, null, null]]],
    ['zero is shown', [cell(1, 'IP', counts(0, 0))], [[0, 0, 0]]],
    ['ten and more are shown', [cell(1, 'IP', counts(25, 12))], [[25, 12, 13]]],
    [
      'a small part of a shown total takes its sibling with it',
      [cell(1, 'IP', counts(15, 4))],
      [[15, null, null]],
    ],
    [
      'a category that is not sensitive is shown',
      [cell(1, 'BALIK_ARAL', counts(3, 1), false)],
      [[3, 1, 2]],
    ],
    [
      'across schools: the one small school is not alone (the smallest other goes too)',
      [cell(1, 'IP', counts(5, 5)), cell(2, 'IP', counts(20, 10)), cell(3, 'IP', counts(30, 15))],
      [
        [null, null, 0],
        [null, null, 10],
        [30, 15, 15],
      ],
    ],
  ])('%s', (_name, cells, expected) => {
    const got = run(cells).map((c) => [c.learners, c.male, c.female]);
    expect(got).toEqual(expected);
  });

  it('in 300 random tables, every small sensitive count is withheld and none is alone in a sum', () => {
    const random = mulberry32(20261126);
    for (let t = 0; t < 300; t++) {
      const schools = 1 + Math.floor(random() * 6);
      const cells: Cell<Counts>[] = [];
      for (let s = 0; s < schools; s++) {
        for (const category of ['IP', 'SPED', 'FOUR_PS']) {
          if (random() < 0.3) continue;
          const learners = Math.floor(random() * (random() < 0.5 ? 12 : 60));
          const male = Math.floor(random() * (learners + 1));
          cells.push(
            cell(s, category, counts(learners, male, Math.floor(random() * (learners + 1)))),
          );
        }
      }
      const original = cells.map((c) => ({ ...c.counts }));
      suppressSmallCounts(cells, ['SCHOOL', 'CATEGORY'], { defaultStatuses: true, threshold: 10 });
      cells.forEach((c, i) => {
        for (const m of countMeasures) {
          const value = original[i]![m]!;
          if (value > 0 && value < 10) expect(c.counts[m]).toBeNull();
          if (c.counts[m] !== null) expect(c.counts[m]).toBe(value);
        }
        for (const group of [
          ['learners', 'male', 'female'],
          ['learners', 'officiallyEnrolled', 'temporarilyEnrolled'],
        ] as CountMeasure[][]) {
          expect(group.filter((m) => c.counts[m] === null).length).not.toBe(1);
        }
      });
      // Across the schools of one category (the division's total is public): never one alone.
      for (const category of ['IP', 'SPED', 'FOUR_PS']) {
        const set = cells.filter((c) => c.keys.CATEGORY === category);
        if (set.length < 2) continue;
        for (const m of countMeasures)
          expect(set.filter((c) => c.counts[m] === null).length).not.toBe(1);
      }
    }
  });
});

// Rollup deltas written directly for a school year nobody enrolls in, in three schools of one
// division: IP 3, 12 and 40 learners; Balik-Aral 4 at the first.
const SY = '2031-2032';
let dataSource: DataSource;
let server: TestServer;
let schools: number[];
let tokens: Record<'region' | 'division' | 'registrar', string>;

beforeAll(async () => {
  dataSource = await openTestDataSource();
  server = await startTestServer(dataSource);
  const rows = await dataSource.query<{ id: number; division_id: number; region_id: number }[]>(
    `SELECT id, division_id, region_id FROM school
     WHERE division_id = (SELECT division_id FROM school WHERE id = 500743) AND id <> 500743
     ORDER BY id LIMIT 3`,
  );
  schools = rows.map((r) => r.id);
  await dataSource.query(`DELETE FROM enrollment_rollup_delta WHERE school_year = $1`, [SY]);
  const write = (i: number, mask: number, learners: number, sex: string) =>
    dataSource.query(
      `INSERT INTO enrollment_rollup_delta (region_id, division_id, school_id, school_year, sector,
         grade_level, strand, sex, status, categories, learners, moved_in, transferred_in, transferred_out)
       VALUES ($1, $2, $3, $4, 'PUBLIC', 'GRADE_4', '', $5, 'OFFICIALLY_ENROLLED', $6, $7, 0, 0, 0)`,
      [rows[i]!.region_id, rows[i]!.division_id, rows[i]!.id, SY, sex, mask, learners],
    );
  // IP is bit 1, Balik-Aral bit 4 (EnrollmentRollup migration).
  await write(0, 1, 3, 'FEMALE');
  await write(0, 4, 4, 'MALE');
  await write(1, 1, 12, 'FEMALE');
  await write(2, 1, 20, 'FEMALE');
  await write(2, 1, 20, 'MALE');
  const place = rows[0]!;
  tokens = {
    region: (
      await createTestAccount(dataSource, Role.REGIONAL_PLANNER, { regionId: place.region_id })
    ).token,
    division: (
      await createTestAccount(dataSource, Role.DIVISION_MONITOR, { divisionId: place.division_id })
    ).token,
    registrar: (await createTestAccount(dataSource, Role.SCHOOL_REGISTRAR, { schoolId: place.id }))
      .token,
  };
});
afterAll(async () => {
  await dataSource.query(`DELETE FROM enrollment_rollup_delta WHERE school_year = $1`, [SY]);
  await server.close();
  await dataSource.destroy();
});

async function ipBySchool(token: string, filter: Record<string, unknown> = {}, forExport = false) {
  const response = await server.graphql<{
    enrollmentSummary: {
      schoolId: string;
      category: string;
      learners: number | null;
      male: number | null;
    }[];
  }>(
    `query($filter: EnrollmentSummaryFilter, $forExport: Boolean!) {
       enrollmentSummary(filter: $filter, groupBy: [SCHOOL, CATEGORY], forExport: $forExport) {
         schoolId: school { schoolId } category learners male
       }
     }`,
    { filter: { schoolYear: SY, ...filter }, forExport },
    token,
  );
  if (!response.data) throw new Error(JSON.stringify(response.errors));
  return Object.fromEntries(
    response.data.enrollmentSummary.map((r) => [
      `${(r.schoolId as unknown as { schoolId: string }).schoolId}:${r.category}`,
      r.learners,
    ]),
  );
}

describe('enrollmentSummary withholds small IP, SPED and 4Ps counts of a school', () => {
  it('from a region, with the smallest other school withheld too; Balik-Aral is shown', async () => {
    const [a, b, c] = schools.map((s) => String(s).padStart(6, '0'));
    expect(await ipBySchool(tokens.region)).toEqual({
      [`${a}:IP`]: null,
      [`${a}:BALIK_ARAL`]: 4,
      [`${b}:IP`]: null,
      [`${c}:IP`]: 40,
    });
  });

  it('the same for one school asked alone, so a narrower question shows nothing more', async () => {
    const [, b] = schools.map((s) => String(s).padStart(6, '0'));
    expect(await ipBySchool(tokens.region, { schoolIds: [b] })).toEqual({ [`${b}:IP`]: null });
  });

  it('shows the division the counts (personal-data access), but not in an export', async () => {
    const [a, b, c] = schools.map((s) => String(s).padStart(6, '0'));
    expect(await ipBySchool(tokens.division)).toEqual({
      [`${a}:IP`]: 3,
      [`${a}:BALIK_ARAL`]: 4,
      [`${b}:IP`]: 12,
      [`${c}:IP`]: 40,
    });
    expect((await ipBySchool(tokens.division, {}, true))[`${a}:IP`]).toBeNull();
    expect((await ipBySchool(tokens.registrar, {}, true))[`${a}:IP`]).toBeNull();
  });

  it('does not withhold counts above a school', async () => {
    const response = await server.graphql<{ enrollmentSummary: { learners: number }[] }>(
      `query($f: EnrollmentSummaryFilter) { enrollmentSummary(filter: $f, groupBy: [CATEGORY]) { learners } }`,
      { f: { schoolYear: SY, categories: ['IP'] } },
      tokens.region,
    );
    expect(response.data?.enrollmentSummary.map((r) => r.learners)).toContain(55);
  });
});
