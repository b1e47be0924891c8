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

-- Each learner's flow row of each school year, from the base tables.
-- (A view's lists are array constants: an IN list of a view reads back from a dump as another text,
-- which a restored database's schema would not match. The enrolment of a learner's year is a CTE,
-- not a view of its own: a view over one table reads back unqualified from PostgreSQL 16 on and
-- qualified before, and the schema dump is compared on both.)
-- The enrolment that counts for a learner in a school year: the active one (temporarily or
-- officially enrolled), else the last that ended (moved out, transferred to ALS, dropped out).
-- Pre-registrations, enrolments awaiting approval and declined ones do not count. Not
-- materialized: each use is planned with its own conditions (one learner's rows on a refresh).
CREATE OR REPLACE VIEW learner_flow_source AS
WITH learner_year AS NOT MATERIALIZED (
  SELECT DISTINCT ON (e.learner_id, e.school_year)
         e.learner_id, e.school_year, e.school_id, e.grade_level, e.status, e.categories
  FROM enrollment e
  WHERE e.status::text = ANY ('{TEMPORARILY_ENROLLED,OFFICIALLY_ENROLLED,MOVED_OUT,TRANSFERRED_TO_ALS,DROPPED_OUT}'::text[])
  ORDER BY e.learner_id, e.school_year,
           (e.status::text = ANY ('{TEMPORARILY_ENROLLED,OFFICIALLY_ENROLLED}'::text[])) DESC, e.id DESC
)
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
FROM learner_year c
JOIN school s ON s.id = c.school_id
JOIN learner l ON l.id = c.learner_id
LEFT JOIN learner_year n
  ON n.learner_id = c.learner_id AND n.school_year = school_year_after(c.school_year)
WHERE flow_grade_rank(c.grade_level) IS NOT NULL;

CREATE OR REPLACE FUNCTION learner_flow_emit(f learner_flow, p_sign int) RETURNS void
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

-- A delta's learners by count, and the sums of their record keys: the cohort; the outcome's count;
-- the promoted and repeating at another school; the survived. What each count of learnerFlows
-- takes is the domain's table (flowMeasureRules, packages/domain/src/flows.ts), and
-- learner-flow-counts.test.ts holds this function to it. The rollups keep these counts, so a
-- question sums a few columns over a row per place, year, sector, grade and sex (and category mask)
-- instead of a row per outcome as well.
CREATE OR REPLACE FUNCTION learner_flow_counts(p_outcome varchar, p_other_school boolean,
  p_survived boolean, p_learners int, p_key_sum bigint)
RETURNS TABLE (cohort int, cohort_key_sum bigint, promoted int, promoted_key_sum bigint,
  repeated int, repeated_key_sum bigint, completed int, completed_key_sum bigint,
  transferred_to_als int, transferred_to_als_key_sum bigint, not_enrolled int,
  not_enrolled_key_sum bigint, other_school int, other_school_key_sum bigint, survived int,
  survived_key_sum bigint)
LANGUAGE sql IMMUTABLE AS $$
  SELECT p_learners, p_key_sum,
         CASE WHEN p_outcome = 'PROMOTED' THEN p_learners ELSE 0 END,
         CASE WHEN p_outcome = 'PROMOTED' THEN p_key_sum ELSE 0 END,
         CASE WHEN p_outcome = 'REPEATED' THEN p_learners ELSE 0 END,
         CASE WHEN p_outcome = 'REPEATED' THEN p_key_sum ELSE 0 END,
         CASE WHEN p_outcome = 'COMPLETED' THEN p_learners ELSE 0 END,
         CASE WHEN p_outcome = 'COMPLETED' THEN p_key_sum ELSE 0 END,
         CASE WHEN p_outcome = 'TRANSFERRED_TO_ALS' THEN p_learners ELSE 0 END,
         CASE WHEN p_outcome = 'TRANSFERRED_TO_ALS' THEN p_key_sum ELSE 0 END,
         CASE WHEN p_outcome = 'NOT_ENROLLED' THEN p_learners ELSE 0 END,
         CASE WHEN p_outcome = 'NOT_ENROLLED' THEN p_key_sum ELSE 0 END,
         CASE WHEN p_other_school THEN p_learners ELSE 0 END,
         CASE WHEN p_other_school THEN p_key_sum ELSE 0 END,
         CASE WHEN p_survived THEN p_learners ELSE 0 END,
         CASE WHEN p_survived THEN p_key_sum ELSE 0 END
$$;

-- Folds the committed deltas into the school, division and region rollups in one statement, each
-- in two shapes: with the category mask, and brief (without it: a sixth of the rows, for the
-- questions that neither group nor filter by category). The statement is written from the list of
-- counts and shapes below (six INSERT ... ON CONFLICT alike but for their keys), and only when
-- there are deltas. One applier at a time; the others return at once.
CREATE OR REPLACE FUNCTION apply_learner_flow_deltas() RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  v_count integer;
  v_counts text[] := ARRAY['cohort', 'promoted', 'repeated', 'completed', 'transferred_to_als',
                           'not_enrolled', 'other_school', 'survived'];
  v_columns text;
  v_sums text;
  v_sets text;
  v_folds text;
BEGIN
  IF NOT pg_try_advisory_xact_lock(hashtext('apply_learner_flow_deltas')) THEN
    RETURN 0;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM learner_flow_delta) THEN
    RETURN 0;
  END IF;
  SELECT string_agg(format('%1$I, %2$I', c, c || '_key_sum'), ', '),
         string_agg(format('sum(%1$I)::int, sum(%2$I)::bigint', c, c || '_key_sum'), ', '),
         string_agg(format('%1$I = t.%1$I + excluded.%1$I, %2$I = t.%2$I + excluded.%2$I',
                           c, c || '_key_sum'), ', ')
  INTO v_columns, v_sums, v_sets
  FROM unnest(v_counts) c;
  SELECT string_agg(format(
           'g%s AS (INSERT INTO %I AS t (%s, %s) SELECT %s, %s FROM c GROUP BY %s '
           'ON CONFLICT (%s) DO UPDATE SET %s)',
           n, 'learner_flow_rollup_' || grain || shape, keys, v_columns, keys, v_sums, keys,
           conflict, v_sets), ', ')
  INTO v_folds
  FROM (SELECT row_number() OVER () AS n, g.grain, sh.shape,
               g.places || ', school_year, sector, grade_level, sex' || sh.extra AS keys,
               g.grain || '_id, school_year, sector, grade_level, sex' || sh.extra AS conflict
        FROM (VALUES ('school', 'school_id, region_id, division_id'),
                     ('division', 'division_id, region_id'),
                     ('region', 'region_id')) g(grain, places)
        CROSS JOIN (VALUES ('', ', categories'), ('_brief', '')) sh(shape, extra)) f;
  EXECUTE 'WITH d AS (DELETE FROM learner_flow_delta RETURNING *), '
          'c AS (SELECT d.region_id, d.division_id, d.school_id, d.school_year, d.sector, '
          'd.grade_level, d.sex, d.categories, k.* FROM d CROSS JOIN LATERAL '
          'learner_flow_counts(d.outcome, d.other_school, d.survived, d.learners, '
          'd.learners_key_sum) k), ' || v_folds || ' SELECT count(*)::int FROM d'
  INTO v_count;
  RETURN v_count;
END $$;

REVOKE ALL ON FUNCTION learner_flow_emit(learner_flow, int) FROM PUBLIC;
REVOKE ALL ON FUNCTION refresh_learner_flow(bigint) FROM PUBLIC;
REVOKE ALL ON FUNCTION refresh_learner_flows(bigint, bigint) FROM PUBLIC;
REVOKE ALL ON FUNCTION apply_learner_flow_deltas() FROM PUBLIC;
