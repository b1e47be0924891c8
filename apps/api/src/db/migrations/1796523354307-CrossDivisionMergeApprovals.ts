import { type MigrationInterface, type QueryRunner } from 'typeorm';

// db/sql/learner-merge.sql and row-level-security.sql as this migration made them, and as they were
// before (a migration imports nothing).
const proposeAndDecide = `CREATE OR REPLACE FUNCTION propose_learner_merge(p_survivor bigint, p_merged bigint, p_reason text)
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
END $$;`;

const proposeAndDecideBefore = `CREATE OR REPLACE FUNCTION propose_learner_merge(p_survivor bigint, p_merged bigint, p_reason text)
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
  RETURN v_id;
END $$;

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
  IF NOT FOUND OR NOT EXISTS (SELECT 1 FROM school WHERE id = m.proposing_school_id AND division_id = v_division) THEN
    RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = 'MERGE_NOT_FOUND';
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
END $$;`;

const approvals = `CREATE OR REPLACE FUNCTION learner_merge_approvals(p_merge bigint)
RETURNS TABLE (division_id smallint, approved boolean, status varchar)
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT d.division_id, d.approved_at IS NOT NULL, m.status
  FROM learner_merge m JOIN learner_merge_division d ON d.merge_id = m.id
  WHERE m.id = p_merge AND current_setting('app.scope_kind', true) = 'DIVISION'
  FOR UPDATE OF m
$$;
REVOKE ALL ON FUNCTION learner_merge_approvals(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION learner_merge_approvals(bigint) TO enrollment_app;`;

const policies = `CREATE OR REPLACE FUNCTION app_scope_sees_merge(p_merge bigint) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT CASE current_setting('app.scope_kind', true)
    WHEN 'SCHOOL' THEN EXISTS (
      SELECT 1 FROM learner_merge m
      WHERE m.id = p_merge
        AND m.proposing_school_id = nullif(current_setting('app.school_id', true), '')::int)
    WHEN 'DIVISION' THEN EXISTS (
      SELECT 1 FROM learner_merge_division d
      WHERE d.merge_id = p_merge
        AND d.division_id = nullif(current_setting('app.division_id', true), '')::int)
    ELSE false
  END
$$;
REVOKE ALL ON FUNCTION app_scope_sees_merge(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_scope_sees_merge(bigint) TO enrollment_app;

ALTER TABLE "learner_merge" ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS "learner_merge_select_in_scope" ON "learner_merge";
CREATE POLICY "learner_merge_select_in_scope" ON "learner_merge" FOR SELECT TO enrollment_app
USING (
  (current_setting('app.scope_kind', true) = 'SCHOOL'
    AND proposing_school_id = nullif(current_setting('app.school_id', true), '')::int)
  OR (current_setting('app.scope_kind', true) = 'DIVISION'
    AND id IN (SELECT d.merge_id FROM learner_merge_division d
               WHERE d.division_id = nullif(current_setting('app.division_id', true), '')::int)));

ALTER TABLE "learner_merge_division" ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS "learner_merge_division_select_in_scope" ON "learner_merge_division";
CREATE POLICY "learner_merge_division_select_in_scope" ON "learner_merge_division" FOR SELECT TO enrollment_app USING (app_scope_sees_merge(merge_id));`;

const policyBefore = `DROP POLICY IF EXISTS "learner_merge_select_in_scope" ON "learner_merge";
CREATE POLICY "learner_merge_select_in_scope" ON "learner_merge" FOR SELECT TO enrollment_app
USING (
  (current_setting('app.scope_kind', true) = 'SCHOOL'
    AND proposing_school_id = nullif(current_setting('app.school_id', true), '')::int)
  OR (current_setting('app.scope_kind', true) = 'DIVISION'
    AND EXISTS (SELECT 1 FROM school s WHERE s.id = proposing_school_id
                AND s.division_id = nullif(current_setting('app.division_id', true), '')::int)));`;

/**
 * The divisions whose schools hold one of a merge's records each approve it (issue 18). Merges
 * already decided keep the one division that decided them (and its approval); a pending proposal
 * waits for every holding division, as a new one does.
 */
const backfill = `INSERT INTO learner_merge_division (merge_id, division_id, approved_by, approved_at)
SELECT m.id, s.division_id,
       CASE WHEN m.status IN ('APPROVED', 'REVERTED') THEN m.decided_by END,
       CASE WHEN m.status IN ('APPROVED', 'REVERTED') THEN m.decided_at END
FROM learner_merge m JOIN school s ON s.id = m.proposing_school_id
WHERE m.status <> 'PROPOSED';
INSERT INTO learner_merge_division (merge_id, division_id)
SELECT DISTINCT m.id, s.division_id
FROM learner_merge m JOIN school s
  ON s.id = m.proposing_school_id
  OR s.id IN (SELECT school_id FROM learner_school WHERE learner_id IN (m.survivor_id, m.merged_id)
              UNION SELECT school_id FROM enrollment WHERE learner_id IN (m.survivor_id, m.merged_id))
WHERE m.status = 'PROPOSED';`;

/**
 * A merge that involves records held by schools of more than one division needs every such
 * division's approval, and each sees the proposal (issue 18; RA 10173 §11, §20).
 */
export class CrossDivisionMergeApprovals1796523354307 implements MigrationInterface {
  name = 'CrossDivisionMergeApprovals1796523354307';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "learner_merge_division" ("merge_id" bigint NOT NULL, "division_id" smallint NOT NULL, "approved_by" uuid, "approved_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_64ad28a463ddc85777e5b645e7d" PRIMARY KEY ("merge_id", "division_id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_learner_merge_division_division_id" ON "learner_merge_division"  ("division_id") ',
    );
    await queryRunner.query(
      'ALTER TABLE "learner_merge_division" ADD CONSTRAINT "FK_learner_merge_division_merge" FOREIGN KEY ("merge_id") REFERENCES "learner_merge"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "learner_merge_division" ADD CONSTRAINT "FK_learner_merge_division_division" FOREIGN KEY ("division_id") REFERENCES "division"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query('GRANT SELECT ON "learner_merge_division" TO enrollment_app');
    await queryRunner.query(backfill);
    await queryRunner.query(proposeAndDecide);
    await queryRunner.query(approvals);
    await queryRunner.query(policies);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(policyBefore);
    await queryRunner.query(
      'DROP POLICY "learner_merge_division_select_in_scope" ON "learner_merge_division"',
    );
    await queryRunner.query('DROP FUNCTION app_scope_sees_merge(bigint)');
    await queryRunner.query('DROP FUNCTION learner_merge_approvals(bigint)');
    await queryRunner.query(proposeAndDecideBefore);
    await queryRunner.query(
      'ALTER TABLE "learner_merge_division" DROP CONSTRAINT "FK_learner_merge_division_division"',
    );
    await queryRunner.query(
      'ALTER TABLE "learner_merge_division" DROP CONSTRAINT "FK_learner_merge_division_merge"',
    );
    await queryRunner.query('DROP INDEX "public"."IDX_learner_merge_division_division_id"');
    await queryRunner.query('DROP TABLE "learner_merge_division"');
  }
}
