// What the forward and backward steps of a multi-year load share (issue 22): the seeded draw, the
// step's temporary tables (the rates, the places learners can go, the ALS centers), and the
// writing of the planned enrolments with their links and rollup deltas, the row triggers off.
import { type EntityManager } from 'typeorm';
import { alsGradeOf, gradeFlows } from './flow-rates.js';

/** The statuses of a learner counted as enrolled in a year. */
export const enrolledStatuses = `('OFFICIALLY_ENROLLED', 'TEMPORARILY_ENROLLED')`;

/**
 * A uniform draw in [0, 1) from a hash of a learner, a school year, the load's seed and what it is
 * drawn for: the same seed repeats the data, and no learner's draws depend on another's.
 */
export const draw = (learner: string, year: string, seed: string, purpose: string) =>
  `((hashtextextended(${learner}::text || '/' || ${year} || '/${purpose}', ${seed}) & 9007199254740991)::float8
    / 9007199254740992.0)`;

/** A step from the enrolments of one school year (`from`) to those of its neighbour (`to`). */
export interface Step {
  from: string;
  to: string;
  divisionIds: number[];
  seed: number;
  /** The day learners of `to` are enrolled on, its opening day, and a day in `from` to leave on. */
  enrolledOn: string;
  opening: string;
  leftOn: string;
  createdBy: string;
}

// The rates by grade, with each grade's predecessor for the backward step.
const rateTable = `CREATE TEMP TABLE step_rate ON COMMIT DROP AS
  SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::float8[], $5::float8[], $6::float8[],
                       $7::float8[], $8::text[])
    AS r(grade, next, prev, dropout, repetition, als, move, als_grade)`;

// The places of `from`'s enrolled learners by school, grade and strand, each with where its learners
// start in its school's and its division's count: a learner drawn k-th of a grade's learners (of
// the school or the division) is at the place whose range holds k, so draws follow school sizes.
const poolTable = `CREATE TEMP TABLE step_pool ON COMMIT DROP AS
  SELECT division_id, school_id, grade_level, strand, n,
         sum(n) OVER (PARTITION BY division_id, grade_level ORDER BY school_id, strand) - n AS div_lo,
         sum(n) OVER (PARTITION BY school_id, grade_level ORDER BY strand) - n AS sch_lo
  FROM (SELECT s.division_id, e.school_id, e.grade_level, coalesce(e.strand, '') AS strand,
               count(*) AS n
        FROM enrollment e JOIN school s ON s.id = e.school_id
        WHERE e.school_year = $1 AND e.status IN ${enrolledStatuses} AND e.data_source IS NOT NULL
          AND s.division_id = ANY ($2)
        GROUP BY 1, 2, 3, 4) g`;

/** The step's rates, places and ALS centers, as temporary tables of its transaction. */
export async function prepareStep(manager: EntityManager, step: Step) {
  const prev = new Map(gradeFlows.filter((f) => f.next).map((f) => [f.next!, f.grade]));
  await manager.query(rateTable, [
    gradeFlows.map((f) => f.grade),
    gradeFlows.map((f) => f.next),
    gradeFlows.map((f) => prev.get(f.grade) ?? null),
    gradeFlows.map((f) => f.dropout),
    gradeFlows.map((f) => f.repetition),
    gradeFlows.map((f) => f.als),
    gradeFlows.map((f) => f.move),
    gradeFlows.map((f) => alsGradeOf(f.grade)),
  ]);
  await manager.query(poolTable, [step.from, step.divisionIds]);
  await manager.query('CREATE INDEX ON step_pool (division_id, grade_level, div_lo)');
  await manager.query('CREATE INDEX ON step_pool (school_id, grade_level, sch_lo)');
  await manager.query(`CREATE TEMP TABLE step_school_total ON COMMIT DROP AS
    SELECT school_id, grade_level, sum(n) AS n FROM step_pool GROUP BY 1, 2`);
  await manager.query(`CREATE TEMP TABLE step_division_total ON COMMIT DROP AS
    SELECT division_id, grade_level, sum(n) AS n FROM step_pool GROUP BY 1, 2`);
  // The division's ALS learning center (the first, when it has several).
  await manager.query(
    `CREATE TEMP TABLE step_als_center ON COMMIT DROP AS
     SELECT division_id, min(id) AS school_id FROM school
     WHERE is_als_learning_center AND division_id = ANY ($1) GROUP BY 1`,
    [step.divisionIds],
  );
  await manager.query(`CREATE TEMP TABLE step_new (
    learner_id bigint, school_id int, grade_level varchar, strand varchar, admission_basis varchar,
    status varchar, categories varchar[], data_source varchar) ON COMMIT DROP`);
  await manager.query('ANALYZE step_pool');
}

/**
 * Where a learner placed by a step is: its own school for a repeater, the division's ALS center,
 * and for a promoted learner its own school when that has the grade (else, as for a mover, a
 * school of the division drawn by size). A strand is kept into Grade 12 and drawn into Grade 11.
 * Reads `decided` (learner, school, division, grade, strand, outcome, target grade, v).
 */
export const placement = `
  SELECT d.*,
    CASE d.outcome WHEN 'REPEAT' THEN d.school_id WHEN 'ALS' THEN d.als_center
      WHEN 'PROMOTE' THEN CASE WHEN own.n IS NOT NULL THEN d.school_id
                               ELSE coalesce(far.school_id, d.school_id) END
      ELSE coalesce(far.school_id, d.school_id) END AS to_school,
    CASE WHEN d.outcome = 'ALS' THEN NULL
         WHEN d.outcome = 'REPEAT' OR d.target = 'GRADE_12' THEN d.strand
         WHEN d.target = 'GRADE_11' THEN coalesce(nullif(own_pick.strand, ''), nullif(far.strand, ''), d.strand)
    END AS to_strand
  FROM decided d
  LEFT JOIN step_school_total own
    ON d.outcome = 'PROMOTE' AND own.school_id = d.school_id AND own.grade_level = d.target
  LEFT JOIN LATERAL (
    SELECT p.strand FROM step_pool p
    WHERE own.n IS NOT NULL AND d.target = 'GRADE_11' AND p.school_id = d.school_id
      AND p.grade_level = d.target AND p.sch_lo <= floor(d.v * own.n)
    ORDER BY p.sch_lo DESC LIMIT 1) own_pick ON true
  LEFT JOIN step_division_total dt
    ON (d.outcome = 'MOVE' OR (d.outcome = 'PROMOTE' AND own.n IS NULL))
      AND dt.division_id = d.division_id AND dt.grade_level = d.target
  LEFT JOIN LATERAL (
    SELECT p.school_id, p.strand FROM step_pool p
    WHERE dt.n IS NOT NULL AND p.division_id = d.division_id AND p.grade_level = d.target
      AND p.div_lo <= floor(d.v * dt.n)
    ORDER BY p.div_lo DESC LIMIT 1) far ON true`;

/** The admission basis of a learner newly in a grade, as the data set's first year has it. */
export const entryAdmission = (grade: string) => `CASE ${grade}
  WHEN 'KINDER' THEN 'KINDER_AGE_5' WHEN 'GRADE_1' THEN 'KINDER_COMPLETED_ACCREDITED'
  WHEN 'GRADE_7' THEN 'GRADE_6_GRADUATE' WHEN 'GRADE_11' THEN 'GRADE_10_COMPLETER'
  ELSE 'CONTINUING' END`;

/** The row triggers of `enrollment` a load turns off: the rollups', and the flows' when present. */
export async function enrollmentRowTriggers(manager: EntityManager): Promise<string[]> {
  const rows = await manager.query<{ tgname: string }[]>(
    `SELECT tgname FROM pg_trigger WHERE tgrelid = 'enrollment'::regclass AND NOT tgisinternal
       AND tgname IN ('enrollment_rollup', 'enrollment_flow')`,
  );
  return rows.map((r) => r.tgname);
}

/**
 * Runs a step's status changes (its dropouts and ALS transfers) with the flows' row trigger off:
 * they go through the rollups' trigger like any status change, but every learner's flows are
 * recomputed once the load ends (afterEnrollmentYearsLoaded). Through the trigger, one step of a
 * load of 5 million learners a year took an advisory lock per learner in one transaction and ran
 * out of the server's lock memory.
 */
export async function withoutFlowTrigger(manager: EntityManager, work: () => Promise<unknown>) {
  const flows = (await enrollmentRowTriggers(manager)).includes('enrollment_flow');
  if (flows) await manager.query('ALTER TABLE enrollment DISABLE TRIGGER enrollment_flow');
  await work();
  if (flows) await manager.query('ALTER TABLE enrollment ENABLE TRIGGER enrollment_flow');
}

/**
 * Writes `step_new` as enrolments of `to`, with the learners' school links and the rollups' deltas
 * (what the row trigger's enrollment_rollup_emit would have written, grouped), the row triggers
 * off while it inserts. Returns the enrolments written.
 */
export async function writePlanned(manager: EntityManager, step: Step): Promise<number> {
  const triggers = await enrollmentRowTriggers(manager);
  for (const t of triggers) await manager.query(`ALTER TABLE enrollment DISABLE TRIGGER ${t}`);
  // The rows reference what the step read (learners, schools, the years' calendars): a superuser
  // skips the per-row foreign-key checks, as the cells' load does (bulk-load.ts).
  const [{ superuser }] = (await manager.query<{ superuser: boolean }[]>(
    'SELECT rolsuper AS superuser FROM pg_roles WHERE rolname = current_user',
  )) as [{ superuser: boolean }];
  if (superuser) await manager.query('SET LOCAL session_replication_role = replica');
  await manager.query(
    `INSERT INTO enrollment (learner_id, school_id, school_year, grade_level, strand,
                             admission_basis, status, categories, enrolled_on, first_attendance,
                             left_on, data_source, created_by)
     SELECT learner_id, school_id, $1, grade_level, strand, admission_basis, status, categories,
            $2, $3, CASE WHEN status = 'DROPPED_OUT' THEN $4::date END, data_source, $5
     FROM step_new`,
    [step.to, step.enrolledOn, step.opening, step.leftOn, step.createdBy],
  );
  await manager.query(
    `INSERT INTO learner_school (learner_id, school_id, reason)
     SELECT DISTINCT learner_id, school_id, 'ENROLLED' FROM step_new
     ON CONFLICT DO NOTHING`,
  );
  if (superuser) await manager.query('SET LOCAL session_replication_role = origin');
  for (const t of triggers) await manager.query(`ALTER TABLE enrollment ENABLE TRIGGER ${t}`);
  await manager.query(
    `INSERT INTO enrollment_rollup_delta (region_id, division_id, school_id, school_year, sector,
       grade_level, strand, sex, status, categories, learners, moved_in, transferred_in,
       transferred_out, learners_key_sum, moved_in_key_sum, transferred_in_key_sum,
       transferred_out_key_sum)
     SELECT s.region_id, s.division_id, s.id, $1, s.sector, n.grade_level, coalesce(n.strand, ''),
            l.sex, n.status,
            enrollment_category_mask(l.is_indigenous, l.special_needs, l.is_four_ps, n.categories),
            count(*), 0, 0, 0, sum(l.record_key), 0, 0, 0
     FROM step_new n JOIN learner l ON l.id = n.learner_id JOIN school s ON s.id = n.school_id
     GROUP BY s.region_id, s.division_id, s.id, s.sector, n.grade_level, n.strand, l.sex, n.status,
              enrollment_category_mask(l.is_indigenous, l.special_needs, l.is_four_ps, n.categories)`,
    [step.to],
  );
  const [{ n }] = (await manager.query<{ n: number }[]>(
    'SELECT count(*)::int AS n FROM step_new',
  )) as [{ n: number }];
  return n;
}
