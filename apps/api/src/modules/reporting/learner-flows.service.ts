import { type Dimension } from '@repo/domain/enums';
import {
  addFlowCounts,
  emptyFlowCounts,
  type FlowCounts,
  flowParity,
  flowRates,
  type FlowRates,
  survivalSpans,
} from '@repo/domain/flows';
import { parseSchoolYear, shiftSchoolYear } from '@repo/domain/school-year';
import { type DataSource } from 'typeorm';
import { clock } from '../../clock.js';
import { badUserInput } from '../../errors.js';
import { checkPlaces, placeToRead } from '../../place-scope.js';
import { type Viewer } from '../auth/viewer.js';
import { isPerturbed, published } from './enrollment-summary.privacy.js';
import {
  type FlowCells,
  type FlowQuestion,
  flowDimensions,
  flowStatement,
  toFlowCells,
} from './learner-flows.query.js';
import { type LearnerFlowFilter } from './learner-flows.type.js';

export interface FlowGroup extends FlowCounts, FlowRates {
  keys: Partial<Record<Dimension, string | number | null>>;
  schoolYear: string | null;
  nextSchoolYear: string | null;
  asOf: Date;
  genderParity: FlowRates;
}

const yearAfter = (year: string) => shiftSchoolYear(year, 1);

/**
 * The school years opened on the app's day, and the cohort years that can be read: those whose
 * next school year has opened (before it, where the cohort went is not known yet). A year asked for
 * must be one of them.
 */
async function openedYears(dataSource: DataSource, asked: string | null | undefined) {
  if (asked && !parseSchoolYear(asked))
    throw badUserInput('filter.schoolYear', 'SCHOOL_YEAR_INVALID', 'Write it like "2025-2026"');
  const opened = new Set(
    (
      await dataSource.query<{ school_year: string }[]>(
        'SELECT school_year FROM school_calendar WHERE opening_day <= $1::date',
        [clock.today()],
      )
    ).map((r) => r.school_year),
  );
  const cohorts = [...opened].map((next) => shiftSchoolYear(next, -1)).sort();
  if (asked && !cohorts.includes(asked))
    throw badUserInput(
      'filter.schoolYear',
      'FLOW_YEAR_NOT_OPEN',
      `SY ${yearAfter(asked)} has not opened: where SY ${asked}'s learners went is not known yet`,
    );
  return { opened, cohorts: asked ? [asked] : cohorts };
}

/**
 * The cohort years of each survival grade whose target grade a learner who never repeats has
 * reached by now: Grade 1 of a year whose fifth year after has opened, Grade 7 of one whose third
 * has (survivalSpans).
 */
function matureYears(years: string[], opened: Set<string>): FlowQuestion['mature'] {
  const of = (span: number) => years.filter((year) => opened.has(shiftSchoolYear(year, span)));
  return { GRADE_1: of(survivalSpans.GRADE_1), GRADE_7: of(survivalSpans.GRADE_7) };
}

type Cells = FlowCells['cells'];

/** Adds `b`'s cells to `total`'s, in place. */
function addCells(total: Cells, b: Cells) {
  for (const m of Object.keys(b) as (keyof Cells)[]) {
    total[m].learners += b[m].learners;
    total[m].keySum += b[m].keySum;
  }
}

/** A group's rows: one per grade and sex. */
interface Group {
  first: FlowCells;
  rows: FlowCells[];
}

/** A group's published counts, rates and parity (every count perturbed when `perturbed`). */
function toGroup({ first, rows }: Group, perturbed: boolean, question: FlowQuestion): FlowGroup {
  const publish = (cells: Cells): FlowCounts => {
    const counts = emptyFlowCounts();
    for (const m of Object.keys(counts) as (keyof FlowCounts)[])
      counts[m] = published(cells[m].learners, String(cells[m].keySum), perturbed);
    return counts;
  };
  // Rates from the published cells of each grade and sex, so that no rate undoes a perturbation.
  const bySex = { FEMALE: new Map<string, FlowCounts>(), MALE: new Map<string, FlowCounts>() };
  const all = new Map<string, FlowCounts>();
  const total = Object.fromEntries(
    Object.keys(first.cells).map((m) => [m, { learners: 0, keySum: 0 }]),
  ) as Cells;
  const add = (map: Map<string, FlowCounts>, grade: string, counts: FlowCounts) =>
    map.set(grade, addFlowCounts(map.get(grade) ?? emptyFlowCounts(), counts));
  for (const row of rows) {
    const counts = publish(row.cells);
    add(bySex[row.sex as keyof typeof bySex], row.gradeLevel, counts);
    add(all, row.gradeLevel, counts);
    addCells(total, row.cells);
  }
  const yearKey = question.dimensions.indexOf('SCHOOL_YEAR');
  const schoolYear =
    yearKey >= 0 ? String(first.keys.SCHOOL_YEAR) : (question.filter.schoolYear ?? null);
  return {
    keys: first.keys,
    schoolYear,
    nextSchoolYear: schoolYear ? yearAfter(schoolYear) : null,
    asOf: first.asOf,
    ...publish(total),
    ...flowRates(all),
    genderParity: flowParity(flowRates(bySex.FEMALE), flowRates(bySex.MALE)),
  };
}

/**
 * `learnerFlows` (issue 22): each group's cohort and what became of it the next year, read from the
 * flow rollups and the deltas not yet folded into them (a committed enrolment counts at once), held
 * to the viewer's place (place-scope.ts), with the same disclosure control as `enrollmentSummary`.
 */
export async function learnerFlows(
  dataSource: DataSource,
  viewer: Viewer,
  filter: LearnerFlowFilter,
  groupBy: Dimension[],
  options: { forExport?: boolean } = {},
): Promise<FlowGroup[]> {
  const dimensions = [...new Set(groupBy)];
  const unsupported = dimensions.find((d) => !flowDimensions.includes(d));
  if (unsupported)
    throw badUserInput(
      'groupBy',
      'FLOW_DIMENSION_UNSUPPORTED',
      `Flows cannot be grouped by ${unsupported}: use ${flowDimensions.join(', ')}`,
    );
  const asked = checkPlaces({
    region: { ids: filter.regionIds, field: 'filter.regionIds' },
    division: { ids: filter.divisionIds, field: 'filter.divisionIds' },
    school: { ids: filter.schoolIds, field: 'filter.schoolIds' },
  });
  const { opened, cohorts } = await openedYears(dataSource, filter.schoolYear);
  const question: FlowQuestion = {
    filter,
    dimensions,
    place: await placeToRead(dataSource, viewer, asked),
    years: cohorts,
    mature: matureYears(cohorts, opened),
  };
  const perturbed = isPerturbed(viewer.role, filter, dimensions, options);
  const { sql, params } = flowStatement(question);
  const rows = await dataSource.query<Record<string, string | number | null>[]>(sql, params);
  const groups = new Map<string, Group>();
  for (const raw of rows) {
    const row = toFlowCells(raw, dimensions);
    const key = dimensions.map((d) => String(row.keys[d])).join('\u0000');
    const group = groups.get(key);
    if (group) group.rows.push(row);
    else groups.set(key, { first: row, rows: [row] });
  }
  return [...groups.values()]
    .map((group) => toGroup(group, perturbed, question))
    .filter((group) => group.cohort !== 0);
}
