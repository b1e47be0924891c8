// The one statement `learnerFlows` reads (issue 22): the flow rollups of a grain and the deltas not
// yet folded into them, summed by the groups asked for and by grade and sex, into each count.
import { type Dimension } from '@repo/domain/enums';
import {
  type FlowCounts,
  type FlowMeasureRule,
  flowMeasureRules,
  type survivalSpans,
} from '@repo/domain/flows';
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

/** A count of the statement and the sum of its learners' record keys (the cell key). */
export interface FlowCell {
  learners: number;
  keySum: number;
}

/** One row of the statement: a group's learners of one grade and sex, by count. */
export interface FlowCells {
  keys: Partial<Record<Dimension, string | number | null>>;
  gradeLevel: string;
  sex: string;
  cells: Record<keyof FlowCounts, FlowCell>;
  asOf: Date;
}

const measures = Object.keys(flowMeasureRules) as (keyof FlowCounts)[];

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
 * Each count's condition on a rollup row, from the domain's table of them (flowMeasureRules): the
 * rules' values are the domain's constants, written into the statement as literals.
 */
function measureCondition(
  rule: FlowMeasureRule,
  mature: FlowQuestion['mature'],
  param: (v: unknown) => string,
) {
  const parts = [
    ...(rule.outcome ? [`r.outcome = '${rule.outcome}'`] : []),
    ...(rule.otherSchool ? ['r.other_school'] : []),
    ...(rule.mature
      ? [
          `(${Object.entries(mature)
            .map(
              ([grade, years]) =>
                `(r.grade_level = '${grade}' AND r.school_year = ANY (${param(years)}))`,
            )
            .join(' OR ')})`,
        ]
      : []),
    ...(rule.survived ? ['r.survived'] : []),
  ];
  return parts.length === 0 ? 'true' : parts.join(' AND ');
}

/**
 * The statement and its parameters: one row per group, grade and sex, each count summed in the
 * database with the sum of its learners' record keys (a few hundred rows for a national question,
 * where the rollup holds thousands). The groups' keys are k0, k1, … in the order of dimensions.
 */
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
  const sums = measures.flatMap((m, i) => {
    const condition = measureCondition(flowMeasureRules[m], question.mature, param);
    const filter = condition === 'true' ? '' : ` FILTER (WHERE ${condition})`;
    return [
      `sum(r.learners)${filter}::int AS m${i}`,
      `sum(r.learners_key_sum)${filter}::float8 AS s${i}`,
    ];
  });
  const groups = [...question.dimensions.map((_, i) => `k${i}`), 'r.grade_level', 'r.sex'];
  const sql = `
    SELECT ${[...keys, 'r.grade_level', 'r.sex', ...sums].join(', ')},
           (extract(epoch FROM statement_timestamp()) * 1000)::float8 AS as_of
    FROM (SELECT ${columns} FROM learner_flow_rollup_${grain}${brief ? '_brief' : ''}
          UNION ALL SELECT ${columns} FROM learner_flow_delta) r ${categories}
    ${where}
    GROUP BY ${groups.join(', ')}
    HAVING sum(r.learners) <> 0
    ORDER BY ${groups.join(', ')}`;
  return { sql, params };
}

export function toFlowCells(
  row: Record<string, string | number | null>,
  dimensions: Dimension[],
): FlowCells {
  const cells = {} as Record<keyof FlowCounts, FlowCell>;
  measures.forEach((m, i) => {
    cells[m] = { learners: Number(row[`m${i}`] ?? 0), keySum: Number(row[`s${i}`] ?? 0) };
  });
  return {
    keys: Object.fromEntries(dimensions.map((d, i) => [d, row[`k${i}`] ?? null])),
    gradeLevel: String(row.grade_level),
    sex: String(row.sex),
    cells,
    asOf: new Date(Number(row.as_of)),
  };
}
