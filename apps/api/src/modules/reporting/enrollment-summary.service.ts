import { type Dimension, EnrollmentStatus, type LearnerCategory } from '@repo/domain/enums';
import { parseSchoolYear, formatSchoolYear } from '@repo/domain/school-year';
import { type DataSource } from 'typeorm';
import { badUserInput } from '../../errors.js';
import { type Viewer } from '../auth/viewer.js';
import { type EnrollmentSummaryFilter } from './enrollment-summary.type.js';

/** The category bits of the rollups (EnrollmentRollup migration). */
export const categoryBits: Record<LearnerCategory, number> = {
  IP: 1,
  SPED: 2,
  BALIK_ARAL: 4,
  OSY: 8,
  OSC: 16,
  FOUR_PS: 32,
};

const enrolled: EnrollmentStatus[] = [
  EnrollmentStatus.TEMPORARILY_ENROLLED,
  EnrollmentStatus.OFFICIALLY_ENROLLED,
];

/** The rollup column each dimension groups by; CATEGORY comes from a join on the bit mask. */
const dimensionColumn: Record<Dimension, string> = {
  SCHOOL_YEAR: 'r.school_year',
  REGION: 'r.region_id',
  DIVISION: 'r.division_id',
  SCHOOL: 'r.school_id',
  SECTOR: 'r.sector',
  GRADE_LEVEL: 'r.grade_level',
  STRAND: "nullif(r.strand, '')",
  SEX: 'r.sex',
  CATEGORY: 'c.name',
  STATUS: 'r.status',
};

export interface SummaryRow {
  keys: Partial<Record<Dimension, string | number | null>>;
  schoolYear: string | null;
  learners: number;
  male: number;
  female: number;
  previousYearLearners: number | null;
  officiallyEnrolled: number;
  temporarilyEnrolled: number;
  preRegistered: number;
  movedIn: number;
  transferredIn: number;
  movedOut: number;
  transferredOut: number;
  transferredToAls: number;
  droppedOut: number;
}

const ids = (values: string[] | null | undefined, field: string, pattern: RegExp) => {
  if (!values || values.length === 0) return null;
  for (const value of values)
    if (!pattern.test(value)) throw badUserInput(field, 'ID_INVALID', `${field}: ${value}`);
  return values.map(Number);
};

/**
 * `enrollmentSummary` (SPEC §7): counts for any combination of groupings and filters, answered from
 * the live rollups and the deltas not yet folded into them, never by counting enrollments. The
 * coarsest grain that has the dimensions asked for is read (region, division or school). A viewer
 * below the nation is held to its own place.
 */
export async function enrollmentSummary(
  dataSource: DataSource,
  viewer: Viewer,
  filter: EnrollmentSummaryFilter,
  groupBy: Dimension[],
): Promise<SummaryRow[]> {
  const dimensions = [...new Set(groupBy)];
  const year = filter.schoolYear ? parseSchoolYear(filter.schoolYear) : null;
  if (filter.schoolYear && !year)
    throw badUserInput('filter.schoolYear', 'SCHOOL_YEAR_INVALID', 'Write it like "2025-2026"');
  const regionIds = ids(filter.regionIds, 'filter.regionIds', /^\d{1,4}$/);
  const divisionIds = ids(filter.divisionIds, 'filter.divisionIds', /^\d{1,5}$/);
  const schoolIds = ids(filter.schoolIds, 'filter.schoolIds', /^\d{6}$/);

  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replaceAll('?', `$${params.length}`));
  };
  const previousYear = year ? formatSchoolYear({ startYear: year.startYear - 1 }) : null;
  // The year before too, for the change; unless the rows are per year already.
  const comparing = year !== null && !dimensions.includes('SCHOOL_YEAR');
  if (year)
    add(
      'r.school_year = ANY (?)',
      comparing ? [filter.schoolYear, previousYear] : [filter.schoolYear],
    );
  if (regionIds) add('r.region_id = ANY (?)', regionIds);
  if (divisionIds) add('r.division_id = ANY (?)', divisionIds);
  if (schoolIds) add('r.school_id = ANY (?)', schoolIds);
  if (filter.sectors?.length) add('r.sector = ANY (?)', filter.sectors);
  if (filter.gradeLevels?.length) add('r.grade_level = ANY (?)', filter.gradeLevels);
  if (filter.strands?.length) add('r.strand = ANY (?)', filter.strands);
  if (filter.sexes?.length) add('r.sex = ANY (?)', filter.sexes);
  if (filter.categories?.length) {
    const mask = filter.categories.reduce((m, c) => m | categoryBits[c], 0);
    add('(r.categories & ?::smallint) <> 0', mask);
  }
  // Held to the viewer's own place (SPEC §1: regional and national users read aggregates only).
  const { scope } = viewer;
  if (scope.kind === 'SCHOOL') add('r.school_id = ?', scope.schoolId);
  if (scope.kind === 'DIVISION') add('r.division_id = ?', scope.divisionId);
  if (scope.kind === 'REGION') add('r.region_id = ?', scope.regionId);

  const needsSchool =
    dimensions.includes('SCHOOL') || schoolIds !== null || scope.kind === 'SCHOOL';
  const needsDivision =
    dimensions.includes('DIVISION') || divisionIds !== null || scope.kind === 'DIVISION';
  const grain = needsSchool ? 'school' : needsDivision ? 'division' : 'region';
  const columns = [
    'region_id',
    ...(grain === 'region' ? [] : ['division_id']),
    ...(grain === 'school' ? ['school_id'] : []),
    'school_year, sector, grade_level, strand, sex, status, categories',
    'learners, moved_in, transferred_in, transferred_out',
  ].join(', ');
  const condition = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  // The same condition on both sides: written against `r`, applied inside each branch.
  const branch = (table: string) => `SELECT ${columns} FROM ${table} r ${condition}`;

  const counted = new Set<string>(filter.statuses?.length ? filter.statuses : enrolled);
  const categoryJoin = dimensions.includes('CATEGORY')
    ? `JOIN (VALUES ${Object.entries(categoryBits)
        .map(([name, bit]) => `('${name}', ${bit})`)
        .join(', ')}) c(name, bit) ON (r.categories & c.bit) <> 0`
    : '';
  const keyColumns = dimensions.map((d, i) => `${dimensionColumn[d]} AS k${i}`);
  // Plain sums by status and sex; the measures are sorted out from these few rows below, which
  // costs less than a filtered sum per measure over every rollup row.
  const sql = `
    SELECT ${[...keyColumns, 'r.school_year', 'r.status', 'r.sex'].join(', ')},
           sum(r.learners)::int AS learners, sum(r.moved_in)::int AS moved_in,
           sum(r.transferred_in)::int AS transferred_in, sum(r.transferred_out)::int AS transferred_out
    FROM (${branch(`enrollment_rollup_${grain}`)} UNION ALL ${branch('enrollment_rollup_delta')}) r
    ${categoryJoin}
    GROUP BY ${[...dimensions.map((_, i) => `k${i}`), 'r.school_year', 'r.status', 'r.sex'].join(', ')}`;

  const raw = await dataSource.query<Record<string, string | number | null>[]>(sql, params);
  const keyOf = (row: Record<string, unknown>) =>
    dimensions.map((_, i) => String(row[`k${i}`])).join('\u0000');
  const merged = new Map<string, SummaryRow>();
  const blank = (row: Record<string, string | number | null>): SummaryRow => ({
    keys: Object.fromEntries(dimensions.map((d, i) => [d, row[`k${i}`] ?? null])),
    schoolYear: filter.schoolYear ?? null,
    learners: 0,
    male: 0,
    female: 0,
    previousYearLearners: comparing ? 0 : null,
    officiallyEnrolled: 0,
    temporarilyEnrolled: 0,
    preRegistered: 0,
    movedIn: 0,
    transferredIn: 0,
    movedOut: 0,
    transferredOut: 0,
    transferredToAls: 0,
    droppedOut: 0,
  });
  for (const row of raw) {
    const key = dimensions.includes('SCHOOL_YEAR')
      ? `${keyOf(row)}\u0000${String(row.school_year)}`
      : keyOf(row);
    const entry = merged.get(key) ?? blank(row);
    if (dimensions.includes('SCHOOL_YEAR')) entry.schoolYear = String(row.school_year);
    merged.set(key, entry);
    const n = Number(row.learners);
    const status = String(row.status);
    const inCount = counted.has(status);
    if (comparing && row.school_year === previousYear) {
      if (inCount) entry.previousYearLearners = (entry.previousYearLearners ?? 0) + n;
      continue;
    }
    if (inCount) {
      entry.learners += n;
      if (row.sex === 'MALE') entry.male += n;
      else entry.female += n;
    }
    if (status === 'OFFICIALLY_ENROLLED') entry.officiallyEnrolled += n;
    if (status === 'TEMPORARILY_ENROLLED') entry.temporarilyEnrolled += n;
    if (status === 'PRE_REGISTERED') entry.preRegistered += n;
    if (status === 'MOVED_OUT') entry.movedOut += n;
    if (status === 'TRANSFERRED_TO_ALS') entry.transferredToAls += n;
    if (status === 'DROPPED_OUT') entry.droppedOut += n;
    entry.movedIn += Number(row.moved_in);
    entry.transferredIn += Number(row.transferred_in);
    entry.transferredOut += Number(row.transferred_out);
  }
  const measures: (keyof SummaryRow)[] = [
    'learners',
    'previousYearLearners',
    'officiallyEnrolled',
    'temporarilyEnrolled',
    'preRegistered',
    'movedIn',
    'movedOut',
    'transferredToAls',
    'droppedOut',
  ];
  return [...merged.values()].filter((row) => measures.some((m) => Number(row[m] ?? 0) !== 0));
}
