import { type Dimension } from '@repo/domain/enums';
import {
  addFlowCounts,
  countsOf,
  emptyFlowCounts,
  type FlowCounts,
  type FlowOutcome,
  flowParity,
  flowRates,
  type FlowRates,
} from '@repo/domain/flows';
import { parseSchoolYear, shiftSchoolYear } from '@repo/domain/school-year';
import { type DataSource } from 'typeorm';
import { clock } from '../../clock.js';
import { badUserInput } from '../../errors.js';
import { checkPlaces, placeToRead } from '../../place-scope.js';
import { type Viewer } from '../auth/viewer.js';
import { isPerturbed, published } from './enrollment-summary.privacy.js';
import {
  type FlowQuestion,
  flowDimensions,
  flowStatement,
  type FlowSum,
  toFlowSum,
} from './learner-flows.query.js';
import { type LearnerFlowFilter } from './learner-flows.type.js';

export interface FlowGroup extends FlowCounts, FlowRates {
  keys: Partial<Record<Dimension, string | number | null>>;
  schoolYear: string | null;
  nextSchoolYear: string | null;
  asOf: Date;
  genderParity: FlowRates;
}

const yearsAfter = shiftSchoolYear;

const yearAfter = (year: string) => yearsAfter(year, 1);

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
  const cohorts = [...opened].map((next) => yearsAfter(next, -1)).sort();
  if (asked && !cohorts.includes(asked))
    throw badUserInput(
      'filter.schoolYear',
      'FLOW_YEAR_NOT_OPEN',
      `SY ${yearAfter(asked)} has not opened: where SY ${asked}'s learners went is not known yet`,
    );
  return { opened, cohorts: asked ? [asked] : cohorts };
}

/**
 * Whether a sum's learners are in a survival cohort whose target grade a learner who never repeats
 * has reached by now: Grade 1 of a year whose fifth year after has opened, Grade 7 of one whose
 * third has.
 */
function survival(sum: FlowSum, opened: Set<string>) {
  const span = { GRADE_1: 5, GRADE_7: 3 }[sum.gradeLevel];
  return {
    mature: span !== undefined && opened.has(yearsAfter(sum.cohortYear, span)),
    survived: sum.survived,
  };
}

/** A group's cells as they are summed: by measure, and by grade, sex and measure. */
interface Cells {
  first: FlowSum;
  total: Map<keyof FlowCounts, { learners: number; keySum: bigint }>;
  byGradeSex: Map<string, Map<keyof FlowCounts, { learners: number; keySum: bigint }>>;
}

function addCell(cells: Cells['total'], sum: FlowSum, opened: Set<string>) {
  const counts = countsOf(
    sum.outcome as FlowOutcome,
    sum.otherSchool,
    sum.learners,
    survival(sum, opened),
  );
  for (const [measure, learners] of Object.entries(counts) as [keyof FlowCounts, number][]) {
    if (learners === 0) continue;
    const cell = cells.get(measure) ?? { learners: 0, keySum: 0n };
    cell.learners += learners;
    cell.keySum += BigInt(sum.keySum);
    cells.set(measure, cell);
  }
}

/** A group's published counts, rates and parity (every count perturbed when `perturbed`). */
function toGroup(cells: Cells, perturbed: boolean, question: FlowQuestion): FlowGroup {
  const publish = (map: Cells['total'] | undefined): FlowCounts => {
    const counts = emptyFlowCounts();
    for (const [measure, cell] of map ?? [])
      counts[measure] = published(cell.learners, String(cell.keySum), perturbed);
    return counts;
  };
  // Rates from the published cells of each grade and sex, so that no rate undoes a perturbation.
  const bySex = { FEMALE: new Map<string, FlowCounts>(), MALE: new Map<string, FlowCounts>() };
  const all = new Map<string, FlowCounts>();
  for (const [key, map] of cells.byGradeSex) {
    const [grade, sex] = key.split('|') as [string, 'FEMALE' | 'MALE'];
    const counts = publish(map);
    bySex[sex].set(grade, addFlowCounts(bySex[sex].get(grade) ?? emptyFlowCounts(), counts));
    all.set(grade, addFlowCounts(all.get(grade) ?? emptyFlowCounts(), counts));
  }
  const yearKey = question.dimensions.indexOf('SCHOOL_YEAR');
  const schoolYear =
    yearKey >= 0 ? String(cells.first.keys.SCHOOL_YEAR) : (question.filter.schoolYear ?? null);
  return {
    keys: cells.first.keys,
    schoolYear,
    nextSchoolYear: schoolYear ? yearAfter(schoolYear) : null,
    asOf: cells.first.asOf,
    ...publish(cells.total),
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
  };
  const perturbed = isPerturbed(viewer.role, filter, dimensions, options);
  const { sql, params } = flowStatement(question);
  const rows = await dataSource.query<Record<string, string | number | boolean | Date | null>[]>(
    sql,
    params,
  );
  const groups = new Map<string, Cells>();
  for (const raw of rows) {
    const sum = toFlowSum(raw, dimensions);
    const key = JSON.stringify(dimensions.map((d) => sum.keys[d]));
    let cells = groups.get(key);
    cells ??= { first: sum, total: new Map(), byGradeSex: new Map() };
    groups.set(key, cells);
    addCell(cells.total, sum, opened);
    const gradeSex = `${sum.gradeLevel}|${sum.sex}`;
    const map: Cells['total'] =
      cells.byGradeSex.get(gradeSex) ??
      new Map<keyof FlowCounts, { learners: number; keySum: bigint }>();
    addCell(map, sum, opened);
    cells.byGradeSex.set(gradeSex, map);
  }
  return [...groups.values()]
    .map((cells) => toGroup(cells, perturbed, question))
    .filter((group) => group.cohort !== 0);
}
