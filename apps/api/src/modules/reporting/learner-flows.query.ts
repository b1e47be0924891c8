// The one statement `learnerFlows` reads (issue 22): the flow rollups of a grain and the deltas not
// yet folded into them, summed by the groups asked for and by grade and sex, into each count.
import { type Dimension } from '@repo/domain/enums';
import { type FlowCounts, flowMeasureRules, type survivalSpans } from '@repo/domain/flows';
import { type ReadPlace } from '../../place-scope.js';
import { categoryBits, dimensionColumn } from './category-bits.js';
import { placeAndFilterConditions } from './enrollment-summary.query.js';
import { type LearnerFlowFilter } from './learner-flows.type.js';

/** The dimensions a flow can be grouped by (a flow has no status, and no strand is kept). */
export const flowDimensions: readonly Dimension[] = [
  'SCHOOL_YEAR',
  'REGION',
  'DIVISION',
  'SCHOOL',
  'SECTOR',
  'GRADE_LEVEL',
  'SEX',
  'CATEGORY',
];

export interface FlowQuestion {
  filter: LearnerFlowFilter;
  dimensions: Dimension[];
  place: ReadPlace;
  /** The cohort years read: those whose next year has opened. */
  years: string[];
  /**
   * The cohort years of each survival grade old enough to have reached its grade (`survivalSpans`):
   * only their learners count in `survivalCohort` and `survived`.
   */
  mature: Record<keyof typeof survivalSpans, string[]>;
}

/**
 * One row of the statement: a group's learners of one grade and sex, each count's learners and the
 * sum of their record keys (the cell key; 0 when not read), in the order of `flowMeasures`.
 */
export interface FlowCells {
  gradeLevel: string;
  sex: string;
  learners: number[];
  keySums: number[];
}

/** The counts in the order of the statement's columns (m0, s0, m1, s1, …). */
export const flowMeasures = Object.keys(flowMeasureRules) as (keyof FlowCounts)[];

/** The coarsest grain that has the places asked for and grouped by. */
function grainFor({ dimensions, place }: FlowQuestion): 'region' | 'division' | 'school' {
  if (dimensions.includes('SCHOOL') || place.school !== null) return 'school';
  if (dimensions.includes('DIVISION') || place.division !== null) return 'division';
  return 'region';
}

function conditions({ filter, place, years }: FlowQuestion, param: (v: unknown) => string) {
  return [
    `r.school_year = ANY (${param(years)})`,
    ...placeAndFilterConditions(place, filter, param),
  ];
}

/**
 * The rollups' column of each count (db/sql/learner-flow.sql, learner_flow_counts): the survival
 * cohort is the cohort of the survival grades' mature years (the domain's `mature` rule), and its
 * survived the survived of those years.
 */
export const countColumn: Record<keyof FlowCounts, string> = {
  cohort: 'cohort',
  promoted: 'promoted',
  repeated: 'repeated',
  completed: 'completed',
  transferredToAls: 'transferred_to_als',
  notEnrolled: 'not_enrolled',
  otherSchool: 'other_school',
  survivalCohort: 'cohort',
  survived: 'survived',
};

/** The rollups' count columns, and with each its key sum. */
const countsStored = [...new Set(Object.values(countColumn))];
const countsAndKeySums = countsStored.flatMap((c) => [c, `${c}_key_sum`]);

/** Whether a rollup row is of a mature survival cohort: a survival grade of a mature year. */
function matureCondition(mature: FlowQuestion['mature'], param: (v: unknown) => string) {
  return Object.entries(mature)
    .map(
      ([grade, years]) => `(r.grade_level = '${grade}' AND r.school_year = ANY (${param(years)}))`,
    )
    .join(' OR ');
}

/**
 * The statement and its parameters: one row per group, grade and sex, each count summed in the
 * database (with the sum of its learners' record keys when `keySums`: only a perturbed answer
 * reads them), over the rollup's rows of counts (about 1,250 a year for a national question) and
 * the deltas not folded yet, counted alike. The groups' keys are k0, k1, … in the order of
 * dimensions. A key sum is summed as float8, exact below 2^53: a learner's record key is a
 * smallint, so every key sum of 27 million learners is below 2^40.
 */
export function flowStatement(
  question: FlowQuestion,
  keySums: boolean,
): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const grain = grainFor(question);
  const where = `WHERE ${conditions(question, param).join(' AND ')}`;
  const byCategory = question.dimensions.includes('CATEGORY');
  // The brief shape (no category mask, a sixth of the rows) unless a category is asked about.
  const brief = !byCategory && !question.filter.categories?.length;
  const keyColumns = [
    'region_id',
    ...(grain === 'region' ? [] : ['division_id']),
    ...(grain === 'school' ? ['school_id'] : []),
    'school_year',
    'sector',
    'grade_level',
    'sex',
    ...(brief ? [] : ['categories']),
  ];
  const categories = byCategory
    ? `JOIN (VALUES ${Object.entries(categoryBits)
        .map(([name, bit]) => `('${name}', ${bit})`)
        .join(', ')}) c(name, bit) ON (r.categories & c.bit) <> 0`
    : '';
  const column = (d: Dimension) => (d === 'CATEGORY' ? 'c.name' : dimensionColumn[d]);
  const keys = question.dimensions.map((d, i) => `${column(d)} AS k${i}`);
  const mature = matureCondition(question.mature, param);
  const sums = flowMeasures.flatMap((m, i) => {
    const filter = flowMeasureRules[m].mature ? ` FILTER (WHERE ${mature})` : '';
    const count = `sum(r.${countColumn[m]})${filter}::int AS m${i}`;
    return keySums
      ? [count, `sum(r.${countColumn[m]}_key_sum::float8)${filter} AS s${i}`]
      : [count];
  });
  const stored = keySums ? countsAndKeySums : countsStored;
  const groups = [...question.dimensions.map((_, i) => `k${i}`), 'r.grade_level', 'r.sex'];
  const sql = `
    SELECT ${[...keys, 'r.grade_level', 'r.sex', ...sums].join(', ')},
           (extract(epoch FROM statement_timestamp()) * 1000)::float8 AS as_of
    FROM (SELECT ${[...keyColumns, ...stored].join(', ')}
          FROM learner_flow_rollup_${grain}${brief ? '_brief' : ''}
          UNION ALL
          SELECT ${[...keyColumns.map((c) => `d.${c}`), ...stored.map((c) => `k.${c}`)].join(', ')}
          FROM learner_flow_delta d CROSS JOIN LATERAL learner_flow_counts(d.outcome,
            d.other_school, d.survived, d.learners, d.learners_key_sum) k) r ${categories}
    ${where}
    GROUP BY ${groups.join(', ')}
    HAVING sum(r.cohort) <> 0
    ORDER BY ${groups.join(', ')}`;
  return { sql, params };
}

/**
 * A row of the statement as read, its values in the order of its columns (k0, k1, …, grade_level,
 * sex, m0 (s0), m1 (s1), …, as_of): arrays, not objects keyed by column name, for a few hundred
 * rows of a dozen columns each.
 */
export type FlowRow = (string | number | null)[];

/** Where a row's values are, for a statement of `keys` group keys, with key sums or without. */
export function flowRowLayout(keys: number, keySums: boolean) {
  const step = keySums ? 2 : 1;
  const first = keys + 2;
  return { keys, first, step, asOf: first + flowMeasures.length * step };
}
export type FlowRowLayout = ReturnType<typeof flowRowLayout>;

/** A row's counts. */
export function toFlowCells(row: FlowRow, at: FlowRowLayout): FlowCells {
  const learners: number[] = [];
  const keySums: number[] = [];
  for (let i = 0, column = at.first; i < flowMeasures.length; i++, column += at.step) {
    learners.push(Number(row[column] ?? 0));
    keySums.push(at.step === 2 ? Number(row[column + 1] ?? 0) : 0);
  }
  return { gradeLevel: String(row[at.keys]), sex: String(row[at.keys + 1]), learners, keySums };
}

/** A row's group: its keys by dimension. */
export function flowKeys(
  row: FlowRow,
  dimensions: Dimension[],
): Partial<Record<Dimension, string | number | null>> {
  return Object.fromEntries(dimensions.map((d, i) => [d, row[i] ?? null]));
}

/** Whether two rows are of one group (the statement orders a group's rows together). */
export function sameFlowGroup(a: FlowRow, b: FlowRow, keys: number): boolean {
  for (let i = 0; i < keys; i++) if (a[i] !== b[i]) return false;
  return true;
}
