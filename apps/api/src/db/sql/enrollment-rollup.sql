-- Live rollups of enrollment (issue 6), with the record keys of the cell-key method (issue 18).
-- The current definition; migrations hold its history (EnrollmentRollup, EnrollmentRollupBrief,
-- EnrollmentRollupShapes, CellKeys, EnrollmentApproval). To change it, edit it here and
-- add a migration that applies the same text (see README.md).

-- Every write to an enrollment, and every change of a learner's sex or categories, appends its
-- effect (-1 for the row as it was, +1 as it is) to enrollment_rollup_delta in the same transaction,
-- by trigger; apply_enrollment_rollup_deltas() folds the committed deltas into every shape and place
-- grain in one statement. Categories are a bit mask (IP 1, SPED 2, BALIK_ARAL 4, OSY 8, OSC 16,
-- FOUR_PS 32): IP, SPED and 4Ps belong to the learner, the others to the enrollment (SPEC §3).
-- Beside each count, every delta and rollup row carries the sum of the counted learners' record
-- keys (learners_key_sum, …): a cell's key for the cell-key method is that sum modulo 256
-- (@repo/domain/cell-key; ONS census 2021, ABS TableBuilder).

-- A learner's record key (learner.record_key's default): fixed once, uniform from 0 to 255, from a
-- strong random source (the first byte of a version 4 UUID is random).
CREATE OR REPLACE FUNCTION new_record_key() RETURNS smallint LANGUAGE sql VOLATILE AS $$
  SELECT get_byte(uuid_send(gen_random_uuid()), 0)::smallint
$$;

CREATE OR REPLACE FUNCTION enrollment_category_mask(p_is_indigenous boolean, p_special_needs varchar[],
                                                    p_is_four_ps boolean, p_categories varchar[])
RETURNS smallint LANGUAGE sql IMMUTABLE AS $$
  SELECT ((CASE WHEN p_is_indigenous THEN 1 ELSE 0 END)
        | (CASE WHEN cardinality(p_special_needs) > 0 THEN 2 ELSE 0 END)
        | (CASE WHEN 'BALIK_ARAL' = ANY (p_categories) THEN 4 ELSE 0 END)
        | (CASE WHEN 'OSY' = ANY (p_categories) THEN 8 ELSE 0 END)
        | (CASE WHEN 'OSC' = ANY (p_categories) THEN 16 ELSE 0 END)
        | (CASE WHEN p_is_four_ps THEN 32 ELSE 0 END))::smallint
$$;

-- One enrollment's effect, with the learner's attributes given (the learner trigger passes the old
-- ones for the -1), its record key among them. An enrolment awaiting the school head's approval, or
-- declined by the head (issue 21, §V.D), is no learner of the school: it has no effect, and its
-- approval adds the learner as a new row would.
DROP FUNCTION IF EXISTS enrollment_rollup_emit(enrollment, varchar, boolean, varchar[], boolean, int);
CREATE OR REPLACE FUNCTION enrollment_rollup_emit(e enrollment, p_sex varchar, p_is_indigenous boolean,
                                                  p_special_needs varchar[], p_is_four_ps boolean,
                                                  p_record_key int, p_sign int)
RETURNS void LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
  INSERT INTO enrollment_rollup_delta (region_id, division_id, school_id, school_year, sector,
    grade_level, strand, sex, status, categories, learners, moved_in, transferred_in, transferred_out,
    learners_key_sum, moved_in_key_sum, transferred_in_key_sum, transferred_out_key_sum)
  SELECT s.region_id, s.division_id, s.id, e.school_year, s.sector, e.grade_level,
         coalesce(e.strand, ''), p_sex, e.status,
         enrollment_category_mask(p_is_indigenous, p_special_needs, p_is_four_ps, e.categories),
         p_sign, p_sign * e.moved_in::int, p_sign * e.transferred_in::int,
         p_sign * e.transferred_out::int, p_sign * p_record_key,
         p_sign * p_record_key * e.moved_in::int, p_sign * p_record_key * e.transferred_in::int,
         p_sign * p_record_key * e.transferred_out::int
  FROM school s WHERE s.id = e.school_id AND e.status NOT IN ('AWAITING_APPROVAL', 'DECLINED')
$$;

CREATE OR REPLACE FUNCTION enrollment_rollup_track() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  l learner%ROWTYPE;
BEGIN
  IF TG_OP = 'UPDATE' AND
     (OLD.learner_id, OLD.school_id, OLD.school_year, OLD.grade_level, OLD.strand, OLD.status,
      OLD.categories, OLD.moved_in, OLD.transferred_in, OLD.transferred_out)
     IS NOT DISTINCT FROM
     (NEW.learner_id, NEW.school_id, NEW.school_year, NEW.grade_level, NEW.strand, NEW.status,
      NEW.categories, NEW.moved_in, NEW.transferred_in, NEW.transferred_out) THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    SELECT * INTO l FROM learner WHERE id = OLD.learner_id;
    PERFORM enrollment_rollup_emit(OLD, l.sex, l.is_indigenous, l.special_needs, l.is_four_ps,
                                   l.record_key, -1);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    SELECT * INTO l FROM learner WHERE id = NEW.learner_id;
    PERFORM enrollment_rollup_emit(NEW, l.sex, l.is_indigenous, l.special_needs, l.is_four_ps,
                                   l.record_key, 1);
  END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE TRIGGER "enrollment_rollup" AFTER INSERT OR UPDATE OR DELETE ON "enrollment"
FOR EACH ROW EXECUTE FUNCTION enrollment_rollup_track();

CREATE OR REPLACE FUNCTION learner_rollup_track() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  e enrollment%ROWTYPE;
BEGIN
  FOR e IN SELECT * FROM enrollment WHERE learner_id = NEW.id LOOP
    PERFORM enrollment_rollup_emit(e, OLD.sex, OLD.is_indigenous, OLD.special_needs, OLD.is_four_ps,
                                   OLD.record_key, -1);
    PERFORM enrollment_rollup_emit(e, NEW.sex, NEW.is_indigenous, NEW.special_needs, NEW.is_four_ps,
                                   NEW.record_key, 1);
  END LOOP;
  RETURN NULL;
END $$;

CREATE OR REPLACE TRIGGER "learner_rollup"
AFTER UPDATE OF sex, is_indigenous, special_needs, is_four_ps, record_key ON "learner" FOR EACH ROW
WHEN ((OLD.sex, OLD.is_indigenous, OLD.special_needs, OLD.is_four_ps, OLD.record_key)
      IS DISTINCT FROM (NEW.sex, NEW.is_indigenous, NEW.special_needs, NEW.is_four_ps, NEW.record_key))
EXECUTE FUNCTION learner_rollup_track();

-- Folds the committed deltas into the wide, brief, graded and category shapes at each place grain,
-- in one statement: a reader sees either the deltas or their sums, never both. One applier at a
-- time; the others return at once.
CREATE OR REPLACE FUNCTION apply_enrollment_rollup_deltas() RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  v_count integer;
BEGIN
  IF NOT pg_try_advisory_xact_lock(hashtext('apply_enrollment_rollup_deltas')) THEN
    RETURN 0;
  END IF;
  WITH d AS (DELETE FROM enrollment_rollup_delta RETURNING *),
  g0 AS (
    INSERT INTO enrollment_rollup_school AS t (school_id, region_id, division_id, school_year, sector, grade_level, strand, sex, status, categories, learners, moved_in, transferred_in, transferred_out, learners_key_sum, moved_in_key_sum, transferred_in_key_sum, transferred_out_key_sum)
    SELECT school_id, region_id, division_id, school_year, sector, grade_level, strand, sex, status, categories, sum(learners)::int, sum(moved_in)::int, sum(transferred_in)::int, sum(transferred_out)::int, sum(learners_key_sum)::bigint, sum(moved_in_key_sum)::bigint, sum(transferred_in_key_sum)::bigint, sum(transferred_out_key_sum)::bigint FROM d
    GROUP BY school_id, region_id, division_id, school_year, sector, grade_level, strand, sex, status, categories
    ON CONFLICT (school_id, school_year, sector, grade_level, strand, sex, status, categories) DO UPDATE SET learners = t.learners + excluded.learners,
moved_in = t.moved_in + excluded.moved_in,
transferred_in = t.transferred_in + excluded.transferred_in,
transferred_out = t.transferred_out + excluded.transferred_out,
learners_key_sum = t.learners_key_sum + excluded.learners_key_sum,
moved_in_key_sum = t.moved_in_key_sum + excluded.moved_in_key_sum,
transferred_in_key_sum = t.transferred_in_key_sum + excluded.transferred_in_key_sum,
transferred_out_key_sum = t.transferred_out_key_sum + excluded.transferred_out_key_sum),
  g1 AS (
    INSERT INTO enrollment_rollup_division AS t (division_id, region_id, school_year, sector, grade_level, strand, sex, status, categories, learners, moved_in, transferred_in, transferred_out, learners_key_sum, moved_in_key_sum, transferred_in_key_sum, transferred_out_key_sum)
    SELECT division_id, region_id, school_year, sector, grade_level, strand, sex, status, categories, sum(learners)::int, sum(moved_in)::int, sum(transferred_in)::int, sum(transferred_out)::int, sum(learners_key_sum)::bigint, sum(moved_in_key_sum)::bigint, sum(transferred_in_key_sum)::bigint, sum(transferred_out_key_sum)::bigint FROM d
    GROUP BY division_id, region_id, school_year, sector, grade_level, strand, sex, status, categories
    ON CONFLICT (division_id, school_year, sector, grade_level, strand, sex, status, categories) DO UPDATE SET learners = t.learners + excluded.learners,
moved_in = t.moved_in + excluded.moved_in,
transferred_in = t.transferred_in + excluded.transferred_in,
transferred_out = t.transferred_out + excluded.transferred_out,
learners_key_sum = t.learners_key_sum + excluded.learners_key_sum,
moved_in_key_sum = t.moved_in_key_sum + excluded.moved_in_key_sum,
transferred_in_key_sum = t.transferred_in_key_sum + excluded.transferred_in_key_sum,
transferred_out_key_sum = t.transferred_out_key_sum + excluded.transferred_out_key_sum),
  g2 AS (
    INSERT INTO enrollment_rollup_region AS t (region_id, school_year, sector, grade_level, strand, sex, status, categories, learners, moved_in, transferred_in, transferred_out, learners_key_sum, moved_in_key_sum, transferred_in_key_sum, transferred_out_key_sum)
    SELECT region_id, school_year, sector, grade_level, strand, sex, status, categories, sum(learners)::int, sum(moved_in)::int, sum(transferred_in)::int, sum(transferred_out)::int, sum(learners_key_sum)::bigint, sum(moved_in_key_sum)::bigint, sum(transferred_in_key_sum)::bigint, sum(transferred_out_key_sum)::bigint FROM d
    GROUP BY region_id, school_year, sector, grade_level, strand, sex, status, categories
    ON CONFLICT (region_id, school_year, sector, grade_level, strand, sex, status, categories) DO UPDATE SET learners = t.learners + excluded.learners,
moved_in = t.moved_in + excluded.moved_in,
transferred_in = t.transferred_in + excluded.transferred_in,
transferred_out = t.transferred_out + excluded.transferred_out,
learners_key_sum = t.learners_key_sum + excluded.learners_key_sum,
moved_in_key_sum = t.moved_in_key_sum + excluded.moved_in_key_sum,
transferred_in_key_sum = t.transferred_in_key_sum + excluded.transferred_in_key_sum,
transferred_out_key_sum = t.transferred_out_key_sum + excluded.transferred_out_key_sum),
  g3 AS (
    INSERT INTO enrollment_rollup_school_brief AS t (school_id, region_id, division_id, school_year, sector, sex, status, learners, moved_in, transferred_in, transferred_out, learners_key_sum, moved_in_key_sum, transferred_in_key_sum, transferred_out_key_sum)
    SELECT school_id, region_id, division_id, school_year, sector, sex, status, sum(learners)::int, sum(moved_in)::int, sum(transferred_in)::int, sum(transferred_out)::int, sum(learners_key_sum)::bigint, sum(moved_in_key_sum)::bigint, sum(transferred_in_key_sum)::bigint, sum(transferred_out_key_sum)::bigint FROM d
    GROUP BY school_id, region_id, division_id, school_year, sector, sex, status
    ON CONFLICT (school_id, school_year, sector, sex, status) DO UPDATE SET learners = t.learners + excluded.learners,
moved_in = t.moved_in + excluded.moved_in,
transferred_in = t.transferred_in + excluded.transferred_in,
transferred_out = t.transferred_out + excluded.transferred_out,
learners_key_sum = t.learners_key_sum + excluded.learners_key_sum,
moved_in_key_sum = t.moved_in_key_sum + excluded.moved_in_key_sum,
transferred_in_key_sum = t.transferred_in_key_sum + excluded.transferred_in_key_sum,
transferred_out_key_sum = t.transferred_out_key_sum + excluded.transferred_out_key_sum),
  g4 AS (
    INSERT INTO enrollment_rollup_division_brief AS t (division_id, region_id, school_year, sector, sex, status, learners, moved_in, transferred_in, transferred_out, learners_key_sum, moved_in_key_sum, transferred_in_key_sum, transferred_out_key_sum)
    SELECT division_id, region_id, school_year, sector, sex, status, sum(learners)::int, sum(moved_in)::int, sum(transferred_in)::int, sum(transferred_out)::int, sum(learners_key_sum)::bigint, sum(moved_in_key_sum)::bigint, sum(transferred_in_key_sum)::bigint, sum(transferred_out_key_sum)::bigint FROM d
    GROUP BY division_id, region_id, school_year, sector, sex, status
    ON CONFLICT (division_id, school_year, sector, sex, status) DO UPDATE SET learners = t.learners + excluded.learners,
moved_in = t.moved_in + excluded.moved_in,
transferred_in = t.transferred_in + excluded.transferred_in,
transferred_out = t.transferred_out + excluded.transferred_out,
learners_key_sum = t.learners_key_sum + excluded.learners_key_sum,
moved_in_key_sum = t.moved_in_key_sum + excluded.moved_in_key_sum,
transferred_in_key_sum = t.transferred_in_key_sum + excluded.transferred_in_key_sum,
transferred_out_key_sum = t.transferred_out_key_sum + excluded.transferred_out_key_sum),
  g5 AS (
    INSERT INTO enrollment_rollup_region_brief AS t (region_id, school_year, sector, sex, status, learners, moved_in, transferred_in, transferred_out, learners_key_sum, moved_in_key_sum, transferred_in_key_sum, transferred_out_key_sum)
    SELECT region_id, school_year, sector, sex, status, sum(learners)::int, sum(moved_in)::int, sum(transferred_in)::int, sum(transferred_out)::int, sum(learners_key_sum)::bigint, sum(moved_in_key_sum)::bigint, sum(transferred_in_key_sum)::bigint, sum(transferred_out_key_sum)::bigint FROM d
    GROUP BY region_id, school_year, sector, sex, status
    ON CONFLICT (region_id, school_year, sector, sex, status) DO UPDATE SET learners = t.learners + excluded.learners,
moved_in = t.moved_in + excluded.moved_in,
transferred_in = t.transferred_in + excluded.transferred_in,
transferred_out = t.transferred_out + excluded.transferred_out,
learners_key_sum = t.learners_key_sum + excluded.learners_key_sum,
moved_in_key_sum = t.moved_in_key_sum + excluded.moved_in_key_sum,
transferred_in_key_sum = t.transferred_in_key_sum + excluded.transferred_in_key_sum,
transferred_out_key_sum = t.transferred_out_key_sum + excluded.transferred_out_key_sum),
  g6 AS (
    INSERT INTO enrollment_rollup_school_graded AS t (school_id, region_id, division_id, school_year, sector, grade_level, strand, sex, status, learners, moved_in, transferred_in, transferred_out, learners_key_sum, moved_in_key_sum, transferred_in_key_sum, transferred_out_key_sum)
    SELECT school_id, region_id, division_id, school_year, sector, grade_level, strand, sex, status, sum(learners)::int, sum(moved_in)::int, sum(transferred_in)::int, sum(transferred_out)::int, sum(learners_key_sum)::bigint, sum(moved_in_key_sum)::bigint, sum(transferred_in_key_sum)::bigint, sum(transferred_out_key_sum)::bigint FROM d
    GROUP BY school_id, region_id, division_id, school_year, sector, grade_level, strand, sex, status
    ON CONFLICT (school_id, school_year, sector, grade_level, strand, sex, status) DO UPDATE SET learners = t.learners + excluded.learners,
moved_in = t.moved_in + excluded.moved_in,
transferred_in = t.transferred_in + excluded.transferred_in,
transferred_out = t.transferred_out + excluded.transferred_out,
learners_key_sum = t.learners_key_sum + excluded.learners_key_sum,
moved_in_key_sum = t.moved_in_key_sum + excluded.moved_in_key_sum,
transferred_in_key_sum = t.transferred_in_key_sum + excluded.transferred_in_key_sum,
transferred_out_key_sum = t.transferred_out_key_sum + excluded.transferred_out_key_sum),
  g7 AS (
    INSERT INTO enrollment_rollup_division_graded AS t (division_id, region_id, school_year, sector, grade_level, strand, sex, status, learners, moved_in, transferred_in, transferred_out, learners_key_sum, moved_in_key_sum, transferred_in_key_sum, transferred_out_key_sum)
    SELECT division_id, region_id, school_year, sector, grade_level, strand, sex, status, sum(learners)::int, sum(moved_in)::int, sum(transferred_in)::int, sum(transferred_out)::int, sum(learners_key_sum)::bigint, sum(moved_in_key_sum)::bigint, sum(transferred_in_key_sum)::bigint, sum(transferred_out_key_sum)::bigint FROM d
    GROUP BY division_id, region_id, school_year, sector, grade_level, strand, sex, status
    ON CONFLICT (division_id, school_year, sector, grade_level, strand, sex, status) DO UPDATE SET learners = t.learners + excluded.learners,
moved_in = t.moved_in + excluded.moved_in,
transferred_in = t.transferred_in + excluded.transferred_in,
transferred_out = t.transferred_out + excluded.transferred_out,
learners_key_sum = t.learners_key_sum + excluded.learners_key_sum,
moved_in_key_sum = t.moved_in_key_sum + excluded.moved_in_key_sum,
transferred_in_key_sum = t.transferred_in_key_sum + excluded.transferred_in_key_sum,
transferred_out_key_sum = t.transferred_out_key_sum + excluded.transferred_out_key_sum),
  g8 AS (
    INSERT INTO enrollment_rollup_region_graded AS t (region_id, school_year, sector, grade_level, strand, sex, status, learners, moved_in, transferred_in, transferred_out, learners_key_sum, moved_in_key_sum, transferred_in_key_sum, transferred_out_key_sum)
    SELECT region_id, school_year, sector, grade_level, strand, sex, status, sum(learners)::int, sum(moved_in)::int, sum(transferred_in)::int, sum(transferred_out)::int, sum(learners_key_sum)::bigint, sum(moved_in_key_sum)::bigint, sum(transferred_in_key_sum)::bigint, sum(transferred_out_key_sum)::bigint FROM d
    GROUP BY region_id, school_year, sector, grade_level, strand, sex, status
    ON CONFLICT (region_id, school_year, sector, grade_level, strand, sex, status) DO UPDATE SET learners = t.learners + excluded.learners,
moved_in = t.moved_in + excluded.moved_in,
transferred_in = t.transferred_in + excluded.transferred_in,
transferred_out = t.transferred_out + excluded.transferred_out,
learners_key_sum = t.learners_key_sum + excluded.learners_key_sum,
moved_in_key_sum = t.moved_in_key_sum + excluded.moved_in_key_sum,
transferred_in_key_sum = t.transferred_in_key_sum + excluded.transferred_in_key_sum,
transferred_out_key_sum = t.transferred_out_key_sum + excluded.transferred_out_key_sum),
  g9 AS (
    INSERT INTO enrollment_rollup_school_category AS t (school_id, region_id, division_id, school_year, sector, sex, status, category, learners, moved_in, transferred_in, transferred_out, learners_key_sum, moved_in_key_sum, transferred_in_key_sum, transferred_out_key_sum)
    SELECT school_id, region_id, division_id, school_year, sector, sex, status, category, sum(learners)::int, sum(moved_in)::int, sum(transferred_in)::int, sum(transferred_out)::int, sum(learners_key_sum)::bigint, sum(moved_in_key_sum)::bigint, sum(transferred_in_key_sum)::bigint, sum(transferred_out_key_sum)::bigint FROM d JOIN (VALUES ('IP', 1), ('SPED', 2), ('BALIK_ARAL', 4), ('OSY', 8), ('OSC', 16),
('FOUR_PS', 32)) AS c(category, bit) ON (categories & c.bit) <> 0
    GROUP BY school_id, region_id, division_id, school_year, sector, sex, status, category
    ON CONFLICT (school_id, school_year, sector, sex, status, category) DO UPDATE SET learners = t.learners + excluded.learners,
moved_in = t.moved_in + excluded.moved_in,
transferred_in = t.transferred_in + excluded.transferred_in,
transferred_out = t.transferred_out + excluded.transferred_out,
learners_key_sum = t.learners_key_sum + excluded.learners_key_sum,
moved_in_key_sum = t.moved_in_key_sum + excluded.moved_in_key_sum,
transferred_in_key_sum = t.transferred_in_key_sum + excluded.transferred_in_key_sum,
transferred_out_key_sum = t.transferred_out_key_sum + excluded.transferred_out_key_sum),
  g10 AS (
    INSERT INTO enrollment_rollup_division_category AS t (division_id, region_id, school_year, sector, sex, status, category, learners, moved_in, transferred_in, transferred_out, learners_key_sum, moved_in_key_sum, transferred_in_key_sum, transferred_out_key_sum)
    SELECT division_id, region_id, school_year, sector, sex, status, category, sum(learners)::int, sum(moved_in)::int, sum(transferred_in)::int, sum(transferred_out)::int, sum(learners_key_sum)::bigint, sum(moved_in_key_sum)::bigint, sum(transferred_in_key_sum)::bigint, sum(transferred_out_key_sum)::bigint FROM d JOIN (VALUES ('IP', 1), ('SPED', 2), ('BALIK_ARAL', 4), ('OSY', 8), ('OSC', 16),
('FOUR_PS', 32)) AS c(category, bit) ON (categories & c.bit) <> 0
    GROUP BY division_id, region_id, school_year, sector, sex, status, category
    ON CONFLICT (division_id, school_year, sector, sex, status, category) DO UPDATE SET learners = t.learners + excluded.learners,
moved_in = t.moved_in + excluded.moved_in,
transferred_in = t.transferred_in + excluded.transferred_in,
transferred_out = t.transferred_out + excluded.transferred_out,
learners_key_sum = t.learners_key_sum + excluded.learners_key_sum,
moved_in_key_sum = t.moved_in_key_sum + excluded.moved_in_key_sum,
transferred_in_key_sum = t.transferred_in_key_sum + excluded.transferred_in_key_sum,
transferred_out_key_sum = t.transferred_out_key_sum + excluded.transferred_out_key_sum),
  g11 AS (
    INSERT INTO enrollment_rollup_region_category AS t (region_id, school_year, sector, sex, status, category, learners, moved_in, transferred_in, transferred_out, learners_key_sum, moved_in_key_sum, transferred_in_key_sum, transferred_out_key_sum)
    SELECT region_id, school_year, sector, sex, status, category, sum(learners)::int, sum(moved_in)::int, sum(transferred_in)::int, sum(transferred_out)::int, sum(learners_key_sum)::bigint, sum(moved_in_key_sum)::bigint, sum(transferred_in_key_sum)::bigint, sum(transferred_out_key_sum)::bigint FROM d JOIN (VALUES ('IP', 1), ('SPED', 2), ('BALIK_ARAL', 4), ('OSY', 8), ('OSC', 16),
('FOUR_PS', 32)) AS c(category, bit) ON (categories & c.bit) <> 0
    GROUP BY region_id, school_year, sector, sex, status, category
    ON CONFLICT (region_id, school_year, sector, sex, status, category) DO UPDATE SET learners = t.learners + excluded.learners,
moved_in = t.moved_in + excluded.moved_in,
transferred_in = t.transferred_in + excluded.transferred_in,
transferred_out = t.transferred_out + excluded.transferred_out,
learners_key_sum = t.learners_key_sum + excluded.learners_key_sum,
moved_in_key_sum = t.moved_in_key_sum + excluded.moved_in_key_sum,
transferred_in_key_sum = t.transferred_in_key_sum + excluded.transferred_in_key_sum,
transferred_out_key_sum = t.transferred_out_key_sum + excluded.transferred_out_key_sum)
  SELECT count(*) INTO v_count FROM d;
  RETURN v_count;
END $$;

REVOKE ALL ON FUNCTION enrollment_rollup_emit(enrollment, varchar, boolean, varchar[], boolean, int, int) FROM PUBLIC;
REVOKE ALL ON FUNCTION apply_enrollment_rollup_deltas() FROM PUBLIC;
