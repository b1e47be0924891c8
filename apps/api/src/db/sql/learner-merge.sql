-- Merges go through these functions only: each checks the caller's scope inside PostgreSQL and
-- refuses with a stable code (SQLSTATE P0001, the code as the message).
-- The current definition; migrations hold its history (LearnerMerge, Enrollment, VersionBump,
-- CrossDivisionMergeApprovals). To change it, edit it here and
-- add a migration that applies the same text (see README.md).

CREATE OR REPLACE FUNCTION propose_learner_merge(p_survivor bigint, p_merged bigint, p_reason text)
RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  v_school int := nullif(current_setting('app.school_id', true), '')::int;
  v_id bigint;
BEGIN
  IF current_setting('app.scope_kind', true) IS DISTINCT FROM 'SCHOOL' THEN
    RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = 'FORBIDDEN';
  END IF;
  IF p_survivor = p_merged THEN
    RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = 'MERGE_SAME_LEARNER';
  END IF;
  IF (SELECT count(*) FROM learner WHERE id IN (p_survivor, p_merged) AND merged_into_id IS NULL) < 2 THEN
    RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = 'LEARNER_NOT_FOUND';
  END IF;
  IF NOT (app_scope_sees_learner(p_survivor) OR app_scope_sees_learner(p_merged)) THEN
    RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = 'MERGE_OUTSIDE_SCOPE';
  END IF;
  PERFORM 1 FROM learner WHERE id IN (p_survivor, p_merged) FOR UPDATE;
  IF EXISTS (SELECT 1 FROM learner_merge
             WHERE status = 'PROPOSED'
               AND (survivor_id IN (p_survivor, p_merged) OR merged_id IN (p_survivor, p_merged))) THEN
    RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = 'MERGE_ALREADY_PROPOSED';
  END IF;
  INSERT INTO learner_merge (survivor_id, merged_id, reason, proposing_school_id, proposed_by)
  VALUES (p_survivor, p_merged, p_reason, v_school, current_setting('app.account_id')::uuid)
  RETURNING id INTO v_id;
  -- Every division whose school holds one of the records, by registration or enrollment, must
  -- approve (issue 18; RA 10173 §11, §20; domain merge-approval): fixed now, so it can be audited.
  INSERT INTO learner_merge_division (merge_id, division_id)
  SELECT DISTINCT v_id, s.division_id FROM school s
  WHERE s.id = v_school
     OR s.id IN (SELECT school_id FROM learner_school WHERE learner_id IN (p_survivor, p_merged)
                 UNION SELECT school_id FROM enrollment WHERE learner_id IN (p_survivor, p_merged));
  RETURN v_id;
END $$;

-- The survivor takes over the merged record's schools and enrollments (SPEC §3, issue 4); two
-- active enrollments in one school year cannot both survive.
CREATE OR REPLACE FUNCTION decide_learner_merge(p_merge bigint, p_decision text, p_note text)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  m learner_merge%ROWTYPE;
  v_division int := nullif(current_setting('app.division_id', true), '')::int;
BEGIN
  IF current_setting('app.scope_kind', true) IS DISTINCT FROM 'DIVISION' THEN
    RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = 'FORBIDDEN';
  END IF;
  SELECT * INTO m FROM learner_merge WHERE id = p_merge FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = 'MERGE_NOT_FOUND';
  END IF;
  -- Only a division whose school holds one of the records decides (issue 18; domain merge-approval).
  IF NOT EXISTS (SELECT 1 FROM learner_merge_division WHERE merge_id = p_merge AND division_id = v_division) THEN
    RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = 'MERGE_APPROVAL_NOT_REQUIRED';
  END IF;
  PERFORM 1 FROM learner WHERE id IN (m.survivor_id, m.merged_id) FOR UPDATE;
  IF p_decision = 'REVERTED' THEN
    IF m.status <> 'APPROVED' THEN
      RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = 'MERGE_NOT_APPROVED';
    END IF;
    UPDATE enrollment SET learner_id = m.merged_id
    WHERE id = ANY (m.moved_enrollment_ids) AND learner_id = m.survivor_id;
    DELETE FROM learner_school
    WHERE learner_id = m.survivor_id AND school_id = ANY (m.moved_school_ids) AND reason = 'MERGED';
    UPDATE learner SET merged_into_id = NULL WHERE id = m.merged_id;
    UPDATE learner_merge SET status = 'REVERTED', reverted_by = current_setting('app.account_id')::uuid,
           reverted_at = now(), decision_note = coalesce(p_note, decision_note)
    WHERE id = p_merge;
    RETURN;
  END IF;
  IF m.status <> 'PROPOSED' THEN
    RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = 'MERGE_NOT_PENDING';
  END IF;
  IF p_decision = 'APPROVED' THEN
    -- Each division's approval counts once; the merge is carried out on the last one.
    UPDATE learner_merge_division SET approved_by = current_setting('app.account_id')::uuid, approved_at = now()
    WHERE merge_id = p_merge AND division_id = v_division AND approved_at IS NULL;
    IF EXISTS (SELECT 1 FROM learner_merge_division WHERE merge_id = p_merge AND approved_at IS NULL) THEN
      RETURN;
    END IF;
    IF EXISTS (SELECT 1 FROM learner WHERE id IN (m.survivor_id, m.merged_id) AND merged_into_id IS NOT NULL) THEN
      RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = 'LEARNER_ALREADY_MERGED';
    END IF;
    IF EXISTS (SELECT 1 FROM enrollment a JOIN enrollment b USING (school_year)
               WHERE a.learner_id = m.survivor_id AND b.learner_id = m.merged_id
                 AND a.status IN ('PRE_REGISTERED', 'TEMPORARILY_ENROLLED', 'OFFICIALLY_ENROLLED')
                 AND b.status IN ('PRE_REGISTERED', 'TEMPORARILY_ENROLLED', 'OFFICIALLY_ENROLLED')) THEN
      RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = 'MERGE_ENROLLMENT_CONFLICT';
    END IF;
    UPDATE learner_merge SET moved_school_ids = ARRAY(
      SELECT school_id FROM learner_school WHERE learner_id = m.merged_id
      EXCEPT SELECT school_id FROM learner_school WHERE learner_id = m.survivor_id),
      moved_enrollment_ids = ARRAY(SELECT id FROM enrollment WHERE learner_id = m.merged_id)
    WHERE id = p_merge;
    INSERT INTO learner_school (learner_id, school_id, reason)
    SELECT m.survivor_id, school_id, 'MERGED' FROM learner_school WHERE learner_id = m.merged_id
    ON CONFLICT DO NOTHING;
    UPDATE enrollment SET learner_id = m.survivor_id
    WHERE learner_id = m.merged_id;
    UPDATE learner SET merged_into_id = m.survivor_id WHERE id = m.merged_id;
  END IF;
  UPDATE learner_merge SET status = p_decision, decided_by = current_setting('app.account_id')::uuid,
         decided_at = now(), decision_note = p_note
  WHERE id = p_merge;
END $$;

-- What choosing a survivor needs of both records, though the school may see only one of them:
-- no personal data.
CREATE OR REPLACE FUNCTION learner_merge_facts(p_ids bigint[])
RETURNS TABLE (id bigint, lrn char(12), lrn_issued_at timestamptz, created_at timestamptz, merged_into_id bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT l.id, l.lrn, l.lrn_issued_at, l.created_at, l.merged_into_id
  FROM learner l WHERE l.id = ANY (p_ids)
$$;

-- Which divisions a merge needs and which have approved, though the caller may not be one of them
-- (it is told why it may not decide): division ids and the status only, no personal data. Locks
-- the merge, so that two divisions approving at once are judged one after the other.
CREATE OR REPLACE FUNCTION learner_merge_approvals(p_merge bigint)
RETURNS TABLE (division_id smallint, approved boolean, status varchar)
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT d.division_id, d.approved_at IS NOT NULL, m.status
  FROM learner_merge m JOIN learner_merge_division d ON d.merge_id = m.id
  WHERE m.id = p_merge AND current_setting('app.scope_kind', true) = 'DIVISION'
  FOR UPDATE OF m
$$;

REVOKE ALL ON FUNCTION propose_learner_merge(bigint, bigint, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION propose_learner_merge(bigint, bigint, text) TO enrollment_app;
REVOKE ALL ON FUNCTION decide_learner_merge(bigint, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION decide_learner_merge(bigint, text, text) TO enrollment_app;
REVOKE ALL ON FUNCTION learner_merge_facts(bigint[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION learner_merge_facts(bigint[]) TO enrollment_app;
REVOKE ALL ON FUNCTION learner_merge_approvals(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION learner_merge_approvals(bigint) TO enrollment_app;
