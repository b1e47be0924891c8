import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { addDays } from '@repo/domain/civil-date';
import { parse } from 'csv-parse/sync';
import { type DataSource } from 'typeorm';
import { referenceDataDir } from '../reference-data/reference-files.js';
import { memoize, reserveSequence } from './bulk-load.js';
import { type Cell, type DrawnLearner } from './enrollment-cell.js';
import { copyEnrollmentCells } from './enrollment-copy.js';
import { EnrollmentRows, type SchoolPlace } from './enrollment-rows.js';
import { givenNames, surnames } from './names.data.js';
import { datasetLoaderAccount, mulberry32 } from './synthetic-learners.js';

/**
 * Learner categories at national rates (SPEC §3; issue 6). Approximations from DepEd's and DSWD's
 * public statements, one place to correct them; docs/scaling.md lists them with their sources.
 */
export const categoryRates = {
  /** DepEd IPEd Office: about 2.6 million IP learners of about 27 million. */
  IP: 0.096,
  /** DepEd: about 360,000 learners with disabilities in SPED programs and inclusive classes. */
  SPED: 0.013,
  /** DepEd: Balik-Aral learners, about 1.5% of enrollment in recent years. */
  BALIK_ARAL: 0.015,
  /** DSWD: about 4 million 4Ps beneficiaries in elementary and high school. */
  FOUR_PS: 0.15,
} as const;

const datasetDir = path.join(referenceDataDir, '..', 'datasets');
const readGz = async (name: string) =>
  parse<Record<string, string>>(
    gunzipSync(await readFile(path.join(datasetDir, `${name}.csv.gz`))),
    {
      columns: true,
    },
  );

const elementaryGrades = [
  'KINDER',
  'GRADE_1',
  'GRADE_2',
  'GRADE_3',
  'GRADE_4',
  'GRADE_5',
  'GRADE_6',
];

/**
 * The cells of the official SY 2023-24 data set: DepEd's file as it is, and for the purely
 * elementary schools it lacks, Kindergarten to Grade 6 by sex at the national mean per school of
 * the schools that report those grades, each school scaled by a seeded factor of 0.4 to 1.6,
 * marked SYNTHESISED_SY2023_24. `regionIds` limits both.
 */
export async function officialCells(
  dataSource: DataSource,
  regionIds: number[] | null,
  seed = 2023,
  divisionIds: number[] | null = null,
): Promise<Cell[]> {
  const schools = await dataSource.query<{ id: number; region_id: number; division_id: number }[]>(
    'SELECT id, region_id, division_id FROM school',
  );
  const place = new Map(schools.map((s) => [s.id, s]));
  const wanted = (schoolId: number) => {
    const school = place.get(schoolId);
    return (
      school !== undefined &&
      (!regionIds || regionIds.includes(school.region_id)) &&
      (!divisionIds || divisionIds.includes(school.division_id))
    );
  };

  const cells: Cell[] = [];
  const totals = new Map<string, number>();
  const reporting = new Set<number>();
  for (const row of await readGz('enrollment-sy2023-24')) {
    const cell: Cell = {
      schoolId: Number(row.school_id),
      gradeLevel: row.grade_level!,
      strand: row.strand || null,
      sex: row.sex as Cell['sex'],
      learners: Number(row.learners),
      source: 'OFFICIAL_SY2023_24',
    };
    if (elementaryGrades.includes(cell.gradeLevel) && cell.gradeLevel !== 'KINDER') {
      reporting.add(cell.schoolId);
    }
    if (elementaryGrades.includes(cell.gradeLevel)) {
      const key = `${cell.gradeLevel}|${cell.sex}`;
      totals.set(key, (totals.get(key) ?? 0) + cell.learners);
    }
    if (wanted(cell.schoolId)) cells.push(cell);
  }
  const random = mulberry32(seed);
  for (const row of await readGz('elementary-only-sy2023-24')) {
    const schoolId = Number(row.school_id);
    // Drawn for every school, so a region's schools get the same numbers as in a national load.
    const factor = 0.4 + 1.2 * random();
    if (!wanted(schoolId)) continue;
    for (const grade of elementaryGrades) {
      for (const sex of ['MALE', 'FEMALE'] as const) {
        const mean = (totals.get(`${grade}|${sex}`) ?? 0) / reporting.size;
        const learners = Math.round(mean * factor);
        if (learners > 0) {
          cells.push({
            schoolId,
            gradeLevel: grade,
            strand: null,
            sex,
            learners,
            source: 'SYNTHESISED_SY2023_24',
          });
        }
      }
    }
  }
  return cells;
}

const gradeAge: Record<string, number> = {
  KINDER: 5,
  ELEMENTARY_NON_GRADED: 9,
  JHS_NON_GRADED: 14,
  ...Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`GRADE_${i + 1}`, i + 6])),
};
const entryBasis: Record<string, string> = {
  KINDER: 'KINDER_AGE_5',
  GRADE_1: 'KINDER_COMPLETED_ACCREDITED',
  GRADE_7: 'GRADE_6_GRADUATE',
  GRADE_11: 'GRADE_10_COMPLETER',
};

const entrantBasis: Record<string, string> = {
  KINDER: 'KINDER_AGE_5',
  GRADE_1: 'NO_KINDER_AGE_6',
};

/**
 * Draws the learners of the cells of a school year from `random`: national-shape names, of the
 * grade's age on the year's cut-off, in the categories at `categoryRates`; Balik-Aral only in a
 * grade that is not an entry grade. `entrants`: new entrants of a later year of a multi-year load.
 */
function learnerDraw(
  random: () => number,
  startYear: number,
  entrants = false,
): (cell: Cell) => DrawnLearner {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const day = 86_400_000;
  const cutoff = Date.UTC(startYear, 7, 31);
  // Birth dates by day, made once (generation is this process's share of the load's CPU).
  const isoDay = memoize((time: number) => new Date(time).toISOString().slice(0, 10));
  return (cell) => {
    const lastName = pick(surnames);
    const firstName =
      random() < 0.55 ? `${pick(givenNames)} ${pick(givenNames)}` : pick(givenNames);
    const middleName = random() < 0.92 ? pick(surnames) : null;
    // Of the grade's age on the cut-off: born within the year before it.
    const age = gradeAge[cell.gradeLevel] ?? 10;
    const birth = isoDay(cutoff - (age + 1) * 365.25 * day + Math.floor(random() * 365) * day);
    const ip = random() < categoryRates.IP;
    const sped = random() < categoryRates.SPED;
    const fourPs = random() < categoryRates.FOUR_PS;
    const drawn = { lastName, firstName, middleName, birth, ip, sped, fourPs };
    // A new entrant of a later year (issue 22): new to Kindergarten or Grade 1, else from outside.
    if (entrants)
      return {
        ...drawn,
        balikAral: false,
        admissionBasis: entrantBasis[cell.gradeLevel] ?? 'TRANSFEREE',
      };
    const entry = entryBasis[cell.gradeLevel];
    const balikAral = !entry && random() < categoryRates.BALIK_ARAL;
    const admissionBasis = balikAral ? 'BALIK_ARAL' : (entry ?? 'CONTINUING');
    return { ...drawn, balikAral, admissionBasis };
  };
}

export interface EnrollmentLoad {
  learners: number;
  skippedSchools: number;
  seconds: number;
}

/**
 * Loads one learner and one official enrollment per learner of every cell, with COPY: learners,
 * their school links and enrollments, in chunks, in one transaction. The rollup trigger is off
 * during the copy; the loader counts the rows it generates by rollup key (what the trigger would
 * have appended row by row) and copies those counts into the rollups' delta table in the same
 * transaction, so the rollups stay exact. Schools that already hold data of this source and year
 * are skipped, so a second run adds nothing.
 */
export async function loadEnrollmentCells(
  dataSource: DataSource,
  cells: Cell[],
  options: {
    schoolYear: string;
    seed?: number;
    /** The cells are a later year's new entrants (issue 22): none Balik-Aral, Grade 1 without Kindergarten, transferees. */
    entrants?: boolean;
    /** False leaves the rollups' deltas for the caller to fold (a multi-year load's step does). */
    foldDeltas?: boolean;
    onProgress?: (done: number, total: number) => void;
    /** Told when the load moves past the copy to its next step, with the seconds so far. */
    onStep?: (step: string, seconds: number) => void;
  },
): Promise<EnrollmentLoad> {
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  const { schoolYear } = options;
  const plan = await planLoad(dataSource, cells, schoolYear);
  const { total, skippedSchools } = plan;
  if (total === 0) return { learners: 0, skippedSchools, seconds: seconds() };

  const startYear = Number(schoolYear.slice(0, 4));
  const random = mulberry32(options.seed ?? startYear);
  const createdBy = await datasetLoaderAccount(dataSource);
  const first = {
    learner: await reserveSequence(dataSource, 'learner_id_seq', total),
    lrn: await reserveSequence(dataSource, 'lrn_seq', total),
    enrollment: await reserveSequence(dataSource, 'enrollment_id_seq', total),
  };
  // Attending from the year's opening day and enrolled the week before, as the calendar has it
  // (SY 2023-24: 21 and 29 August), so a year carried to today has no date after today.
  const enrolledOn = addDays(plan.opening, -8);
  const rows = new EnrollmentRows({
    schoolYear,
    opening: plan.opening,
    enrolledOn,
    createdBy,
    first,
  });
  const draw = learnerDraw(random, startYear, options.entrants);
  await copyEnrollmentCells(dataSource, {
    loadId: first.learner.toString(),
    cells: plan.todo,
    total,
    rows,
    generate: (cell) => rows.add(cell, draw(cell)),
    schools: plan.schools,
    onProgress: options.onProgress,
    onBuildingIndexes: () => options.onStep?.('building indexes', seconds()),
  });
  if (options.foldDeltas !== false) {
    options.onStep?.('adding to the rollups', seconds());
    await foldRollupDeltas(dataSource);
    await refreshLearnerFlows(dataSource, [first.learner, first.learner + BigInt(total) - 1n]);
  }
  return { learners: total, skippedSchools, seconds: seconds() };
}

interface LoadPlan {
  /** The school year's opening day. */
  opening: string;
  schools: Map<number, SchoolPlace>;
  /** The cells of schools that hold none of this year's data of these sources yet. */
  todo: Cell[];
  /** Learners in `todo`. */
  total: number;
  skippedSchools: number;
}

/** What a load will write: checks the year's calendar and the schools, skips those loaded. */
async function planLoad(
  dataSource: DataSource,
  cells: Cell[],
  schoolYear: string,
): Promise<LoadPlan> {
  const loaded = new Set(
    (
      await dataSource.query<{ school_id: number }[]>(
        `SELECT DISTINCT school_id FROM enrollment
         WHERE school_year = $1 AND data_source = ANY ($2)`,
        [schoolYear, [...new Set(cells.map((c) => c.source))]],
      )
    ).map((r) => r.school_id),
  );
  const [calendar] = await dataSource.query<{ opening: string }[]>(
    'SELECT opening_day::text AS opening FROM school_calendar WHERE school_year = $1',
    [schoolYear],
  );
  if (!calendar) throw new Error(`no school calendar for ${schoolYear}: set it before loading`);
  const schools = new Map(
    (
      await dataSource.query<SchoolPlace[]>(
        'SELECT id, region_id, division_id, sector FROM school WHERE id = ANY ($1)',
        [[...new Set(cells.map((c) => c.schoolId))]],
      )
    ).map((s) => [s.id, s]),
  );
  const unknownSchool = cells.find((c) => !schools.has(c.schoolId));
  if (unknownSchool)
    throw new Error(`school ${unknownSchool.schoolId} is not in the reference data`);
  const todo = cells.filter((c) => !loaded.has(c.schoolId));
  return {
    opening: calendar.opening,
    schools,
    todo,
    total: todo.reduce((sum, c) => sum + c.learners, 0),
    skippedSchools: new Set(cells.filter((c) => loaded.has(c.schoolId)).map((c) => c.schoolId))
      .size,
  };
}

/**
 * The flows of the learners with ids in `[first, last]` recomputed from the base tables and folded
 * into the flow rollups (issue 22): for loads, which write enrolments with the flow trigger off. Run
 * after the load commits (its learners are then visible to one connection).
 */
export async function refreshLearnerFlows(
  dataSource: DataSource,
  [first, last]: [bigint, bigint],
): Promise<void> {
  await dataSource.transaction(async (manager) => {
    await manager.query(`SET LOCAL work_mem = '256MB'`);
    await manager.query('SELECT refresh_learner_flows($1, $2)', [String(first), String(last)]);
  });
  await dataSource.query('SELECT apply_learner_flow_deltas()');
  // Every learnerFlows question reads the deltas not folded yet: give back the pages the folded
  // ones leave behind (millions of rows after a national load), as foldRollupDeltas does.
  await dataSource.query('VACUUM learner_flow_delta');
}

/** The load's rollup deltas folded into the rollups, and the loaded tables analysed. */
export async function foldRollupDeltas(dataSource: DataSource) {
  // The deltas folded with room to hash them in memory (at PostgreSQL's 4 MB a million learners'
  // deltas were sorted on disk: 31 s) and with their number known to the planner.
  await dataSource.transaction(async (manager) => {
    await manager.query(`SET LOCAL work_mem = '256MB'`);
    await manager.query('ANALYZE enrollment_rollup_delta');
    await manager.query('SELECT apply_enrollment_rollup_deltas()');
  });
  // The folded deltas leave the delta table's pages behind: every reader scans it, so give them
  // back now (measured at 1M: 10,544 empty pages made each summary 65 ms slower).
  await dataSource.query('VACUUM FULL enrollment_rollup_delta');
  for (const table of ['learner', 'learner_school', 'enrollment'])
    await dataSource.query(`ANALYZE ${table}`);
}

/**
 * A national-shape set of about `learners` learners: the official data set's cells scaled to the
 * size asked, each rounded up or down at random so the total stays close, marked SYNTHETIC.
 */
export async function syntheticCells(
  dataSource: DataSource,
  learners: number,
  seed = 7,
): Promise<Cell[]> {
  const official = await officialCells(dataSource, null);
  const total = official.reduce((sum, c) => sum + c.learners, 0);
  const random = mulberry32(seed);
  const scale = learners / total;
  return official.flatMap((cell) => {
    const exact = cell.learners * scale;
    const count = Math.floor(exact) + (random() < exact - Math.floor(exact) ? 1 : 0);
    return count > 0 ? [{ ...cell, learners: count, source: 'SYNTHETIC' as const }] : [];
  });
}
