// The forward step of a multi-year load (issue 22): the enrolled learners of a school year carried
// to the next, each to one outcome drawn at its grade's rates (flow-rates.ts), in SQL, set-based;
// and last year's leavers come back (Balik-Aral). New entrants are loaded before, as new learners.
import { type EntityManager } from 'typeorm';
import { yearFlows } from './flow-rates.js';
import {
  draw,
  enrolledStatuses,
  placement,
  prepareStep,
  type Step,
  withoutFlowTrigger,
  writePlanned,
} from './year-step.js';

// $1 the year carried to, $2 the year carried from, $3 the divisions, $4 the seed.
const plan = `CREATE TEMP TABLE step_plan ON COMMIT DROP AS
  WITH src AS MATERIALIZED (
    SELECT e.id AS enrollment_id, e.learner_id, e.school_id, s.division_id, e.grade_level,
           e.strand, e.data_source, ${draw('e.learner_id', '$1', '$4', 'outcome')} AS u,
           ${draw('e.learner_id', '$1', '$4', 'place')} AS v
    FROM enrollment e JOIN school s ON s.id = e.school_id
    WHERE e.school_year = $2 AND e.status IN ${enrolledStatuses} AND e.data_source IS NOT NULL
      AND s.division_id = ANY ($3)
      AND NOT EXISTS (SELECT 1 FROM enrollment n WHERE n.learner_id = e.learner_id
                                                  AND n.school_year = $1)),
  decided AS MATERIALIZED (
    SELECT src.*, c.school_id AS als_center,
      CASE WHEN src.u < r.dropout THEN 'DROPOUT'
           WHEN src.u < r.dropout + r.repetition THEN 'REPEAT'
           WHEN src.u < r.dropout + r.repetition + r.als AND c.school_id IS NOT NULL THEN 'ALS'
           WHEN r.next IS NULL THEN 'LEAVE'
           WHEN src.u < r.dropout + r.repetition + r.als + r.move THEN 'MOVE'
           ELSE 'PROMOTE' END AS outcome,
      CASE WHEN src.u < r.dropout + r.repetition THEN src.grade_level
           WHEN src.u < r.dropout + r.repetition + r.als AND c.school_id IS NOT NULL
             THEN r.als_grade
           ELSE r.next END AS target
    FROM src JOIN step_rate r ON r.grade = src.grade_level
    LEFT JOIN step_als_center c ON c.division_id = src.division_id)
  ${placement}`;

const planned = `INSERT INTO step_new
  SELECT learner_id, to_school, target, to_strand,
    CASE WHEN outcome IN ('ALS', 'MOVE') THEN 'TRANSFEREE' WHEN outcome = 'REPEAT' THEN 'CONTINUING'
         WHEN target IN ('GRADE_1', 'GRADE_7', 'GRADE_11') THEN CASE target
           WHEN 'GRADE_1' THEN 'KINDER_COMPLETED_ACCREDITED' WHEN 'GRADE_7' THEN 'GRADE_6_GRADUATE'
           ELSE 'GRADE_10_COMPLETER' END
         WHEN to_school <> school_id THEN 'TRANSFEREE' ELSE 'CONTINUING' END,
    'OFFICIALLY_ENROLLED', '{}'::varchar[], data_source
  FROM step_plan WHERE outcome IN ('REPEAT', 'ALS', 'MOVE', 'PROMOTE')`;

// Balik-Aral: a learner of the year before `from` ($5) who left (dropped out, not completed nor
// gone to ALS) and was absent in `from`, enrolled again in the grade it left, at its school.
const returning = `INSERT INTO step_new
  SELECT DISTINCT ON (e.learner_id) e.learner_id, e.school_id, e.grade_level, e.strand,
         'BALIK_ARAL', 'OFFICIALLY_ENROLLED', '{BALIK_ARAL}'::varchar[], e.data_source
  FROM enrollment e JOIN school s ON s.id = e.school_id
  WHERE e.school_year = $5 AND e.data_source IS NOT NULL AND s.division_id = ANY ($3)
    AND (e.status = 'DROPPED_OUT' OR e.status IN ${enrolledStatuses})
    AND e.grade_level NOT IN ('GRADE_12', 'ALS_AE_ELEMENTARY', 'ALS_AE_SECONDARY', 'ALS_BLP')
    AND NOT EXISTS (SELECT 1 FROM enrollment n WHERE n.learner_id = e.learner_id
                                                AND n.school_year IN ($1, $2))
    AND ${draw('e.learner_id', '$1', '$4', 'return')} < $6
  ORDER BY e.learner_id, e.id DESC`;

// Some of `from`'s dropouts left during it: marked DROPPED_OUT there (never in the anchor year,
// whose counts are the data set's), through the rollups' row trigger like any status change (the
// flows are recomputed at the end of the load).
const markDropouts = `UPDATE enrollment e SET status = 'DROPPED_OUT', left_on = $3
  FROM step_plan p
  WHERE p.outcome = 'DROPOUT' AND e.id = p.enrollment_id
    AND ${draw('p.learner_id', '$1', '$2', 'mark')} < $4`;

/**
 * Carries `step.from`'s enrolled learners to `step.to` (the year after), in the caller's
 * transaction. `previous` is the year before `from` (for Balik-Aral), `markDropouts` false in the
 * anchor year. Returns the enrolments written.
 */
export async function forwardStep(
  manager: EntityManager,
  step: Step,
  options: { previous: string; markDropouts: boolean },
): Promise<number> {
  await prepareStep(manager, step);
  const { to, from, divisionIds, seed } = step;
  await manager.query(plan, [to, from, divisionIds, seed]);
  await manager.query(planned);
  await manager.query(returning, [
    to,
    from,
    divisionIds,
    seed,
    options.previous,
    yearFlows.balikAralReturn,
  ]);
  const written = await writePlanned(manager, step);
  if (options.markDropouts)
    await withoutFlowTrigger(manager, () =>
      manager.query(markDropouts, [to, seed, step.leftOn, yearFlows.markedDroppedOut]),
    );
  return written;
}
