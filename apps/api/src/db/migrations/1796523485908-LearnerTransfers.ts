import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** db/sql/learner-transfer.sql as this migration made it: the proof's facts, the reversal, RLS. */
const transferSql = `
-- Transfers with cause (issue 18): a school takes in another school's learner only with proof that
-- it holds the learner's papers; the origin school and both divisions read every admission, and
-- the origin's division may reverse one made in error.
-- The current definition; migrations hold its history (LearnerTransfers). To change it, edit it
-- here and add a migration that applies the same text (see README.md).

-- What the proof is compared with, for a school account only, never returned to a client: the
-- learner's LRN, birth date and name, the schools that registered or enrolled it (any may be the
-- last school its papers name), and whether it is the calling school's already.
CREATE OR REPLACE FUNCTION learner_identity_for_proof(p_learner bigint)
RETURNS TABLE (lrn char(12), birth_date date, last_name varchar, first_name varchar,
               middle_name varchar, last_school_ids int[], linked boolean)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT l.lrn, l.birth_date, l.last_name, l.first_name, l.middle_name,
         coalesce((SELECT array_agg(ls.school_id ORDER BY ls.school_id) FROM learner_school ls
                   WHERE ls.learner_id = l.id), '{}'),
         EXISTS (SELECT 1 FROM learner_school ls WHERE ls.learner_id = l.id
                 AND ls.school_id = nullif(current_setting('app.school_id', true), '')::int)
  FROM learner l
  WHERE l.id = p_learner AND current_setting('app.scope_kind', true) = 'SCHOOL'
$$;

-- Reverses an admission made in error, as the origin's division: the admitted enrollment, its
-- documents and history are removed, the origin's enrollment gets back what it was before the
-- move (status, left_on, transferred_out, updated_at) and loses the move's status change, and the
-- learner leaves the receiving school's place if the admission put it there. Refused when either
-- enrollment changed since (the caller judged the 30 days; this re-checks under lock).
CREATE OR REPLACE FUNCTION reverse_learner_transfer(p_transfer bigint, p_reason text, p_today date)
RETURNS TABLE (learner_id bigint, to_enrollment_id bigint, from_enrollment_id bigint)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  t learner_transfer%ROWTYPE;
  v_division int := nullif(current_setting('app.division_id', true), '')::int;
BEGIN
  IF current_setting('app.scope_kind', true) IS DISTINCT FROM 'DIVISION' THEN
    RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = 'FORBIDDEN';
  END IF;
  SELECT * INTO t FROM learner_transfer WHERE id = p_transfer FOR UPDATE;
  IF NOT FOUND OR t.from_division_id IS DISTINCT FROM v_division THEN
    RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = 'NOT_ORIGIN_DIVISION';
  END IF;
  IF t.reversed_on IS NOT NULL THEN
    RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = 'ALREADY_REVERSED';
  END IF;
  PERFORM 1 FROM enrollment e WHERE e.id = t.to_enrollment_id AND e.version = t.to_version FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = 'CHANGED_SINCE_ADMISSION';
  END IF;
  IF t.from_enrollment_id IS NOT NULL THEN
    PERFORM 1 FROM enrollment e WHERE e.id = t.from_enrollment_id AND e.version = t.from_version FOR UPDATE;
    IF NOT FOUND THEN
      RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = 'CHANGED_SINCE_ADMISSION';
    END IF;
  END IF;
  DELETE FROM enrollment_document d WHERE d.enrollment_id = t.to_enrollment_id;
  DELETE FROM enrollment_status_change c WHERE c.enrollment_id = t.to_enrollment_id;
  DELETE FROM enrollment e WHERE e.id = t.to_enrollment_id;
  IF t.from_enrollment_id IS NOT NULL THEN
    UPDATE enrollment e SET status = t.from_before ->> 'status',
           left_on = (t.from_before ->> 'left_on')::date,
           transferred_out = (t.from_before ->> 'transferred_out')::boolean,
           updated_at = (t.from_before ->> 'updated_at')::timestamptz
    WHERE e.id = t.from_enrollment_id;
    DELETE FROM enrollment_status_change c
    WHERE c.id = (SELECT max(x.id) FROM enrollment_status_change x
                  WHERE x.enrollment_id = t.from_enrollment_id AND x.status = 'MOVED_OUT');
  END IF;
  IF t.linked_school THEN
    DELETE FROM learner_school ls WHERE ls.learner_id = t.learner_id AND ls.school_id = t.to_school_id;
  END IF;
  UPDATE learner_transfer SET reversed_on = p_today, reversal_reason = p_reason,
         reversed_by = current_setting('app.account_id')::uuid
  WHERE id = p_transfer;
  RETURN QUERY SELECT t.learner_id, t.to_enrollment_id, t.from_enrollment_id;
END $$;

REVOKE ALL ON FUNCTION learner_identity_for_proof(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION learner_identity_for_proof(bigint) TO enrollment_app;
REVOKE ALL ON FUNCTION reverse_learner_transfer(bigint, text, date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION reverse_learner_transfer(bigint, text, date) TO enrollment_app;

-- The receiving school records its admissions; the schools and divisions at either end read them.
ALTER TABLE "learner_transfer" ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS "learner_transfer_select_ends" ON "learner_transfer";
CREATE POLICY "learner_transfer_select_ends" ON "learner_transfer" FOR SELECT TO enrollment_app
USING (
  (current_setting('app.scope_kind', true) = 'SCHOOL'
    AND nullif(current_setting('app.school_id', true), '')::int IN (from_school_id, to_school_id))
  OR (current_setting('app.scope_kind', true) = 'DIVISION'
    AND nullif(current_setting('app.division_id', true), '')::int IN (from_division_id, to_division_id)));
DROP POLICY IF EXISTS "learner_transfer_insert_receiving" ON "learner_transfer";
CREATE POLICY "learner_transfer_insert_receiving" ON "learner_transfer" FOR INSERT TO enrollment_app
WITH CHECK (
  current_setting('app.scope_kind', true) = 'SCHOOL'
  AND to_school_id = nullif(current_setting('app.school_id', true), '')::int
  AND recorded_by = nullif(current_setting('app.account_id', true), '')::uuid);
`;

/**
 * Transfers with cause (issue 18): each admission of another school's learner, with its proof,
 * reason and what the origin's enrollment was, read by both ends and reversible by the origin's
 * division.
 */
export class LearnerTransfers1796523485908 implements MigrationInterface {
  name = 'LearnerTransfers1796523485908';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "learner_transfer" ("id" BIGSERIAL NOT NULL, "learner_id" bigint NOT NULL, "school_year" character varying(9) NOT NULL, "kind" character varying(12) NOT NULL, "from_school_id" integer, "from_division_id" integer, "to_school_id" integer NOT NULL, "to_division_id" integer NOT NULL, "from_enrollment_id" bigint, "from_before" jsonb, "from_version" integer, "to_enrollment_id" bigint NOT NULL, "to_version" integer NOT NULL, "linked_school" boolean NOT NULL, "proof_basis" character varying(32) NOT NULL, "document_seen" character varying(40), "reason" character varying(300), "moved_on" date NOT NULL, "recorded_on" date NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "recorded_by" uuid NOT NULL, "reversed_on" date, "reversed_by" uuid, "reversal_reason" character varying(300), CONSTRAINT "CHK_learner_transfer_basis" CHECK ("proof_basis" IN (\'LRN_AND_BIRTH_DATE\', \'NAME_BIRTH_DATE_AND_SCHOOL\', \'ALREADY_HELD\')), CONSTRAINT "CHK_learner_transfer_document" CHECK ("document_seen" IN (\'SF9\', \'REGISTRAR_LETTER\', \'AFFIDAVIT_OF_UNDERTAKING\')), CONSTRAINT "CHK_learner_transfer_kind" CHECK ("kind" IN (\'MOVED_IN\', \'ENROLLED\', \'REGISTERED\')), CONSTRAINT "PK_ebd24c33d2d353afb9f148d81be" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_learner_transfer_account_day" ON "learner_transfer"  ("recorded_by", "recorded_on") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_learner_transfer_to_school_day" ON "learner_transfer"  ("to_school_id", "recorded_on") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_learner_transfer_to_division" ON "learner_transfer"  ("to_division_id", "recorded_on") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_learner_transfer_from_division" ON "learner_transfer"  ("from_division_id", "recorded_on") ',
    );
    await queryRunner.query(
      'ALTER TABLE "learner_transfer" ADD CONSTRAINT "FK_learner_transfer_learner" FOREIGN KEY ("learner_id") REFERENCES "learner"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query('GRANT SELECT, INSERT ON "learner_transfer" TO enrollment_app');
    await queryRunner.query('GRANT USAGE ON SEQUENCE "learner_transfer_id_seq" TO enrollment_app');
    await queryRunner.query(transferSql);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP FUNCTION reverse_learner_transfer(bigint, text, date)');
    await queryRunner.query('DROP FUNCTION learner_identity_for_proof(bigint)');
    await queryRunner.query(
      'ALTER TABLE "learner_transfer" DROP CONSTRAINT "FK_learner_transfer_learner"',
    );
    await queryRunner.query('DROP INDEX "public"."IDX_learner_transfer_from_division"');
    await queryRunner.query('DROP INDEX "public"."IDX_learner_transfer_to_division"');
    await queryRunner.query('DROP INDEX "public"."IDX_learner_transfer_to_school_day"');
    await queryRunner.query('DROP INDEX "public"."IDX_learner_transfer_account_day"');
    await queryRunner.query('DROP TABLE "learner_transfer"');
  }
}
