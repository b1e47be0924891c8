import { type MigrationInterface, type QueryRunner } from 'typeorm';

// Learner flows from one school year to the next (issue 22): each learner's row per year, the
// deltas and the school, division and region rollups; the functions and triggers as in
// db/sql/learner-flow.sql. Existing enrolments are counted at once.

const key = `"school_year" varchar(9) NOT NULL, "sector" varchar(10) NOT NULL,
  "grade_level" varchar(24) NOT NULL, "sex" varchar(6) NOT NULL, "categories" smallint NOT NULL,
  "outcome" varchar(20) NOT NULL, "other_school" boolean NOT NULL, "survived" boolean NOT NULL`;
const measures = `"learners" integer NOT NULL, "learners_key_sum" bigint NOT NULL`;
const keyColumns =
  'school_year, sector, grade_level, sex, categories, outcome, other_school, survived';
const briefKey = `"school_year" varchar(9) NOT NULL, "sector" varchar(10) NOT NULL,
  "grade_level" varchar(24) NOT NULL, "sex" varchar(6) NOT NULL,
  "outcome" varchar(20) NOT NULL, "other_school" boolean NOT NULL, "survived" boolean NOT NULL`;
const briefColumns = 'school_year, sector, grade_level, sex, outcome, other_school, survived';

/** The rollups as this migration made them (a later migration's `down` makes them again). */
export const learnerFlowRollupTables = [
  `CREATE TABLE "learner_flow_rollup_school" (
      "region_id" smallint NOT NULL, "division_id" smallint NOT NULL, "school_id" integer NOT NULL,
      ${key}, ${measures}, PRIMARY KEY ("school_id", ${keyColumns}))`,
  `CREATE TABLE "learner_flow_rollup_division" (
      "region_id" smallint NOT NULL, "division_id" smallint NOT NULL, ${key}, ${measures},
      PRIMARY KEY ("division_id", ${keyColumns}))`,
  `CREATE TABLE "learner_flow_rollup_region" (
      "region_id" smallint NOT NULL, ${key}, ${measures},
      PRIMARY KEY ("region_id", ${keyColumns}))`,
  'CREATE INDEX "IDX_learner_flow_rollup_school_year_division" ON "learner_flow_rollup_school" ("school_year", "division_id")',
  'CREATE INDEX "IDX_learner_flow_rollup_division_year_region" ON "learner_flow_rollup_division" ("school_year", "region_id")',
  'CREATE INDEX "IDX_learner_flow_rollup_region_year" ON "learner_flow_rollup_region" ("school_year")',
  // The brief shape: without the category mask.
  `CREATE TABLE "learner_flow_rollup_school_brief" (
      "region_id" smallint NOT NULL, "division_id" smallint NOT NULL, "school_id" integer NOT NULL,
      ${briefKey}, ${measures}, PRIMARY KEY ("school_id", ${briefColumns}))`,
  `CREATE TABLE "learner_flow_rollup_division_brief" (
      "region_id" smallint NOT NULL, "division_id" smallint NOT NULL, ${briefKey}, ${measures},
      PRIMARY KEY ("division_id", ${briefColumns}))`,
  `CREATE TABLE "learner_flow_rollup_region_brief" (
      "region_id" smallint NOT NULL, ${briefKey}, ${measures},
      PRIMARY KEY ("region_id", ${briefColumns}))`,
  'CREATE INDEX "IDX_learner_flow_rollup_school_brief_year_division" ON "learner_flow_rollup_school_brief" ("school_year", "division_id")',
  'CREATE INDEX "IDX_learner_flow_rollup_division_brief_year_region" ON "learner_flow_rollup_division_brief" ("school_year", "region_id")',
  'CREATE INDEX "IDX_learner_flow_rollup_region_brief_year" ON "learner_flow_rollup_region_brief" ("school_year")',
];

const tables = [
  `CREATE TABLE "learner_flow" (
      "learner_id" bigint NOT NULL, "school_year" varchar(9) NOT NULL, "region_id" smallint NOT NULL,
      "division_id" smallint NOT NULL, "school_id" integer NOT NULL, "sector" varchar(10) NOT NULL,
      "grade_level" varchar(24) NOT NULL, "sex" varchar(6) NOT NULL, "categories" smallint NOT NULL,
      "record_key" smallint NOT NULL, "outcome" varchar(20) NOT NULL, "other_school" boolean NOT NULL,
      "survived" boolean NOT NULL,
      PRIMARY KEY ("learner_id", "school_year"))`,
  `CREATE TABLE "learner_flow_delta" (
      "id" BIGSERIAL PRIMARY KEY, "region_id" smallint NOT NULL, "division_id" smallint NOT NULL,
      "school_id" integer NOT NULL, ${key}, ${measures})`,
  ...learnerFlowRollupTables,
];

/** The views as this migration made them (a later migration's `down` makes them again). */
export const learnerFlowViews = `-- (A view's lists are array constants: an IN list of a view reads back from a dump as another text,
-- which a restored database's schema would not match.)
-- The enrolment that counts for a learner in a school year: the active one (temporarily or
-- officially enrolled), else the last that ended (moved out, transferred to ALS, dropped out).
-- Pre-registrations, enrolments awaiting approval and declined ones do not count.
CREATE OR REPLACE VIEW learner_year_enrollment AS
SELECT DISTINCT ON (e.learner_id, e.school_year)
       e.learner_id, e.school_year, e.school_id, e.grade_level, e.status, e.categories
FROM enrollment e
WHERE e.status::text = ANY ('{TEMPORARILY_ENROLLED,OFFICIALLY_ENROLLED,MOVED_OUT,TRANSFERRED_TO_ALS,DROPPED_OUT}'::text[])
ORDER BY e.learner_id, e.school_year,
         (e.status::text = ANY ('{TEMPORARILY_ENROLLED,OFFICIALLY_ENROLLED}'::text[])) DESC, e.id DESC;

-- Each learner's flow row of each school year, from the base tables.
CREATE OR REPLACE VIEW learner_flow_source AS
SELECT c.learner_id, c.school_year, s.region_id, s.division_id, c.school_id, s.sector,
       c.grade_level, l.sex,
       enrollment_category_mask(l.is_indigenous, l.special_needs, l.is_four_ps, c.categories)
         AS categories,
       l.record_key,
       (CASE
          WHEN n.learner_id IS NULL THEN
            CASE WHEN c.status = 'TRANSFERRED_TO_ALS' THEN 'TRANSFERRED_TO_ALS'
                 WHEN c.grade_level = 'GRADE_12' AND c.status <> 'DROPPED_OUT' THEN 'COMPLETED'
                 ELSE 'NOT_ENROLLED' END
          WHEN n.grade_level LIKE 'ALS%' THEN 'TRANSFERRED_TO_ALS'
          WHEN flow_grade_rank(n.grade_level) > flow_grade_rank(c.grade_level) THEN 'PROMOTED'
          ELSE 'REPEATED'
        END)::varchar(20) AS outcome,
       coalesce(n.school_id <> c.school_id AND school_offers_grade(s, n.grade_level), false)
         AS other_school,
       (c.grade_level::text = ANY ('{GRADE_1,GRADE_7}'::text[]) AND EXISTS (
          SELECT 1 FROM enrollment r
          WHERE r.learner_id = c.learner_id AND r.school_year > c.school_year
            AND r.grade_level = CASE c.grade_level WHEN 'GRADE_1' THEN 'GRADE_6' ELSE 'GRADE_10' END
            AND r.status::text = ANY ('{TEMPORARILY_ENROLLED,OFFICIALLY_ENROLLED,MOVED_OUT,TRANSFERRED_TO_ALS,DROPPED_OUT}'::text[])))
         AS survived
FROM learner_year_enrollment c
JOIN school s ON s.id = c.school_id
JOIN learner l ON l.id = c.learner_id
LEFT JOIN learner_year_enrollment n
  ON n.learner_id = c.learner_id AND n.school_year = school_year_after(c.school_year)
WHERE flow_grade_rank(c.grade_level) IS NOT NULL;

`;

/** The applier as this migration made it (a later migration's `down` makes it again). */
export const learnerFlowApply = `-- Folds the committed deltas into the school, division and region rollups in one statement, each
-- in two shapes: with the category mask, and brief (without it: a sixth of the rows, for the
-- questions that neither group nor filter by category). One applier at a time; the others return
-- at once.
CREATE OR REPLACE FUNCTION apply_learner_flow_deltas() RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  v_count integer;
BEGIN
  IF NOT pg_try_advisory_xact_lock(hashtext('apply_learner_flow_deltas')) THEN
    RETURN 0;
  END IF;
  WITH d AS (DELETE FROM learner_flow_delta RETURNING *),
  g0 AS (
    INSERT INTO learner_flow_rollup_school AS t (school_id, region_id, division_id, school_year,
      sector, grade_level, sex, categories, outcome, other_school, survived, learners, learners_key_sum)
    SELECT school_id, region_id, division_id, school_year, sector, grade_level, sex, categories,
           outcome, other_school, survived, sum(learners)::int, sum(learners_key_sum)::bigint
    FROM d GROUP BY school_id, region_id, division_id, school_year, sector, grade_level, sex,
                    categories, outcome, other_school, survived
    ON CONFLICT (school_id, school_year, sector, grade_level, sex, categories, outcome, other_school, survived)
    DO UPDATE SET learners = t.learners + excluded.learners,
                  learners_key_sum = t.learners_key_sum + excluded.learners_key_sum),
  g1 AS (
    INSERT INTO learner_flow_rollup_division AS t (division_id, region_id, school_year, sector,
      grade_level, sex, categories, outcome, other_school, survived, learners, learners_key_sum)
    SELECT division_id, region_id, school_year, sector, grade_level, sex, categories, outcome,
           other_school, survived, sum(learners)::int, sum(learners_key_sum)::bigint
    FROM d GROUP BY division_id, region_id, school_year, sector, grade_level, sex, categories,
                    outcome, other_school, survived
    ON CONFLICT (division_id, school_year, sector, grade_level, sex, categories, outcome, other_school, survived)
    DO UPDATE SET learners = t.learners + excluded.learners,
                  learners_key_sum = t.learners_key_sum + excluded.learners_key_sum),
  g2 AS (
    INSERT INTO learner_flow_rollup_region AS t (region_id, school_year, sector, grade_level, sex,
      categories, outcome, other_school, survived, learners, learners_key_sum)
    SELECT region_id, school_year, sector, grade_level, sex, categories, outcome, other_school, survived,
           sum(learners)::int, sum(learners_key_sum)::bigint
    FROM d GROUP BY region_id, school_year, sector, grade_level, sex, categories, outcome,
                    other_school, survived
    ON CONFLICT (region_id, school_year, sector, grade_level, sex, categories, outcome, other_school, survived)
    DO UPDATE SET learners = t.learners + excluded.learners,
                  learners_key_sum = t.learners_key_sum + excluded.learners_key_sum),
  g3 AS (
    INSERT INTO learner_flow_rollup_school_brief AS t (school_id, region_id, division_id, school_year,
      sector, grade_level, sex, outcome, other_school, survived, learners, learners_key_sum)
    SELECT school_id, region_id, division_id, school_year, sector, grade_level, sex,
           outcome, other_school, survived, sum(learners)::int, sum(learners_key_sum)::bigint
    FROM d GROUP BY school_id, region_id, division_id, school_year, sector, grade_level, sex,
                    outcome, other_school, survived
    ON CONFLICT (school_id, school_year, sector, grade_level, sex, outcome, other_school, survived)
    DO UPDATE SET learners = t.learners + excluded.learners,
                  learners_key_sum = t.learners_key_sum + excluded.learners_key_sum),
  g4 AS (
    INSERT INTO learner_flow_rollup_division_brief AS t (division_id, region_id, school_year, sector,
      grade_level, sex, outcome, other_school, survived, learners, learners_key_sum)
    SELECT division_id, region_id, school_year, sector, grade_level, sex, outcome,
           other_school, survived, sum(learners)::int, sum(learners_key_sum)::bigint
    FROM d GROUP BY division_id, region_id, school_year, sector, grade_level, sex,
                    outcome, other_school, survived
    ON CONFLICT (division_id, school_year, sector, grade_level, sex, outcome, other_school, survived)
    DO UPDATE SET learners = t.learners + excluded.learners,
                  learners_key_sum = t.learners_key_sum + excluded.learners_key_sum),
  g5 AS (
    INSERT INTO learner_flow_rollup_region_brief AS t (region_id, school_year, sector, grade_level, sex,
      outcome, other_school, survived, learners, learners_key_sum)
    SELECT region_id, school_year, sector, grade_level, sex, outcome, other_school, survived,
           sum(learners)::int, sum(learners_key_sum)::bigint
    FROM d GROUP BY region_id, school_year, sector, grade_level, sex, outcome,
                    other_school, survived
    ON CONFLICT (region_id, school_year, sector, grade_level, sex, outcome, other_school, survived)
    DO UPDATE SET learners = t.learners + excluded.learners,
                  learners_key_sum = t.learners_key_sum + excluded.learners_key_sum)
  SELECT count(*) INTO v_count FROM d;
  RETURN v_count;
END $$;

`;

/** The same text as db/sql/learner-flow.sql. */
const functions = `
-- Learner flows from one school year to the next (issue 22; docs/indicators.md), counted by LRN.
-- The current definition; migrations hold its history (LearnerFlows). To change it, edit it here and
-- add a migration that applies the same text (see README.md).

-- Every learner enrolled in a grade (Kindergarten to Grade 12) in a school year t is followed to the
-- enrolment that counts for it in t + 1, which gives it one outcome: PROMOTED (a higher grade, at any
-- school), REPEATED (the same grade or a lower one), TRANSFERRED_TO_ALS (an ALS program in t + 1,
-- or TRANSFERRED_TO_ALS in t and nothing in t + 1), COMPLETED (Grade 12 in t, not
-- dropped out, no enrolment in t + 1), NOT_ENROLLED (no enrolment in t + 1: the dropout of the
-- indicators). other_school marks the promoted and repeating who left a school that offers the
-- grade they are in now (a move, not a dropout); survived marks a Grade 1 learner of t who has been
-- enrolled in Grade 6 since, and a Grade 7 learner who has been in Grade 10 (cohort survival,
-- repeaters counted when they reach it). learner_flow keeps each learner's row per year;
-- every enrolment written recomputes the rows of its year and the year before, and the change
-- (-1 for the row as it was, +1 as it is, with its record key for the cell-key method) goes to
-- learner_flow_delta, which apply_learner_flow_deltas() folds into the school, division and region
-- rollups, as the enrollment rollups are kept.

CREATE OR REPLACE FUNCTION school_year_after(p_year varchar) RETURNS varchar
LANGUAGE sql IMMUTABLE AS $$
  SELECT split_part(p_year, '-', 2) || '-' || (split_part(p_year, '-', 2)::int + 1)
$$;

CREATE OR REPLACE FUNCTION school_year_before(p_year varchar) RETURNS varchar
LANGUAGE sql IMMUTABLE AS $$
  SELECT (split_part(p_year, '-', 1)::int - 1) || '-' || split_part(p_year, '-', 1)
$$;

-- Kindergarten 0, Grades 1 to 12 their number; null for the ungraded and ALS levels.
CREATE OR REPLACE FUNCTION flow_grade_rank(p_grade varchar) RETURNS int
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN p_grade = 'KINDER' THEN 0
              WHEN p_grade ~ '^GRADE_[0-9]+$' THEN substr(p_grade, 7)::int END
$$;

-- Whether a school offers a grade's level (its curricular offering).
CREATE OR REPLACE FUNCTION school_offers_grade(s school, p_grade varchar) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN flow_grade_rank(p_grade) = 0 THEN s.offers_kinder
              WHEN flow_grade_rank(p_grade) BETWEEN 1 AND 6 THEN s.offers_elementary
              WHEN flow_grade_rank(p_grade) BETWEEN 7 AND 10 THEN s.offers_junior_high
              WHEN flow_grade_rank(p_grade) BETWEEN 11 AND 12 THEN s.offers_senior_high
              ELSE false END
$$;

${learnerFlowViews}CREATE OR REPLACE FUNCTION learner_flow_emit(f learner_flow, p_sign int) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
  INSERT INTO learner_flow_delta (region_id, division_id, school_id, school_year, sector, grade_level,
    sex, categories, outcome, other_school, survived, learners, learners_key_sum)
  VALUES (f.region_id, f.division_id, f.school_id, f.school_year, f.sector, f.grade_level, f.sex,
          f.categories, f.outcome, f.other_school, f.survived, p_sign, p_sign * f.record_key)
$$;

-- One learner's rows of every year recomputed (an enrolment changes the outcome of the year before
-- and the survival of its Grade 1 and Grade 7 years); each change appended to the deltas. One
-- refresh of a learner at a time (two enrolments of one learner written at once wait here).
-- Planned once per session for any learner (a custom plan of the view, re-planned on each of a
-- session's first five calls, took 14 ms to plan and 1 ms to run).
CREATE OR REPLACE FUNCTION refresh_learner_flow(p_learner bigint) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
SET plan_cache_mode = force_generic_plan AS $$
DECLARE
  f learner_flow%ROWTYPE;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('learner_flow'), (p_learner % 2147483647)::int);
  FOR f IN SELECT * FROM learner_flow WHERE learner_id = p_learner
           EXCEPT SELECT * FROM learner_flow_source WHERE learner_id = p_learner LOOP
    DELETE FROM learner_flow WHERE learner_id = p_learner AND school_year = f.school_year;
    PERFORM learner_flow_emit(f, -1);
  END LOOP;
  FOR f IN SELECT * FROM learner_flow_source WHERE learner_id = p_learner
           EXCEPT SELECT * FROM learner_flow WHERE learner_id = p_learner LOOP
    INSERT INTO learner_flow SELECT f.*;
    PERFORM learner_flow_emit(f, 1);
  END LOOP;
END $$;

-- An enrolment written: its learner's rows (the learner it was of and the one it is of, when a
-- merge moves it).
CREATE OR REPLACE FUNCTION enrollment_flow_track() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  v_learner bigint;
BEGIN
  IF TG_OP = 'UPDATE' AND
     (OLD.learner_id, OLD.school_id, OLD.school_year, OLD.grade_level, OLD.status, OLD.categories)
     IS NOT DISTINCT FROM
     (NEW.learner_id, NEW.school_id, NEW.school_year, NEW.grade_level, NEW.status, NEW.categories) THEN
    RETURN NULL;
  END IF;
  -- A pre-registration, or an enrolment awaiting approval or declined, changes no flow.
  IF NOT ((TG_OP <> 'INSERT' AND OLD.status IN ('TEMPORARILY_ENROLLED', 'OFFICIALLY_ENROLLED',
                                                'MOVED_OUT', 'TRANSFERRED_TO_ALS', 'DROPPED_OUT'))
          OR (TG_OP <> 'DELETE' AND NEW.status IN ('TEMPORARILY_ENROLLED', 'OFFICIALLY_ENROLLED',
                                                   'MOVED_OUT', 'TRANSFERRED_TO_ALS', 'DROPPED_OUT'))) THEN
    RETURN NULL;
  END IF;
  FOR v_learner IN
    SELECT DISTINCT k.learner_id
    FROM (SELECT OLD.learner_id WHERE TG_OP <> 'INSERT'
          UNION ALL SELECT NEW.learner_id WHERE TG_OP <> 'DELETE') AS k(learner_id)
    ORDER BY 1
  LOOP
    PERFORM refresh_learner_flow(v_learner);
  END LOOP;
  RETURN NULL;
END $$;

CREATE OR REPLACE TRIGGER "enrollment_flow" AFTER INSERT OR UPDATE OR DELETE ON "enrollment"
FOR EACH ROW EXECUTE FUNCTION enrollment_flow_track();

-- A learner's sex or categories changed: every year of its rows.
CREATE OR REPLACE FUNCTION learner_flow_track() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM refresh_learner_flow(NEW.id);
  RETURN NULL;
END $$;

CREATE OR REPLACE TRIGGER "learner_flow"
AFTER UPDATE OF sex, is_indigenous, special_needs, is_four_ps, record_key ON "learner" FOR EACH ROW
WHEN ((OLD.sex, OLD.is_indigenous, OLD.special_needs, OLD.is_four_ps, OLD.record_key)
      IS DISTINCT FROM (NEW.sex, NEW.is_indigenous, NEW.special_needs, NEW.is_four_ps, NEW.record_key))
EXECUTE FUNCTION learner_flow_track();

-- The rows of the learners with ids from p_first to p_last recomputed in a few statements, their
-- changes appended to the deltas grouped: for loads, which write enrolments with this trigger off
-- (at millions of learners, one statement instead of a trigger per row). Returns the rows written.
CREATE OR REPLACE FUNCTION refresh_learner_flows(p_first bigint, p_last bigint) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  v_count bigint;
BEGIN
  WITH o AS (DELETE FROM learner_flow WHERE learner_id BETWEEN p_first AND p_last RETURNING *)
  INSERT INTO learner_flow_delta (region_id, division_id, school_id, school_year, sector, grade_level,
    sex, categories, outcome, other_school, survived, learners, learners_key_sum)
  SELECT region_id, division_id, school_id, school_year, sector, grade_level, sex, categories,
         outcome, other_school, survived, -count(*)::int, -sum(record_key)::bigint
  FROM o GROUP BY region_id, division_id, school_id, school_year, sector, grade_level, sex,
                  categories, outcome, other_school, survived;
  WITH n AS (INSERT INTO learner_flow
             SELECT * FROM learner_flow_source WHERE learner_id BETWEEN p_first AND p_last
             RETURNING *),
  d AS (INSERT INTO learner_flow_delta (region_id, division_id, school_id, school_year, sector,
          grade_level, sex, categories, outcome, other_school, survived, learners, learners_key_sum)
        SELECT region_id, division_id, school_id, school_year, sector, grade_level, sex, categories,
               outcome, other_school, survived, count(*)::int, sum(record_key)::bigint
        FROM n GROUP BY region_id, division_id, school_id, school_year, sector, grade_level, sex,
                        categories, outcome, other_school, survived
        RETURNING learners)
  SELECT coalesce(sum(learners), 0) INTO v_count FROM d;
  RETURN v_count;
END $$;

${learnerFlowApply}REVOKE ALL ON FUNCTION learner_flow_emit(learner_flow, int) FROM PUBLIC;
REVOKE ALL ON FUNCTION refresh_learner_flow(bigint) FROM PUBLIC;
REVOKE ALL ON FUNCTION refresh_learner_flows(bigint, bigint) FROM PUBLIC;
REVOKE ALL ON FUNCTION apply_learner_flow_deltas() FROM PUBLIC;
`;

export class LearnerFlows1796600000000 implements MigrationInterface {
  name = 'LearnerFlows1796600000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of tables) await queryRunner.query(statement);
    await queryRunner.query(functions);
    await queryRunner.query(
      'SELECT refresh_learner_flows(min(id), max(id)) FROM learner HAVING count(*) > 0',
    );
    await queryRunner.query('SELECT apply_learner_flow_deltas()');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER "learner_flow" ON "learner"');
    await queryRunner.query('DROP TRIGGER "enrollment_flow" ON "enrollment"');
    for (const fn of [
      'apply_learner_flow_deltas()',
      'refresh_learner_flows(bigint, bigint)',
      'learner_flow_track()',
      'enrollment_flow_track()',
      'refresh_learner_flow(bigint)',
      'learner_flow_emit(learner_flow, int)',
    ])
      await queryRunner.query(`DROP FUNCTION ${fn}`);
    await queryRunner.query('DROP VIEW learner_flow_source');
    await queryRunner.query('DROP VIEW learner_year_enrollment');
    for (const fn of [
      'school_offers_grade(school, varchar)',
      'flow_grade_rank(varchar)',
      'school_year_before(varchar)',
      'school_year_after(varchar)',
    ])
      await queryRunner.query(`DROP FUNCTION ${fn}`);
    for (const table of ['region', 'division', 'school'])
      for (const shape of ['', '_brief'])
        await queryRunner.query(`DROP TABLE "learner_flow_rollup_${table}${shape}"`);
    await queryRunner.query('DROP TABLE "learner_flow_delta"');
    await queryRunner.query('DROP TABLE "learner_flow"');
  }
}
