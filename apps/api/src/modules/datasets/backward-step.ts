// The backward step of a multi-year load (issue 22), the mirror of the forward one: where the
// enrolled learners of a school year were the year before (the grade below, the same grade, another
// school, or nowhere: new entrants and Balik-Aral), in SQL, set-based. The learners of the year
// before who are gone by the year (dropouts, Grade 12 completers, ALS transfers) are loaded before,
// as new learners, and marked here.
import { type EntityManager } from 'typeorm';
import { yearFlows } from './flow-rates.js';
import {
  draw,
  enrolledStatuses,
  entryAdmission,
  placement,
  prepareStep,
  type Step,
  withoutFlowTrigger,
  writePlanned,
} from './year-step.js';

// $1 the year before, $2 the year it is made from, $3 the divisions, $4 the seed. Kindergarten
// learners are new entrants but for its repeaters; a Balik-Aral learner was absent.
const plan = `CREATE TEMP TABLE step_plan ON COMMIT DROP AS
  WITH src AS MATERIALIZED (
    SELECT e.learner_id, e.school_id, s.division_id, e.grade_level, e.strand, e.data_source,
           ${draw('e.learner_id', '$1', '$4', 'back')} AS u,
           ${draw('e.learner_id', '$1', '$4', 'place')} AS v
    FROM enrollment e JOIN school s ON s.id = e.school_id
    WHERE e.school_year = $2 AND e.status IN ${enrolledStatuses} AND e.data_source IS NOT NULL
      AND s.division_id = ANY ($3) AND NOT ('BALIK_ARAL' = ANY (e.categories))
      AND NOT EXISTS (SELECT 1 FROM enrollment n WHERE n.learner_id = e.learner_id
                                                  AND n.school_year = $1)),
  decided AS MATERIALIZED (
    SELECT src.*, NULL::int AS als_center,
      CASE WHEN src.u < r.repetition THEN 'REPEAT'
           WHEN r.prev IS NULL THEN 'NEW'
           WHEN src.u < r.repetition + coalesce(p.move, 0) THEN 'MOVE'
           ELSE 'PROMOTE' END AS outcome,
      CASE WHEN src.u < r.repetition THEN src.grade_level ELSE r.prev END AS target
    FROM src JOIN step_rate r ON r.grade = src.grade_level
    LEFT JOIN step_rate p ON p.grade = r.prev)
  ${placement}`;

const planned = `INSERT INTO step_new
  SELECT learner_id, to_school, target,
         CASE WHEN target IN ('GRADE_11', 'GRADE_12') THEN to_strand END,
         ${entryAdmission('target')}, 'OFFICIALLY_ENROLLED', '{}'::varchar[], data_source
  FROM step_plan WHERE outcome IN ('REPEAT', 'MOVE', 'PROMOTE')`;

// A Balik-Aral learner of the year after `from` ($4), absent in `from`: in the year before it was
// in the grade it came back to, at its school, and dropped out.
const leftBeforeReturning = `INSERT INTO step_new
  SELECT DISTINCT ON (e.learner_id) e.learner_id, e.school_id, e.grade_level, e.strand,
         ${entryAdmission('e.grade_level')}, 'DROPPED_OUT', '{}'::varchar[], e.data_source
  FROM enrollment e JOIN school s ON s.id = e.school_id
  WHERE e.school_year = $4 AND e.status IN ${enrolledStatuses} AND e.data_source IS NOT NULL
    AND s.division_id = ANY ($3) AND 'BALIK_ARAL' = ANY (e.categories)
    AND e.grade_level IN (SELECT grade FROM step_rate WHERE grade NOT LIKE 'ALS%')
    AND NOT EXISTS (SELECT 1 FROM enrollment n WHERE n.learner_id = e.learner_id
                                                AND n.school_year IN ($1, $2))
  ORDER BY e.learner_id, e.id DESC`;

// The learners of the year before who are in no later year (loaded as new learners for it): in
// Grade 12 completers but for the grade's dropouts and ALS transfers, elsewhere dropouts (some
// marked DROPPED_OUT) or ALS transfers (TRANSFERRED_TO_ALS, where the division has a center).
const markGone = `WITH gone AS (
    SELECT e.id, e.grade_level, r.dropout, r.repetition, r.als, c.school_id AS center,
           ${draw('e.learner_id', '$1', '$4', 'gone')} AS w,
           ${draw('e.learner_id', '$1', '$4', 'mark')} AS m
    FROM enrollment e JOIN school s ON s.id = e.school_id
    JOIN step_rate r ON r.grade = e.grade_level
    LEFT JOIN step_als_center c ON c.division_id = s.division_id
    WHERE e.school_year = $1 AND e.status = 'OFFICIALLY_ENROLLED' AND e.data_source IS NOT NULL
      AND s.division_id = ANY ($3)
      AND NOT EXISTS (SELECT 1 FROM enrollment n WHERE n.learner_id = e.learner_id
                                                  AND n.school_year = $2)),
  shares AS (
    SELECT id, center, w, m,
      CASE WHEN grade_level = 'GRADE_12' THEN dropout / (1 - repetition)
           ELSE dropout / (dropout + als) END AS dropout_share,
      CASE WHEN grade_level = 'GRADE_12' THEN (dropout + als) / (1 - repetition)
           ELSE 1 END AS leaver_share
    FROM gone WHERE dropout + als > 0),
  outcome AS (
    SELECT id, CASE WHEN w >= leaver_share THEN NULL
                    WHEN w >= dropout_share AND center IS NOT NULL THEN 'TRANSFERRED_TO_ALS'
                    WHEN m < $5 THEN 'DROPPED_OUT' END AS status
    FROM shares)
  UPDATE enrollment e SET status = o.status, left_on = $6
  FROM outcome o WHERE o.id = e.id AND o.status IS NOT NULL`;

/**
 * Makes `step.to` (the year before `step.from`) from `step.from`'s enrolled learners, in the
 * caller's transaction; `next` is the year after `from`. Returns the enrolments written.
 */
export async function backwardStep(
  manager: EntityManager,
  step: Step,
  next: string,
): Promise<number> {
  await prepareStep(manager, step);
  const { to, from, divisionIds, seed } = step;
  await manager.query(plan, [to, from, divisionIds, seed]);
  await manager.query(planned);
  await manager.query(leftBeforeReturning, [to, from, divisionIds, next]);
  const written = await writePlanned(manager, step);
  await withoutFlowTrigger(manager, () =>
    manager.query(markGone, [to, from, divisionIds, seed, yearFlows.markedDroppedOut, step.leftOn]),
  );
  return written;
}
