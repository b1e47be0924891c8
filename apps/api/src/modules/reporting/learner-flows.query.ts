// The one statement `learnerFlows` reads (issue 22): the flow rollups of a grain and the deltas not
// yet folded into them, summed by the groups asked for and by grade, sex and outcome.
import { type Dimension } from '@repo/domain/enums';
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
}

/** One sum of the statement: a group's learners of one grade, sex and outcome. */
export interface FlowSum {
  keys: Partial<Record<Dimension, string | number | null>>;
  gradeLevel: string;
  sex: string;
  outcome: string;
  otherSchool: boolean;
  /** The cohort's year of the sum (a group may span years). */
  cohortYear: string;
  survived: boolean;
  learners: number;
  /** The sum of the learners' record keys (as text: a national sum is a bigint). */
  keySum: string;
  asOf: Date;
}

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

/** The statement and its parameters; the groups' keys are k0, k1, … in the order of dimensions. */
export function flowStatement(question: FlowQuestion): { sql: string; params: unknown[] } {
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
  const columns = [
    'region_id',
    ...(grain === 'region' ? [] : ['division_id']),
    ...(grain === 'school' ? ['school_id'] : []),
    'school_year, sector, grade_level, sex',
    ...(brief ? [] : ['categories']),
    'outcome, other_school, survived, learners, learners_key_sum',
  ].join(', ');
  const categories = byCategory
    ? `JOIN (VALUES ${Object.entries(categoryBits)
        .map(([name, bit]) => `('${name}', ${bit})`)
        .join(', ')}) c(name, bit) ON (r.categories & c.bit) <> 0`
    : '';
  const column = (d: Dimension) => (d === 'CATEGORY' ? 'c.name' : dimensionColumn[d]);
  const keys = question.dimensions.map((d, i) => `${column(d)} AS k${i}`);
  const groups = [
    ...question.dimensions.map((_, i) => `k${i}`),
    'r.grade_level',
    'r.sex',
    'r.outcome',
    'r.other_school',
    'r.survived',
    'r.school_year',
  ];
  const sql = `
    SELECT ${[...keys, 'r.grade_level', 'r.sex', 'r.outcome', 'r.other_school', 'r.survived', 'r.school_year AS cohort_year'].join(', ')},
           sum(r.learners)::int AS learners, sum(r.learners_key_sum)::text AS key_sum,
           statement_timestamp() AS as_of
    FROM (SELECT ${columns} FROM learner_flow_rollup_${grain}${brief ? '_brief' : ''}
          UNION ALL SELECT ${columns} FROM learner_flow_delta) r ${categories}
    ${where}
    GROUP BY ${groups.join(', ')}
    HAVING sum(r.learners) <> 0
    ORDER BY ${groups.join(', ')}`;
  return { sql, params };
}

export function toFlowSum(
  row: Record<string, string | number | boolean | Date | null>,
  dimensions: Dimension[],
): FlowSum {
  return {
    keys: Object.fromEntries(
      dimensions.map((d, i) => [d, (row[`k${i}`] as string | number | null) ?? null]),
    ),
    gradeLevel: String(row.grade_level),
    sex: String(row.sex),
    outcome: String(row.outcome),
    otherSchool: Boolean(row.other_school),
    cohortYear: String(row.cohort_year),
    survived: Boolean(row.survived),
    learners: Number(row.learners),
    keySum: String(row.key_sum),
    asOf: new Date(row.as_of as string),
  };
}
