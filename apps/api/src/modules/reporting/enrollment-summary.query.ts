// The one statement `enrollmentSummary` reads: which rollup, which rows, which sums.
import { type Dimension, EnrollmentStatus } from '@repo/domain/enums';
import { type EnrollmentSummaryFilter } from './enrollment-summary.type.js';
import { type ReadPlace, placeConditions } from '../../place-scope.js';
import {
  categoryBits,
  categoryMask,
  dimensionColumn,
  rollupKeySumColumns,
} from './category-bits.js';
import { type CountMeasure, countMeasures, type KeySums } from './enrollment-summary.privacy.js';

const enrolled: EnrollmentStatus[] = [
  EnrollmentStatus.TEMPORARILY_ENROLLED,
  EnrollmentStatus.OFFICIALLY_ENROLLED,
];

/**
 * One group's counts (null: not compared with a year before), and with them, when asked for, the
 * sums of the record keys of each count's learners (the cell keys, enrollment-summary.privacy.ts).
 */
export type SummaryRow = {
  keys: Partial<Record<Dimension, string | number | null>>;
  schoolYear: string | null;
  /** The database's time of the statement that read the counts (what "data as of" shows). */
  asOf: Date;
  keySums?: KeySums;
} & Record<CountMeasure, number | null>;

/** What one summary asks: the filter, the groupings, the place it is held to, the years. */
export interface SummaryQuestion {
  filter: EnrollmentSummaryFilter;
  dimensions: Dimension[];
  place: ReadPlace;
  /** The year before the filter's, when the rows compare with it (not when grouped by year). */
  previousYear: string | null;
  /** Whether the sums of record keys are read too (for the cell-key method). */
  withKeys: boolean;
}

/** The rollup read: its grain (region, division or school) and shape (which columns it has). */
interface Rollup {
  grain: 'region' | 'division' | 'school';
  shape: 'brief' | 'graded' | 'category' | 'wide';
  byCategory: boolean;
}

type Param = (value: unknown) => string;

/**
 * The coarsest grain that has the dimensions and place asked for, in the smallest shape of rollup
 * that holds what is asked (EnrollmentRollupBrief, …Shapes): brief (sector, sex, status), graded
 * (and grade, strand), category (one row per category), or the wide one, the only one with every
 * category combination, for a filter on categories.
 */
function rollupFor({ filter, dimensions, place }: SummaryQuestion): Rollup {
  const needsSchool = dimensions.includes('SCHOOL') || place.school !== null;
  const needsDivision = dimensions.includes('DIVISION') || place.division !== null;
  const grain = needsSchool ? 'school' : needsDivision ? 'division' : 'region';
  const needsGrade =
    dimensions.includes('GRADE_LEVEL') ||
    dimensions.includes('STRAND') ||
    Boolean(filter.gradeLevels?.length || filter.strands?.length);
  const byCategory = dimensions.includes('CATEGORY');
  const shape =
    filter.categories?.length || (byCategory && needsGrade)
      ? 'wide'
      : byCategory
        ? 'category'
        : needsGrade
          ? 'graded'
          : 'brief';
  return { grain, shape, byCategory };
}

/** The rows the filter and the place keep, as conditions on a rollup read as `r`. */
function rowConditions(question: SummaryQuestion, param: Param): string[] {
  const { filter, place, previousYear } = question;
  const where: string[] = [];
  // The year before too, for the change; unless the rows are per year already.
  if (filter.schoolYear)
    where.push(
      `r.school_year = ANY (${param(previousYear ? [filter.schoolYear, previousYear] : [filter.schoolYear])})`,
    );
  return [...where, ...placeAndFilterConditions(place, filter, param)];
}

/**
 * The conditions of a place and of a filter's lists on a rollup read as `r` (the enrollment and the
 * flow rollups alike): held to the viewer's own place (SPEC §1: regional and national users read
 * aggregates only), then each list narrowing, categories as a bit mask.
 */
export function placeAndFilterConditions(
  place: ReadPlace,
  filter: Pick<EnrollmentSummaryFilter, 'sectors' | 'gradeLevels' | 'sexes' | 'categories'> & {
    strands?: EnrollmentSummaryFilter['strands'];
  },
  param: Param,
): string[] {
  const where = placeConditions(
    place,
    { region: 'r.region_id', division: 'r.division_id', school: 'r.school_id' },
    param,
  );
  const anyOf = (column: string, values: readonly unknown[] | null | undefined) => {
    if (values?.length) where.push(`${column} = ANY (${param(values)})`);
  };
  anyOf('r.sector', filter.sectors);
  anyOf('r.grade_level', filter.gradeLevels);
  anyOf('r.strand', filter.strands);
  anyOf('r.sex', filter.sexes);
  if (filter.categories?.length)
    where.push(`(r.categories & ${param(categoryMask(filter.categories))}::smallint) <> 0`);
  return where;
}

/**
 * One side of the read, written against `r`: the rollup, or the deltas not yet folded into it
 * (which have every column, and categories as a bit mask); the same columns and condition on both.
 */
function rollupBranch(
  rollup: Rollup,
  condition: string,
  delta: boolean,
  withKeys: boolean,
): string {
  const { grain, shape, byCategory } = rollup;
  const table = delta
    ? 'enrollment_rollup_delta'
    : `enrollment_rollup_${grain}${shape === 'wide' ? '' : `_${shape}`}`;
  const category =
    shape === 'category' && !delta ? 'category' : byCategory ? 'c.name AS category' : null;
  const columns = [
    'region_id',
    ...(grain === 'region' ? [] : ['division_id']),
    ...(grain === 'school' ? ['school_id'] : []),
    'school_year, sector, sex, status',
    ...(shape === 'graded' || shape === 'wide' ? ['grade_level, strand'] : []),
    ...(category ? [category] : []),
    'learners, moved_in, transferred_in, transferred_out',
    ...(withKeys ? [rollupKeySumColumns.join(', ')] : []),
  ];
  const categories = `JOIN (VALUES ${Object.entries(categoryBits)
    .map(([name, bit]) => `('${name}', ${bit})`)
    .join(', ')}) c(name, bit) ON (r.categories & c.bit) <> 0`;
  const join = byCategory && (delta || shape === 'wide') ? categories : '';
  return `SELECT ${columns.join(', ')} FROM ${table} r ${join} ${condition}`;
}

/** Each count's column in the statement. */
const measureAlias: Record<CountMeasure, string> = {
  learners: 'learners',
  male: 'male',
  female: 'female',
  previousYearLearners: 'previous_year_learners',
  officiallyEnrolled: 'officially_enrolled',
  temporarilyEnrolled: 'temporarily_enrolled',
  preRegistered: 'pre_registered',
  movedIn: 'moved_in',
  transferredIn: 'transferred_in',
  movedOut: 'moved_out',
  transferredOut: 'transferred_out',
  transferredToAls: 'transferred_to_als',
  droppedOut: 'dropped_out',
};

/** Each count of a row: the rollup measure it sums, and when. */
interface MeasureSql {
  measure: CountMeasure;
  column: 'learners' | 'moved_in' | 'transferred_in' | 'transferred_out';
  when: string;
}

/** Each measure of a group, summed from the group's sums by year, status and sex. */
function measuresOf(question: SummaryQuestion, param: Param): MeasureSql[] {
  const { filter, previousYear } = question;
  const current = previousYear ? `g.school_year = ${param(filter.schoolYear)}` : 'true';
  const previous = previousYear ? `g.school_year = ${param(previousYear)}` : 'false';
  const counted = `g.status = ANY (${param(filter.statuses?.length ? filter.statuses : enrolled)})`;
  const status = (s: EnrollmentStatus) => `${current} AND g.status = '${s}'`;
  const learners = (measure: CountMeasure, when: string): MeasureSql => ({
    measure,
    column: 'learners',
    when,
  });
  return [
    learners('learners', `${current} AND ${counted}`),
    learners('male', `${current} AND ${counted} AND g.sex = 'MALE'`),
    learners('female', `${current} AND ${counted} AND g.sex <> 'MALE'`),
    learners('previousYearLearners', `${previous} AND ${counted}`),
    learners('officiallyEnrolled', status(EnrollmentStatus.OFFICIALLY_ENROLLED)),
    learners('temporarilyEnrolled', status(EnrollmentStatus.TEMPORARILY_ENROLLED)),
    learners('preRegistered', status(EnrollmentStatus.PRE_REGISTERED)),
    learners('movedOut', status(EnrollmentStatus.MOVED_OUT)),
    learners('transferredToAls', status(EnrollmentStatus.TRANSFERRED_TO_ALS)),
    learners('droppedOut', status(EnrollmentStatus.DROPPED_OUT)),
    { measure: 'movedIn', column: 'moved_in', when: current },
    { measure: 'transferredIn', column: 'transferred_in', when: current },
    { measure: 'transferredOut', column: 'transferred_out', when: current },
  ];
}

/** The measures' columns; with keys, each followed by the sum of its learners' record keys. */
function measureColumns(measures: MeasureSql[], withKeys: boolean): string[] {
  return measures.flatMap(({ measure, column, when }) => [
    `coalesce(sum(g.${column}) FILTER (WHERE ${when}), 0)::int AS ${measureAlias[measure]}`,
    ...(withKeys
      ? [
          `coalesce(sum(g.${column}_key_sum) FILTER (WHERE ${when}), 0)::text AS ${measureAlias[measure]}_key_sum`,
        ]
      : []),
  ]);
}

/**
 * The statement and its parameters; the groups' keys are k0, k1, … in the order of dimensions, and
 * the rows come in the order of their keys, so the same question gets its rows in the same order
 * (a hash aggregate's order changed between two asks once).
 */
export function summaryStatement(question: SummaryQuestion): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const param: Param = (value) => {
    params.push(value);
    return `$${params.length}`;
  };
  const rollup = rollupFor(question);
  const { withKeys } = question;
  const where = rowConditions(question, param);
  const condition = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const keys = question.dimensions.map((_, i) => `k${i}`);
  const keyColumns = question.dimensions.map((d, i) => `${dimensionColumn[d]} AS k${i}`);
  // Sums by status and sex first (few rows), then each measure from those: one row per group,
  // and a filtered sum per measure over the few rows rather than over every rollup row. The first
  // sums are cast back to int (a national count fits), so the second ones add bigints, not
  // numerics: the largest division's schools at 27M went from 4.6 to 3.7 ms in the statement.
  const sql = `
    WITH g AS (
      SELECT ${[...keyColumns, 'r.school_year', 'r.status', 'r.sex'].join(', ')},
             sum(r.learners)::int AS learners, sum(r.moved_in)::int AS moved_in,
             sum(r.transferred_in)::int AS transferred_in,
             sum(r.transferred_out)::int AS transferred_out${
               withKeys
                 ? `,
             ${rollupKeySumColumns.map((k) => `sum(r.${k}) AS ${k}`).join(', ')}`
                 : ''
             }
      FROM (${rollupBranch(rollup, condition, false, withKeys)}
            UNION ALL ${rollupBranch(rollup, condition, true, withKeys)}) r
      GROUP BY ${[...keys, 'r.school_year', 'r.status', 'r.sex'].join(', ')})
    SELECT ${[...keys, ...measureColumns(measuresOf(question, param), withKeys), 'statement_timestamp() AS as_of'].join(',\n           ')}
    FROM g
    ${keys.length > 0 ? `GROUP BY ${keys.join(', ')} ORDER BY ${keys.join(', ')}` : ''}`;
  return { sql, params };
}

/** A row of the statement as a summary row; the year before is null when not compared. */
export function toSummaryRow(
  row: Record<string, string | number | Date | null>,
  { filter, dimensions, previousYear, withKeys }: SummaryQuestion,
): SummaryRow {
  const yearKey = dimensions.indexOf('SCHOOL_YEAR');
  const keySums = (): KeySums =>
    Object.fromEntries(
      countMeasures.map((m) => [
        m,
        m === 'previousYearLearners' && !previousYear
          ? null
          : String(row[`${measureAlias[m]}_key_sum`]),
      ]),
    ) as KeySums;
  return {
    ...(withKeys ? { keySums: keySums() } : {}),
    keys: Object.fromEntries(dimensions.map((d, i) => [d, row[`k${i}`] ?? null])),
    schoolYear: yearKey >= 0 ? String(row[`k${yearKey}`]) : (filter.schoolYear ?? null),
    asOf: new Date(row.as_of!),
    learners: Number(row.learners),
    male: Number(row.male),
    female: Number(row.female),
    previousYearLearners: previousYear ? Number(row.previous_year_learners) : null,
    officiallyEnrolled: Number(row.officially_enrolled),
    temporarilyEnrolled: Number(row.temporarily_enrolled),
    preRegistered: Number(row.pre_registered),
    movedIn: Number(row.moved_in),
    transferredIn: Number(row.transferred_in),
    movedOut: Number(row.moved_out),
    transferredOut: Number(row.transferred_out),
    transferredToAls: Number(row.transferred_to_als),
    droppedOut: Number(row.dropped_out),
  };
}

const shownMeasures: (keyof SummaryRow)[] = [
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

/** Whether a group has anything to show (a group whose every count is 0 is left out). */
export function hasCounts(row: SummaryRow): boolean {
  return shownMeasures.some((m) => Number(row[m] ?? 0) !== 0);
}
