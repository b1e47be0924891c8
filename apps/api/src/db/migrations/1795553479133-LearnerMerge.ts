import { type MigrationInterface, type QueryRunner } from 'typeorm';

const mergeTable = [
  'CREATE TABLE "learner_merge" ("id" BIGSERIAL NOT NULL, "survivor_id" bigint NOT NULL, "merged_id" bigint NOT NULL, "status" character varying(10) NOT NULL DEFAULT \'PROPOSED\', "reason" character varying(500) NOT NULL, "proposing_school_id" integer NOT NULL, "proposed_by" uuid NOT NULL, "proposed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "decided_by" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "decision_note" character varying(500), "moved_school_ids" integer array NOT NULL DEFAULT \'{}\', "reverted_by" uuid, "reverted_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "CHK_learner_merge_distinct" CHECK ("survivor_id" <> "merged_id"), CONSTRAINT "CHK_learner_merge_status" CHECK ("status" IN (\'PROPOSED\', \'APPROVED\', \'REJECTED\', \'REVERTED\')), CONSTRAINT "PK_a27dfadb2cefce8226f55fa7878" PRIMARY KEY ("id"))',
  'CREATE INDEX "IDX_learner_merge_merged_id" ON "learner_merge"  ("merged_id") ',
  'CREATE INDEX "IDX_learner_merge_school_status" ON "learner_merge"  ("proposing_school_id", "status") ',
  'ALTER TABLE "learner" ADD "lrn_issued_at" TIMESTAMP WITH TIME ZONE',
  'ALTER TABLE "learner_merge" ADD CONSTRAINT "FK_learner_merge_survivor" FOREIGN KEY ("survivor_id") REFERENCES "learner"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
  'ALTER TABLE "learner_merge" ADD CONSTRAINT "FK_learner_merge_merged" FOREIGN KEY ("merged_id") REFERENCES "learner"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
  'ALTER TABLE "learner_merge" ADD CONSTRAINT "FK_learner_merge_school" FOREIGN KEY ("proposing_school_id") REFERENCES "school"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
  'ALTER TABLE "learner_merge" ADD CONSTRAINT "FK_learner_merge_proposed_by" FOREIGN KEY ("proposed_by") REFERENCES "account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
];

const mergeFunctions = [
  // Merges go through these functions only: each checks the caller's scope inside PostgreSQL and
  // refuses with a stable code (SQLSTATE P0001, the code as the message).
  'GRANT SELECT ON "learner_merge" TO enrollment_app',
  'ALTER TABLE "learner_merge" ENABLE ROW LEVEL SECURITY',
  `
      CREATE POLICY "learner_merge_select_in_scope" ON "learner_merge" FOR SELECT TO enrollment_app
      USING (
        (current_setting('app.scope_kind', true) = 'SCHOOL'
          AND proposing_school_id = nullif(current_setting('app.school_id', true), '')::int)
        OR (current_setting('app.scope_kind', true) = 'DIVISION'
          AND EXISTS (SELECT 1 FROM school s WHERE s.id = proposing_school_id
                      AND s.division_id = nullif(current_setting('app.division_id', true), '')::int)))`,
  `
      CREATE FUNCTION propose_learner_merge(p_survivor bigint, p_merged bigint, p_reason text)
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
      END $$`,
  `
      CREATE FUNCTION decide_learner_merge(p_merge bigint, p_decision text, p_note text)
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
          DELETE FROM learner_school
          WHERE learner_id = m.survivor_id AND school_id = ANY (m.moved_school_ids) AND reason = 'MERGED';
          UPDATE learner SET merged_into_id = NULL, version = version + 1 WHERE id = m.merged_id;
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
          -- The survivor takes over the merged record's schools (and, with enrollments, those too).
          UPDATE learner_merge SET moved_school_ids = ARRAY(
            SELECT school_id FROM learner_school WHERE learner_id = m.merged_id
            EXCEPT SELECT school_id FROM learner_school WHERE learner_id = m.survivor_id)
          WHERE id = p_merge;
          INSERT INTO learner_school (learner_id, school_id, reason)
          SELECT m.survivor_id, school_id, 'MERGED' FROM learner_school WHERE learner_id = m.merged_id
          ON CONFLICT DO NOTHING;
          UPDATE learner SET merged_into_id = m.survivor_id, version = version + 1 WHERE id = m.merged_id;
        END IF;
        UPDATE learner_merge SET status = p_decision, decided_by = current_setting('app.account_id')::uuid,
               decided_at = now(), decision_note = p_note
        WHERE id = p_merge;
      END $$`,
  // What choosing a survivor needs of both records, though the school may see only one of them:
  // no personal data.
  `
      CREATE FUNCTION learner_merge_facts(p_ids bigint[])
      RETURNS TABLE (id bigint, lrn char(12), lrn_issued_at timestamptz, created_at timestamptz, merged_into_id bigint)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT l.id, l.lrn, l.lrn_issued_at, l.created_at, l.merged_into_id
        FROM learner l WHERE l.id = ANY (p_ids)
      $$`,
  ...[
    'propose_learner_merge(bigint, bigint, text)',
    'decide_learner_merge(bigint, text, text)',
    'learner_merge_facts(bigint[])',
  ].flatMap((fn) => [
    `REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`,
    `GRANT EXECUTE ON FUNCTION ${fn} TO enrollment_app`,
  ]),
  // A retired LRN still finds the learner: the search follows the merge to the survivor, and
  // says which LRNs the survivor carries from merged records.
  'DROP FUNCTION learner_uniqueness_candidates(text, date, text, int)',
  `
      CREATE FUNCTION learner_uniqueness_candidates(p_name_key text, p_birth_date date, p_lrn text, p_limit int)
      RETURNS TABLE (id bigint, lrn char(12), last_name varchar, first_name varchar, middle_name varchar,
                     extension_name varchar, name_key varchar, birth_date date, sex varchar,
                     last_school_id int, name_similarity real, former_lrns text[])
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        WITH candidates AS (
          SELECT s.* FROM learner l JOIN learner s ON s.id = coalesce(l.merged_into_id, l.id)
          WHERE p_lrn IS NOT NULL AND l.lrn = p_lrn
          UNION
          (SELECT l.* FROM learner l
           WHERE p_name_key IS NOT NULL
             AND (l.name_key % p_name_key OR p_name_key <% l.name_key)
             AND (p_birth_date IS NULL OR l.birth_date = p_birth_date
                  -- day and month swapped, where the day can be a month
                  OR l.birth_date = CASE WHEN extract(day FROM p_birth_date) <= 12 THEN
                       make_date(extract(year FROM p_birth_date)::int,
                                 extract(day FROM p_birth_date)::int,
                                 extract(month FROM p_birth_date)::int) END)
           ORDER BY l.name_key <-> p_name_key
           LIMIT p_limit)
        )
        SELECT c.id, c.lrn, c.last_name, c.first_name, c.middle_name, c.extension_name, c.name_key,
               c.birth_date, c.sex,
               (SELECT ls.school_id FROM learner_school ls WHERE ls.learner_id = c.id
                ORDER BY ls.since DESC LIMIT 1),
               CASE WHEN p_name_key IS NULL THEN 0 ELSE similarity(c.name_key, p_name_key) END,
               ARRAY(SELECT m.lrn::text FROM learner m WHERE m.merged_into_id = c.id AND m.lrn IS NOT NULL)
        FROM candidates c
        WHERE c.merged_into_id IS NULL
      $$`,
  'REVOKE ALL ON FUNCTION learner_uniqueness_candidates(text, date, text, int) FROM PUBLIC',
  'GRANT EXECUTE ON FUNCTION learner_uniqueness_candidates(text, date, text, int) TO enrollment_app',
];

/** The search as LearnerRegistry left it (no former LRNs), for down. */
const registrySearch = [
  'DROP FUNCTION learner_uniqueness_candidates(text, date, text, int)',
  `
      CREATE FUNCTION learner_uniqueness_candidates(p_name_key text, p_birth_date date, p_lrn text, p_limit int)
      RETURNS TABLE (id bigint, lrn char(12), last_name varchar, first_name varchar, middle_name varchar,
                     extension_name varchar, name_key varchar, birth_date date, sex varchar,
                     last_school_id int, name_similarity real)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        WITH candidates AS (
          SELECT l.* FROM learner l WHERE p_lrn IS NOT NULL AND l.lrn = p_lrn
          UNION
          (SELECT l.* FROM learner l
           WHERE p_name_key IS NOT NULL
             AND (l.name_key % p_name_key OR p_name_key <% l.name_key)
             AND (p_birth_date IS NULL OR l.birth_date = p_birth_date
                  -- day and month swapped, where the day can be a month
                  OR l.birth_date = CASE WHEN extract(day FROM p_birth_date) <= 12 THEN
                       make_date(extract(year FROM p_birth_date)::int,
                                 extract(day FROM p_birth_date)::int,
                                 extract(month FROM p_birth_date)::int) END)
           ORDER BY l.name_key <-> p_name_key
           LIMIT p_limit)
        )
        SELECT c.id, c.lrn, c.last_name, c.first_name, c.middle_name, c.extension_name, c.name_key,
               c.birth_date, c.sex,
               (SELECT ls.school_id FROM learner_school ls WHERE ls.learner_id = c.id
                ORDER BY ls.since DESC LIMIT 1),
               CASE WHEN p_name_key IS NULL THEN 0 ELSE similarity(c.name_key, p_name_key) END
        FROM candidates c
        WHERE c.merged_into_id IS NULL
      $$`,
  'REVOKE ALL ON FUNCTION learner_uniqueness_candidates(text, date, text, int) FROM PUBLIC',
  'GRANT EXECUTE ON FUNCTION learner_uniqueness_candidates(text, date, text, int) TO enrollment_app',
];

export class LearnerMerge1795553479133 implements MigrationInterface {
  name = 'LearnerMerge1795553479133';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of [...mergeTable, ...mergeFunctions]) await queryRunner.query(statement);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of registrySearch) await queryRunner.query(statement);
    await queryRunner.query('DROP FUNCTION learner_merge_facts(bigint[])');
    await queryRunner.query('DROP FUNCTION decide_learner_merge(bigint, text, text)');
    await queryRunner.query('DROP FUNCTION propose_learner_merge(bigint, bigint, text)');
    await queryRunner.query('DROP POLICY "learner_merge_select_in_scope" ON "learner_merge"');
    await queryRunner.query(
      'ALTER TABLE "learner_merge" DROP CONSTRAINT "FK_learner_merge_proposed_by"',
    );
    await queryRunner.query(
      'ALTER TABLE "learner_merge" DROP CONSTRAINT "FK_learner_merge_school"',
    );
    await queryRunner.query(
      'ALTER TABLE "learner_merge" DROP CONSTRAINT "FK_learner_merge_merged"',
    );
    await queryRunner.query(
      'ALTER TABLE "learner_merge" DROP CONSTRAINT "FK_learner_merge_survivor"',
    );
    await queryRunner.query('ALTER TABLE "learner" DROP COLUMN "lrn_issued_at"');
    await queryRunner.query('DROP INDEX "public"."IDX_learner_merge_school_status"');
    await queryRunner.query('DROP INDEX "public"."IDX_learner_merge_merged_id"');
    await queryRunner.query('DROP TABLE "learner_merge"');
  }
}
