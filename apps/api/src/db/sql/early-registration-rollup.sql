-- Live rollups of early registration (issue 6; SPEC §4.2, §5).
-- The current definition; migrations hold its history (EarlyRegistrationRollup,
-- EarlyRegistrationKeySums). To change it, edit it here and
-- add a migration that applies the same text (see README.md).

-- Written in place by the writing transaction's trigger: the row's old contribution taken away,
-- its new one added (INSERT ... ON CONFLICT DO UPDATE); a row whose count falls to zero is deleted.
-- One enrollment's contribution, +1 as it is or -1 as it was. Beside the OSC and OSY counts, the
-- sums of their learners' record keys (issue 18: the cell-key method, docs/privacy.md); a record
-- key is drawn once, when the learner is made, and never changes.
CREATE OR REPLACE FUNCTION early_registration_emit(e enrollment, p_sign int) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  v_division smallint;
  v_region smallint;
  v_osc int := p_sign * ('OSC' = ANY (e.categories))::int;
  v_osy int := p_sign * ('OSY' = ANY (e.categories))::int;
  v_key int;
BEGIN
  IF e.registered_on IS NULL THEN
    RETURN;
  END IF;
  SELECT division_id, region_id INTO v_division, v_region FROM school WHERE id = e.school_id;
  SELECT record_key INTO v_key FROM learner WHERE id = e.learner_id;
  INSERT INTO early_registration_daily AS t (school_year, school_id, division_id, region_id,
    registered_on, grade_level, registrations, out_of_school_children, out_of_school_youth,
    osc_key_sum, osy_key_sum)
  VALUES (e.school_year, e.school_id, v_division, v_region, e.registered_on, e.grade_level,
          p_sign, v_osc, v_osy, v_osc * v_key, v_osy * v_key)
  ON CONFLICT (school_id, school_year, registered_on, grade_level) DO UPDATE SET
    registrations = t.registrations + excluded.registrations,
    out_of_school_children = t.out_of_school_children + excluded.out_of_school_children,
    out_of_school_youth = t.out_of_school_youth + excluded.out_of_school_youth,
    osc_key_sum = t.osc_key_sum + excluded.osc_key_sum,
    osy_key_sum = t.osy_key_sum + excluded.osy_key_sum;
  IF p_sign < 0 THEN
    DELETE FROM early_registration_daily
    WHERE school_id = e.school_id AND school_year = e.school_year
      AND registered_on = e.registered_on AND grade_level = e.grade_level
      AND registrations = 0;
  END IF;
  IF cardinality(e.circumstances) > 0 THEN
    -- In the circumstances' order, so two writers lock rows in the same order.
    INSERT INTO early_registration_circumstance AS t (school_year, school_id, division_id,
      region_id, circumstance, learners, out_of_school_children, out_of_school_youth,
      osc_key_sum, osy_key_sum)
    SELECT e.school_year, e.school_id, v_division, v_region, c.circumstance, p_sign, v_osc, v_osy,
           v_osc * v_key, v_osy * v_key
    FROM (SELECT DISTINCT unnest(e.circumstances) AS circumstance) c
    ORDER BY c.circumstance
    ON CONFLICT (school_id, school_year, circumstance) DO UPDATE SET
      learners = t.learners + excluded.learners,
      out_of_school_children = t.out_of_school_children + excluded.out_of_school_children,
      out_of_school_youth = t.out_of_school_youth + excluded.out_of_school_youth,
      osc_key_sum = t.osc_key_sum + excluded.osc_key_sum,
      osy_key_sum = t.osy_key_sum + excluded.osy_key_sum;
    IF p_sign < 0 THEN
      DELETE FROM early_registration_circumstance
      WHERE school_id = e.school_id AND school_year = e.school_year
        AND circumstance = ANY (e.circumstances) AND learners = 0;
    END IF;
  END IF;
END $$;

CREATE OR REPLACE FUNCTION early_registration_track() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM early_registration_emit(OLD, -1);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM early_registration_emit(NEW, 1);
  END IF;
  RETURN NULL;
END $$;

-- Three triggers, so that an enrollment that is no registration, or an update that changes nothing
-- counted, costs no function call.
CREATE OR REPLACE TRIGGER "early_registration_insert" AFTER INSERT ON "enrollment" FOR EACH ROW
WHEN (NEW.registered_on IS NOT NULL)
EXECUTE FUNCTION early_registration_track();
CREATE OR REPLACE TRIGGER "early_registration_update"
AFTER UPDATE OF registered_on, school_id, school_year, grade_level, categories, circumstances
ON "enrollment" FOR EACH ROW
WHEN ((OLD.registered_on IS NOT NULL OR NEW.registered_on IS NOT NULL) AND
      (OLD.registered_on, OLD.school_id, OLD.school_year, OLD.grade_level,
       'OSC' = ANY (OLD.categories), 'OSY' = ANY (OLD.categories), OLD.circumstances)
      IS DISTINCT FROM
      (NEW.registered_on, NEW.school_id, NEW.school_year, NEW.grade_level,
       'OSC' = ANY (NEW.categories), 'OSY' = ANY (NEW.categories), NEW.circumstances))
EXECUTE FUNCTION early_registration_track();
CREATE OR REPLACE TRIGGER "early_registration_delete" AFTER DELETE ON "enrollment" FOR EACH ROW
WHEN (OLD.registered_on IS NOT NULL)
EXECUTE FUNCTION early_registration_track();

-- A recount from the enrollments, writers held off meanwhile (the migration's backfill; also for a
-- bulk load that ran with triggers disabled).
CREATE OR REPLACE FUNCTION rebuild_early_registration_rollups() RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  v_count integer;
BEGIN
  LOCK TABLE enrollment IN SHARE MODE;
  DELETE FROM early_registration_daily;
  DELETE FROM early_registration_circumstance;
  INSERT INTO early_registration_daily (school_year, school_id, division_id, region_id,
    registered_on, grade_level, registrations, out_of_school_children, out_of_school_youth,
    osc_key_sum, osy_key_sum)
  SELECT e.school_year, e.school_id, s.division_id, s.region_id, e.registered_on, e.grade_level,
         count(*), count(*) FILTER (WHERE 'OSC' = ANY (e.categories)),
         count(*) FILTER (WHERE 'OSY' = ANY (e.categories)),
         coalesce(sum(l.record_key) FILTER (WHERE 'OSC' = ANY (e.categories)), 0),
         coalesce(sum(l.record_key) FILTER (WHERE 'OSY' = ANY (e.categories)), 0)
  FROM enrollment e JOIN school s ON s.id = e.school_id JOIN learner l ON l.id = e.learner_id
  WHERE e.registered_on IS NOT NULL
  GROUP BY e.school_year, e.school_id, s.division_id, s.region_id, e.registered_on, e.grade_level;
  GET DIAGNOSTICS v_count = ROW_COUNT;
  INSERT INTO early_registration_circumstance (school_year, school_id, division_id, region_id,
    circumstance, learners, out_of_school_children, out_of_school_youth, osc_key_sum, osy_key_sum)
  SELECT e.school_year, e.school_id, s.division_id, s.region_id, c.circumstance,
         count(*), count(*) FILTER (WHERE 'OSC' = ANY (e.categories)),
         count(*) FILTER (WHERE 'OSY' = ANY (e.categories)),
         coalesce(sum(l.record_key) FILTER (WHERE 'OSC' = ANY (e.categories)), 0),
         coalesce(sum(l.record_key) FILTER (WHERE 'OSY' = ANY (e.categories)), 0)
  FROM enrollment e JOIN school s ON s.id = e.school_id JOIN learner l ON l.id = e.learner_id
  CROSS JOIN LATERAL (SELECT DISTINCT unnest(e.circumstances) AS circumstance) c
  WHERE e.registered_on IS NOT NULL
  GROUP BY e.school_year, e.school_id, s.division_id, s.region_id, c.circumstance;
  RETURN v_count;
END $$;

REVOKE ALL ON FUNCTION early_registration_emit(enrollment, int) FROM PUBLIC;
REVOKE ALL ON FUNCTION rebuild_early_registration_rollups() FROM PUBLIC;
