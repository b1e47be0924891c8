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
import { preparedRows } from '../../db/prepared.js';
import { badUserInput } from '../../errors.js';
import { checkPlaces, placeToRead } from '../../place-scope.js';
import { type Viewer } from '../auth/viewer.js';
import { isPerturbed, published } from './enrollment-summary.privacy.js';
import {
  type FlowCells,
  type FlowQuestion,
  type FlowRow,
  flowDimensions,
  flowKeys,
  flowMeasures,
  flowRowLayout,
  flowStatement,
  sameFlowGroup,
  toFlowCells,
} from './learner-flows.query.js';
import { type LearnerFlowFilter } from './learner-flows.type.js';

export interface FlowGroup extends FlowCounts, FlowRates {
  keys: Partial<Record<Dimension, string | number | null>>;
  /** The keys of the group's place and others, each null when not grouped by. */
  regionId: number | null;
  divisionId: number | null;
  schoolId: number | null;
  sector: string | null;
  gradeLevel: string | null;
  sex: string | null;
  category: string | null;
  schoolYear: string | null;
  nextSchoolYear: string | null;
  asOf: Date;
  genderParity: FlowRates;
}

const idOf = (value: string | number | null | undefined) => (value == null ? null : Number(value));
const textOf = (value: string | number | null | undefined) =>
  value == null ? null : String(value);

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

/** A group's rows (one per grade and sex), its keys and the statement's time. */
interface Group {
  keys: FlowGroup['keys'];
  rows: FlowCells[];
  asOf: Date;
}

/** Counts' published values (each perturbed by its cell key when `perturbed`). */
function publish(learners: number[], keySums: number[], perturbed: boolean): FlowCounts {
  const counts = emptyFlowCounts();
  flowMeasures.forEach((m, i) => {
    counts[m] = published(learners[i]!, keySums[i]!, perturbed);
  });
  return counts;
}

/** A group's total of each count: a cell of its own, its key the sum of its learners' keys. */
function total(rows: FlowCells[], perturbed: boolean): FlowCounts {
  const learners = flowMeasures.map(() => 0);
  const keySums = flowMeasures.map(() => 0);
  for (const row of rows)
    for (let i = 0; i < learners.length; i++) {
      learners[i]! += row.learners[i]!;
      keySums[i]! += row.keySums[i]!;
    }
  return publish(learners, keySums, perturbed);
}

/** A group's published counts, rates and parity (every count perturbed when `perturbed`). */
function toGroup(
  { keys, rows, asOf }: Group,
  perturbed: boolean,
  question: FlowQuestion,
): FlowGroup {
  // Rates from the published cells of each grade and sex, so that no rate undoes a perturbation.
  const bySex = { FEMALE: new Map<string, FlowCounts>(), MALE: new Map<string, FlowCounts>() };
  const all = new Map<string, FlowCounts>();
  const add = (map: Map<string, FlowCounts>, grade: string, counts: FlowCounts) => {
    const before = map.get(grade);
    map.set(grade, before ? addFlowCounts(before, counts) : counts);
  };
  for (const row of rows) {
    const counts = publish(row.learners, row.keySums, perturbed);
    add(bySex[row.sex as keyof typeof bySex], row.gradeLevel, counts);
    add(all, row.gradeLevel, counts);
  }
  const yearKey = question.dimensions.indexOf('SCHOOL_YEAR');
  const schoolYear = yearKey >= 0 ? String(keys.SCHOOL_YEAR) : (question.filter.schoolYear ?? null);
  const counts = total(rows, perturbed);
  const rates = flowRates(all);
  // Every field named once, in one order: a few hundred groups of one shape, which the compiled
  // query reads field by field (spreads and properties added afterwards gave each its own).
  return {
    keys,
    regionId: idOf(keys.REGION),
    divisionId: idOf(keys.DIVISION),
    schoolId: idOf(keys.SCHOOL),
    sector: textOf(keys.SECTOR),
    gradeLevel: textOf(keys.GRADE_LEVEL),
    sex: textOf(keys.SEX),
    category: textOf(keys.CATEGORY),
    schoolYear,
    nextSchoolYear: schoolYear ? yearAfter(schoolYear) : null,
    asOf,
    cohort: counts.cohort,
    promoted: counts.promoted,
    repeated: counts.repeated,
    completed: counts.completed,
    transferredToAls: counts.transferredToAls,
    notEnrolled: counts.notEnrolled,
    otherSchool: counts.otherSchool,
    survivalCohort: counts.survivalCohort,
    survived: counts.survived,
    promotionRate: rates.promotionRate,
    repetitionRate: rates.repetitionRate,
    dropoutRate: rates.dropoutRate,
    transitionRate: rates.transitionRate,
    completionRate: rates.completionRate,
    survivalRateToGrade6: rates.survivalRateToGrade6,
    survivalRateToGrade10: rates.survivalRateToGrade10,
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
  // The years and the place read at once (two round trips in one's time); a wrong year is named
  // before a wrong place, as when they were read one after the other.
  const [years, place] = await Promise.allSettled([
    openedYears(dataSource, filter.schoolYear),
    placeToRead(dataSource, viewer, asked),
  ]);
  if (years.status === 'rejected') throw years.reason;
  if (place.status === 'rejected') throw place.reason;
  const { opened, cohorts } = years.value;
  const question: FlowQuestion = {
    filter,
    dimensions,
    place: place.value,
    years: cohorts,
    mature: matureYears(cohorts, opened),
  };
  const perturbed = isPerturbed(viewer.role, filter, dimensions, options);
  const { sql, params } = flowStatement(question, perturbed);
  const rows = await preparedRows<FlowRow>(dataSource, sql, params);
  const at = flowRowLayout(dimensions.length, perturbed);
  const groups: FlowGroup[] = [];
  for (let first = 0, next = 1; first < rows.length; first = next++) {
    while (next < rows.length && sameFlowGroup(rows[next]!, rows[first]!, at.keys)) next++;
    const group = toGroup(
      {
        keys: flowKeys(rows[first]!, dimensions),
        rows: rows.slice(first, next).map((row) => toFlowCells(row, at)),
        asOf: new Date(Number(rows[first]![at.asOf])),
      },
      perturbed,
      question,
    );
    if (group.cohort !== 0) groups.push(group);
  }
  return groups;
}
