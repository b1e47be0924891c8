// Consecutive school years learner by learner (issue 22): the anchor year loaded from its cells as
// one year always was, each later year carried from the year before (forward-step.ts) and each
// earlier one made from the year after (backward-step.ts), at the rates of flow-rates.ts.
import { addDays } from '@repo/domain/civil-date';
import { parseSchoolYear, shiftSchoolYear } from '@repo/domain/school-year';
import { type DataSource } from 'typeorm';
import { backwardStep } from './backward-step.js';
import { type Cell, type DataSourceTag } from './enrollment-cell.js';
import {
  foldRollupDeltas,
  loadEnrollmentCells,
  refreshLearnerFlows,
} from './enrollment-dataset.js';
import { flowByGrade, yearFlows } from './flow-rates.js';
import { forwardStep } from './forward-step.js';
import { datasetLoaderAccount, mulberry32 } from './synthetic-learners.js';
import { enrolledStatuses, type Step } from './year-step.js';

/** The year the official data set is of: the anchor of any run of years that includes it. */
export const officialYear = '2023-2024';

const startOf = (schoolYear: string) => parseSchoolYear(schoolYear)!.startYear;
const shift = shiftSchoolYear;

export interface EnrollmentYearsLoad {
  /** The years loaded by this call (a year already loaded is skipped), in the order loaded. */
  years: { schoolYear: string; learners: number; seconds: number }[];
  seconds: number;
}

export interface EnrollmentYearsOptions {
  /** The anchor year's cells (their schools' divisions are the load's place). */
  cells: Cell[];
  /** Consecutive school years. */
  years: string[];
  /** Loaded from the cells; by default SY 2023-24 when the years include it, else the first. */
  anchorYear?: string;
  seed: number;
  onStep?: (step: string, seconds: number) => void;
}

/**
 * Loads `years` learner by learner: the anchor year from `cells` (loadEnrollmentCells, exact for
 * its year), then each earlier year backward and each later one forward, a year at a time. A year
 * that holds data set enrolments in the cells' divisions already is skipped, so a second run adds
 * nothing and a run with one more year adds that year.
 */
export async function loadEnrollmentYears(
  dataSource: DataSource,
  options: EnrollmentYearsOptions,
): Promise<EnrollmentYearsLoad> {
  const started = performance.now();
  const seconds = (since = started) => (performance.now() - since) / 1000;
  const years = [...options.years].sort();
  years.forEach((year, i) => {
    if (i > 0 && year !== shift(years[i - 1]!, 1))
      throw new Error(`school years must be consecutive: ${years.join(', ')}`);
  });
  const anchor = options.anchorYear ?? (years.includes(officialYear) ? officialYear : years[0]!);
  const at = years.indexOf(anchor);
  if (at < 0) throw new Error(`the anchor year ${anchor} is not among ${years.join(', ')}`);
  const place = await placeOf(dataSource, options.cells);
  const done: EnrollmentYearsLoad = { years: [], seconds: 0 };
  // The anchor first, then outward: each step needs its neighbour loaded.
  const order = [anchor, ...years.slice(0, at).reverse(), ...years.slice(at + 1)];
  for (const schoolYear of order) {
    if (await isLoaded(dataSource, schoolYear, place.divisionIds)) continue;
    const since = performance.now();
    options.onStep?.(`SY ${schoolYear}`, seconds());
    let learners: number;
    if (schoolYear === anchor) {
      learners = (
        await loadEnrollmentCells(dataSource, options.cells, {
          schoolYear,
          seed: options.seed,
        })
      ).learners;
    } else {
      const forward = schoolYear > anchor;
      learners = await loadStep(dataSource, {
        from: shift(schoolYear, forward ? -1 : 1),
        to: schoolYear,
        forward,
        anchor,
        divisionIds: place.divisionIds,
        seed: options.seed,
        onStep: (step) => options.onStep?.(`SY ${schoolYear}: ${step}`, seconds()),
      });
    }
    done.years.push({ schoolYear, learners, seconds: seconds(since) });
  }
  if (done.years.length > 0) {
    options.onStep?.('adding to the rollups', seconds());
    await foldRollupDeltas(dataSource);
    await afterEnrollmentYearsLoaded(dataSource);
  }
  done.seconds = seconds();
  return done;
}

/**
 * What follows a multi-year load: the tables analysed, then every learner's flows recomputed from
 * the base tables (issue 22; the steps write with the flow trigger off, and a step changes the
 * outcome of the learners of the year before it as well as its own) and folded.
 */
export async function afterEnrollmentYearsLoaded(dataSource: DataSource): Promise<void> {
  for (const table of ['learner', 'learner_school', 'enrollment'])
    await dataSource.query(`ANALYZE ${table}`);
  const [range] = await dataSource.query<{ first: string | null; last: string | null }[]>(
    'SELECT min(id)::text AS first, max(id)::text AS last FROM learner',
  );
  if (range?.first && range.last)
    await refreshLearnerFlows(dataSource, [BigInt(range.first), BigInt(range.last)]);
}

async function placeOf(dataSource: DataSource, cells: Cell[]) {
  const rows = await dataSource.query<{ division_id: number }[]>(
    'SELECT DISTINCT division_id FROM school WHERE id = ANY ($1) ORDER BY 1',
    [[...new Set(cells.map((c) => c.schoolId))]],
  );
  return { divisionIds: rows.map((r) => r.division_id) };
}

async function isLoaded(dataSource: DataSource, schoolYear: string, divisionIds: number[]) {
  const [{ loaded }] = (await dataSource.query<{ loaded: boolean }[]>(
    `SELECT EXISTS (SELECT 1 FROM enrollment e JOIN school s ON s.id = e.school_id
                    WHERE e.school_year = $1 AND s.division_id = ANY ($2)
                      AND e.data_source IS NOT NULL) AS loaded`,
    [schoolYear, divisionIds],
  )) as [{ loaded: boolean }];
  return loaded;
}

interface StepJob {
  from: string;
  to: string;
  forward: boolean;
  anchor: string;
  divisionIds: number[];
  seed: number;
  onStep: (step: string) => void;
}

/**
 * One year from its neighbour: first its new learners (new entrants going forward; the learners
 * gone by the neighbour going backward) as cells, then the step over the neighbour's learners,
 * in one transaction.
 */
async function loadStep(dataSource: DataSource, job: StepJob): Promise<number> {
  const { from, to, forward } = job;
  const counts = await enrolledCounts(dataSource, from, job.divisionIds);
  const random = mulberry32(job.seed * 31 + startOf(to));
  const cells = forward ? entrantCells(counts, random) : goneCells(counts, random);
  const fresh = await loadEnrollmentCells(dataSource, cells, {
    schoolYear: to,
    seed: job.seed * 31 + startOf(to),
    entrants: forward,
    foldDeltas: false,
  });
  // The step's plan asks, learner by learner, whether the year holds the learner already: with
  // the year's new learners unknown to the planner it looped over them for every learner (at
  // 1 million learners a year, over 8 minutes for one step); analysed, it hashes them once.
  await dataSource.query('ANALYZE enrollment');
  job.onStep(forward ? 'carrying the year before' : 'making it from the year after');
  const step: Step = {
    from,
    to,
    divisionIds: job.divisionIds,
    seed: job.seed,
    createdBy: await datasetLoaderAccount(dataSource),
    ...(await stepDays(dataSource, to, forward ? from : to)),
  };
  const written = await dataSource.transaction(async (manager) => {
    await manager.query(`SET LOCAL work_mem = '256MB'`);
    return forward
      ? forwardStep(manager, step, {
          previous: shift(from, -1),
          markDropouts: from !== job.anchor,
        })
      : backwardStep(manager, step, shift(from, 1));
  });
  // The rollups' deltas wait in their table, committed with the rows, and are folded once at the
  // end of the load.
  return fresh.learners + written;
}

/** The days of a step: enrolled a week before `to` opens; leaving mid-way through `leftIn`. */
async function stepDays(dataSource: DataSource, to: string, leftIn: string) {
  const rows = await dataSource.query<{ school_year: string; opening: string }[]>(
    `SELECT school_year, opening_day::text AS opening FROM school_calendar
     WHERE school_year = ANY ($1)`,
    [[to, leftIn]],
  );
  const opening = (year: string) => {
    const row = rows.find((r) => r.school_year === year);
    if (!row) throw new Error(`no school calendar for ${year}: set it before loading`);
    return row.opening;
  };
  return {
    opening: opening(to),
    enrolledOn: addDays(opening(to), -8),
    leftOn: addDays(opening(leftIn), 120),
  };
}

interface CountRow {
  school_id: number;
  grade_level: string;
  strand: string | null;
  sex: 'MALE' | 'FEMALE';
  data_source: DataSourceTag;
  learners: number;
}

function enrolledCounts(
  dataSource: DataSource,
  schoolYear: string,
  divisionIds: number[],
): Promise<CountRow[]> {
  return dataSource.query<CountRow[]>(
    `SELECT e.school_id, e.grade_level, e.strand, l.sex, e.data_source, count(*)::int AS learners
     FROM enrollment e JOIN school s ON s.id = e.school_id JOIN learner l ON l.id = e.learner_id
     WHERE e.school_year = $1 AND e.status IN ${enrolledStatuses} AND e.data_source IS NOT NULL
       AND s.division_id = ANY ($2)
     GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`,
    [schoolYear, divisionIds],
  );
}

/** `exact` learners as a whole number, rounded up or down at random so totals stay close. */
const roundAtRandom = (exact: number, random: () => number) =>
  Math.floor(exact) + (random() < exact - Math.floor(exact) ? 1 : 0);

const toCell = (row: CountRow, learners: number): Cell => ({
  schoolId: row.school_id,
  gradeLevel: row.grade_level,
  strand: row.strand,
  sex: row.sex,
  learners,
  source: row.data_source,
});

/**
 * The new entrants of the year after the counts' year, at each school: Kindergarten as many as
 * this year's (with the national trend), less its repeaters; some Grade 1 learners who skipped
 * Kindergarten; and transferees from outside refilling what the grade below loses.
 */
export function entrantCells(counts: CountRow[], random: () => number): Cell[] {
  const below = new Map([...flowByGrade.values()].filter((f) => f.next).map((f) => [f.next!, f]));
  return counts.flatMap((row) => {
    const flow = flowByGrade.get(row.grade_level);
    if (!flow) return [];
    let exact: number;
    if (row.grade_level === 'KINDER')
      exact = row.learners * (1 + yearFlows.kinderTrend - flow.repetition);
    else if (row.grade_level === 'GRADE_1') exact = row.learners * yearFlows.grade1WithoutKinder;
    else {
      const lower = below.get(row.grade_level);
      exact = lower ? row.learners * yearFlows.outsideRefill * (lower.dropout + lower.als) : 0;
    }
    const learners = roundAtRandom(exact, random);
    return learners > 0 ? [toCell(row, learners)] : [];
  });
}

/**
 * The learners of the year before the counts' year who are in no later year: at each school and
 * grade, the grade's dropouts and ALS transfers, and in Grade 12 all but its repeaters.
 */
export function goneCells(counts: CountRow[], random: () => number): Cell[] {
  return counts.flatMap((row) => {
    const flow = flowByGrade.get(row.grade_level);
    if (!flow || row.grade_level.startsWith('ALS')) return [];
    const exact =
      row.grade_level === 'GRADE_12'
        ? row.learners * (1 - flow.repetition)
        : row.learners * (flow.dropout + flow.als);
    const learners = roundAtRandom(exact, random);
    return learners > 0 ? [toCell(row, learners)] : [];
  });
}
