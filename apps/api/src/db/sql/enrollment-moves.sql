-- Enrolment across schools.
-- The current definition; migrations hold its history (Enrollment). To change it, edit it here and
-- add a migration that applies the same text (see README.md).

-- Where a learner is enrolled this year, to name the school in ALREADY_ENROLLED: the school and the
-- status only, no personal data.
CREATE OR REPLACE FUNCTION active_enrollment_of(p_learner bigint, p_school_year text)
RETURNS TABLE (enrollment_id bigint, school_id int, school_name varchar, status varchar)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT e.id, e.school_id, s.name, e.status
  FROM enrollment e JOIN school s ON s.id = e.school_id
  WHERE e.learner_id = p_learner AND e.school_year = p_school_year
    AND e.status IN ('PRE_REGISTERED', 'TEMPORARILY_ENROLLED', 'OFFICIALLY_ENROLLED')
$$;

-- A move during the year (§V.E): the receiving school closes the origin's enrollment as moved out,
-- and nothing else of it; returns the origin enrollment, or nothing if there is none.
CREATE OR REPLACE FUNCTION move_out_enrollment(p_learner bigint, p_school_year text, p_left_on date,
                                               p_transferred boolean)
RETURNS TABLE (enrollment_id bigint, school_id int, previous_status varchar)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  v_school int := nullif(current_setting('app.school_id', true), '')::int;
  e enrollment%ROWTYPE;
BEGIN
  IF current_setting('app.scope_kind', true) IS DISTINCT FROM 'SCHOOL' THEN
    RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = 'FORBIDDEN';
  END IF;
  SELECT * INTO e FROM enrollment
  WHERE learner_id = p_learner AND school_year = p_school_year
    AND status IN ('PRE_REGISTERED', 'TEMPORARILY_ENROLLED', 'OFFICIALLY_ENROLLED')
  FOR UPDATE;
  IF NOT FOUND THEN RETURN; END IF;
  IF e.school_id = v_school THEN
    RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = 'ALREADY_ENROLLED_HERE';
  END IF;
  IF p_left_on < coalesce(e.first_attendance, e.enrolled_on, e.registered_on) THEN
    RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = 'MOVE_BEFORE_ORIGIN_ENROLLMENT';
  END IF;
  UPDATE enrollment SET status = 'MOVED_OUT', left_on = p_left_on,
         transferred_out = p_transferred, updated_at = now()
  WHERE id = e.id;
  INSERT INTO enrollment_status_change (enrollment_id, status, effective_on, reason, note, recorded_by)
  VALUES (e.id, 'MOVED_OUT', p_left_on, CASE WHEN p_transferred THEN 'TRANSFERRED_OUT' ELSE 'MOVED_OUT' END,
          'to school ' || lpad(v_school::text, 6, '0'), current_setting('app.account_id')::uuid);
  RETURN QUERY SELECT e.id, e.school_id, e.status;
END $$;

REVOKE ALL ON FUNCTION active_enrollment_of(bigint, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION active_enrollment_of(bigint, text) TO enrollment_app;
REVOKE ALL ON FUNCTION move_out_enrollment(bigint, text, date, boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION move_out_enrollment(bigint, text, date, boolean) TO enrollment_app;
