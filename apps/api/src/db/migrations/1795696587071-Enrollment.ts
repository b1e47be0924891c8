import { type MigrationInterface, type QueryRunner } from 'typeorm';

const ownSchool = `current_setting('app.scope_kind', true) = 'SCHOOL' AND school_id = nullif(current_setting('app.school_id', true), '')::int`;
const ownEnrollment = `EXISTS (SELECT 1 FROM enrollment e WHERE e.id = enrollment_id AND e.school_id = nullif(current_setting('app.school_id', true), '')::int) AND recorded_by = nullif(current_setting('app.account_id', true), '')::uuid`;

const enrollmentTables = [
  'CREATE TABLE "school_calendar" ("school_year" character varying(9) NOT NULL, "opening_day" date NOT NULL, "closing_day" date NOT NULL, "prescribed_school_days" smallint NOT NULL, "non_school_days" date array NOT NULL DEFAULT \'{}\', "early_registration_start" date, "early_registration_end" date, "age_cutoff" date, "document_deadline" date, "transfer_window_start" date, "transfer_window_end" date, "quick_count_start" date, "quick_count_end" date, "als_first_attendance_cutoff" date, "version" integer NOT NULL DEFAULT \'1\', "updated_by" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_school_calendar_days" CHECK ("closing_day" > "opening_day" AND "prescribed_school_days" > 0), CONSTRAINT "CHK_school_calendar_year" CHECK ("school_year" ~ \'^[0-9]{4}-[0-9]{4}$\'), CONSTRAINT "PK_933a7a4f99a57245da2f04cacd3" PRIMARY KEY ("school_year"))',
  "CREATE TABLE \"enrollment\" (\"id\" BIGSERIAL NOT NULL, \"learner_id\" bigint NOT NULL, \"school_id\" integer NOT NULL, \"school_year\" character varying(9) NOT NULL, \"grade_level\" character varying(24) NOT NULL, \"strand\" character varying(8), \"admission_basis\" character varying(40), \"first_time_enrollee\" boolean NOT NULL DEFAULT false, \"status\" character varying(24) NOT NULL, \"categories\" character varying(12) array NOT NULL DEFAULT '{}', \"circumstances\" character varying(40) array NOT NULL DEFAULT '{}', \"registered_on\" date, \"enrolled_on\" date, \"first_attendance\" date, \"missing_documents\" character varying(40) array NOT NULL DEFAULT '{}', \"documents_due_by\" date, \"placement_reason\" character varying(500), \"catch_up_plan\" character varying(1000), \"moved_in\" boolean NOT NULL DEFAULT false, \"transferred_in\" boolean NOT NULL DEFAULT false, \"moved_from_enrollment_id\" bigint, \"left_on\" date, \"transferred_out\" boolean NOT NULL DEFAULT false, \"als_program\" character varying(24), \"als_facilitator_name\" character varying(200), \"version\" integer NOT NULL DEFAULT '1', \"created_by\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"CHK_enrollment_categories\" CHECK (\"categories\" <@ ARRAY['BALIK_ARAL', 'OSY', 'OSC']::varchar[]), CONSTRAINT \"CHK_enrollment_status\" CHECK (\"status\" IN ('PRE_REGISTERED', 'TEMPORARILY_ENROLLED', 'OFFICIALLY_ENROLLED', 'MOVED_OUT', 'TRANSFERRED_TO_ALS', 'DROPPED_OUT')), CONSTRAINT \"CHK_enrollment_admission_basis\" CHECK (\"admission_basis\" IN ('KINDER_AGE_5', 'KINDER_COMPLETED_ACCREDITED', 'NO_KINDER_AGE_6', 'KINDER_NON_ACCREDITED_OR_HOMESCHOOLED', 'KCEP_COMPLETED', 'GRADE_6_GRADUATE', 'GRADE_10_COMPLETER', 'PEPT_PASSER', 'AE_ELEMENTARY_PASSER', 'AE_SECONDARY_PASSER', 'CONTINUING', 'TRANSFEREE', 'BALIK_ARAL', 'FROM_SCHOOL_ABROAD', 'FROM_NON_ACCREDITED_SCHOOL', 'DISPLACED')), CONSTRAINT \"CHK_enrollment_strand\" CHECK (\"strand\" IN ('ABM', 'HUMSS', 'STEM', 'GAS', 'PBM', 'TVL', 'SPORTS', 'ARTS')), CONSTRAINT \"CHK_enrollment_grade_level\" CHECK (\"grade_level\" IN ('KINDER', 'GRADE_1', 'GRADE_2', 'GRADE_3', 'GRADE_4', 'GRADE_5', 'GRADE_6', 'GRADE_7', 'GRADE_8', 'GRADE_9', 'GRADE_10', 'GRADE_11', 'GRADE_12', 'ELEMENTARY_NON_GRADED', 'JHS_NON_GRADED', 'ALS_BLP', 'ALS_AE_ELEMENTARY', 'ALS_AE_SECONDARY')), CONSTRAINT \"PK_7e200c699fa93865cdcdd025885\" PRIMARY KEY (\"id\"))",
  'CREATE INDEX "IDX_enrollment_learner" ON "enrollment"  ("learner_id") ',
  'CREATE INDEX "IDX_enrollment_school_year_grade" ON "enrollment"  ("school_id", "school_year", "grade_level") ',
  'CREATE UNIQUE INDEX "UQ_enrollment_active_learner_year" ON "enrollment"  ("learner_id", "school_year") WHERE "status" IN (\'PRE_REGISTERED\', \'TEMPORARILY_ENROLLED\', \'OFFICIALLY_ENROLLED\')',
  'CREATE TABLE "enrollment_status_change" ("id" BIGSERIAL NOT NULL, "enrollment_id" bigint NOT NULL, "status" character varying(24) NOT NULL, "effective_on" date NOT NULL, "reason" character varying(40) NOT NULL, "note" character varying(500), "recorded_by" uuid NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_enrollment_status_change_status" CHECK ("status" IN (\'PRE_REGISTERED\', \'TEMPORARILY_ENROLLED\', \'OFFICIALLY_ENROLLED\', \'MOVED_OUT\', \'TRANSFERRED_TO_ALS\', \'DROPPED_OUT\')), CONSTRAINT "PK_33051145159754b2833a2cb5cfc" PRIMARY KEY ("id"))',
  'CREATE INDEX "IDX_enrollment_status_change_enrollment" ON "enrollment_status_change"  ("enrollment_id") ',
  "CREATE TABLE \"enrollment_document\" (\"enrollment_id\" bigint NOT NULL, \"document_type\" character varying(40) NOT NULL, \"received_on\" date NOT NULL, \"recorded_by\" uuid NOT NULL, \"recorded_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"CHK_enrollment_document_type\" CHECK (\"document_type\" IN ('PSA_BIRTH_CERTIFICATE', 'LCR_BIRTH_CERTIFICATE', 'BARANGAY_CERTIFICATION', 'KINDER_CERTIFICATE_OF_COMPLETION', 'ECCD_CHECKLIST', 'PEPT_RESULT', 'PVT_RESULT', 'AE_RESULT', 'SF9', 'REGISTRAR_LETTER', 'AFFIDAVIT_OF_UNDERTAKING', 'FOREIGN_REPORT_CARD', 'TRANSCRIPT_OF_RECORDS', 'PROOF_OF_IDENTITY')), CONSTRAINT \"PK_b99372fa18a7d4193adbef7f4db\" PRIMARY KEY (\"enrollment_id\", \"document_type\"))",
  'CREATE TABLE "idempotency_key" ("account_id" uuid NOT NULL, "key" character varying(100) NOT NULL, "operation" character varying(60) NOT NULL, "request_hash" character(64) NOT NULL, "result_id" character varying(40), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8212a8883c2324211e557447899" PRIMARY KEY ("account_id", "key"))',
  'ALTER TABLE "learner_merge" ADD "moved_enrollment_ids" bigint array NOT NULL DEFAULT \'{}\'',
  'ALTER TABLE "enrollment" ADD CONSTRAINT "FK_enrollment_learner" FOREIGN KEY ("learner_id") REFERENCES "learner"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
  'ALTER TABLE "enrollment" ADD CONSTRAINT "FK_enrollment_school" FOREIGN KEY ("school_id") REFERENCES "school"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
  'ALTER TABLE "enrollment" ADD CONSTRAINT "FK_enrollment_school_calendar" FOREIGN KEY ("school_year") REFERENCES "school_calendar"("school_year") ON DELETE RESTRICT ON UPDATE NO ACTION',
  'ALTER TABLE "enrollment_status_change" ADD CONSTRAINT "FK_enrollment_status_change_enrollment" FOREIGN KEY ("enrollment_id") REFERENCES "enrollment"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
  'ALTER TABLE "enrollment_document" ADD CONSTRAINT "FK_enrollment_document_enrollment" FOREIGN KEY ("enrollment_id") REFERENCES "enrollment"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
  // The API writes enrollments as enrollment_app, under row-level security keyed on the viewer's
  // scope (db/scoped.ts): a school writes its own enrollments; a school and its division read the
  // enrollments of the learners they may see (SPEC §1).
  'GRANT SELECT ON "school_calendar" TO enrollment_app',
  'GRANT SELECT, INSERT, UPDATE ON "enrollment" TO enrollment_app',
  'GRANT SELECT, INSERT ON "enrollment_status_change", "enrollment_document" TO enrollment_app',
  'GRANT SELECT, INSERT, UPDATE ON "idempotency_key" TO enrollment_app',
  'GRANT USAGE ON SEQUENCE "enrollment_id_seq", "enrollment_status_change_id_seq" TO enrollment_app',
  'ALTER TABLE "enrollment" ENABLE ROW LEVEL SECURITY',
  'CREATE POLICY "enrollment_select_in_scope" ON "enrollment" FOR SELECT TO enrollment_app USING (app_scope_sees_learner(learner_id))',
  `CREATE POLICY "enrollment_insert_own_school" ON "enrollment" FOR INSERT TO enrollment_app WITH CHECK (${ownSchool})`,
  `CREATE POLICY "enrollment_update_own_school" ON "enrollment" FOR UPDATE TO enrollment_app USING (${ownSchool}) WITH CHECK (${ownSchool})`,
  ...['enrollment_status_change', 'enrollment_document'].flatMap((table) => [
    `ALTER TABLE "${table}" ENABLE ROW LEVEL SECURITY`,
    `CREATE POLICY "${table}_select_in_scope" ON "${table}" FOR SELECT TO enrollment_app USING (EXISTS (SELECT 1 FROM enrollment e WHERE e.id = enrollment_id))`,
    `CREATE POLICY "${table}_insert_own_school" ON "${table}" FOR INSERT TO enrollment_app WITH CHECK (${ownEnrollment})`,
  ]),
  'ALTER TABLE "idempotency_key" ENABLE ROW LEVEL SECURITY',
  `CREATE POLICY "idempotency_key_own" ON "idempotency_key" FOR ALL TO enrollment_app USING (account_id = nullif(current_setting('app.account_id', true), '')::uuid) WITH CHECK (account_id = nullif(current_setting('app.account_id', true), '')::uuid)`,
];

const enrollmentFunctions = [
  // Where a learner is enrolled this year, to name the school in ALREADY_ENROLLED: the school
  // and the status only, no personal data.
  `
      CREATE FUNCTION active_enrollment_of(p_learner bigint, p_school_year text)
      RETURNS TABLE (enrollment_id bigint, school_id int, school_name varchar, status varchar)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT e.id, e.school_id, s.name, e.status
        FROM enrollment e JOIN school s ON s.id = e.school_id
        WHERE e.learner_id = p_learner AND e.school_year = p_school_year
          AND e.status IN ('PRE_REGISTERED', 'TEMPORARILY_ENROLLED', 'OFFICIALLY_ENROLLED')
      $$`,
  // A move during the year (§V.E): the receiving school closes the origin's enrollment as moved
  // out, and nothing else of it; returns the origin enrollment, or nothing if there is none.
  `
      CREATE FUNCTION move_out_enrollment(p_learner bigint, p_school_year text, p_left_on date,
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
               transferred_out = p_transferred, version = version + 1, updated_at = now()
        WHERE id = e.id;
        INSERT INTO enrollment_status_change (enrollment_id, status, effective_on, reason, note, recorded_by)
        VALUES (e.id, 'MOVED_OUT', p_left_on, CASE WHEN p_transferred THEN 'TRANSFERRED_OUT' ELSE 'MOVED_OUT' END,
                'to school ' || lpad(v_school::text, 6, '0'), current_setting('app.account_id')::uuid);
        RETURN QUERY SELECT e.id, e.school_id, e.status;
      END $$`,
  ...[
    'active_enrollment_of(bigint, text)',
    'move_out_enrollment(bigint, text, date, boolean)',
  ].flatMap((fn) => [
    `REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`,
    `GRANT EXECUTE ON FUNCTION ${fn} TO enrollment_app`,
  ]),
];

const mergesMoveEnrollments = [
  // Merges now move enrollments too (SPEC §3, issue 4): the survivor takes the merged record's
  // enrollments; two active enrollments in one school year cannot both survive.
  `
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
          UPDATE enrollment SET learner_id = m.merged_id, version = version + 1
          WHERE id = ANY (m.moved_enrollment_ids) AND learner_id = m.survivor_id;
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
          UPDATE enrollment SET learner_id = m.survivor_id, version = version + 1
          WHERE learner_id = m.merged_id;
          UPDATE learner SET merged_into_id = m.survivor_id, version = version + 1 WHERE id = m.merged_id;
        END IF;
        UPDATE learner_merge SET status = p_decision, decided_by = current_setting('app.account_id')::uuid,
               decided_at = now(), decision_note = p_note
        WHERE id = p_merge;
      END $$`,
];

/** decide_learner_merge as LearnerMerge left it (merges moved no enrollments), for down. */
const mergeDecision = `
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
      END $$`;

export class Enrollment1795696587071 implements MigrationInterface {
  name = 'Enrollment1795696587071';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of [...enrollmentTables, ...enrollmentFunctions, ...mergesMoveEnrollments])
      await queryRunner.query(statement);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(mergeDecision);
    await queryRunner.query('DROP FUNCTION move_out_enrollment(bigint, text, date, boolean)');
    await queryRunner.query('DROP FUNCTION active_enrollment_of(bigint, text)');
    await queryRunner.query(
      'ALTER TABLE "enrollment_document" DROP CONSTRAINT "FK_enrollment_document_enrollment"',
    );
    await queryRunner.query(
      'ALTER TABLE "enrollment_status_change" DROP CONSTRAINT "FK_enrollment_status_change_enrollment"',
    );
    await queryRunner.query(
      'ALTER TABLE "enrollment" DROP CONSTRAINT "FK_enrollment_school_calendar"',
    );
    await queryRunner.query('ALTER TABLE "enrollment" DROP CONSTRAINT "FK_enrollment_school"');
    await queryRunner.query('ALTER TABLE "enrollment" DROP CONSTRAINT "FK_enrollment_learner"');
    await queryRunner.query('ALTER TABLE "learner_merge" DROP COLUMN "moved_enrollment_ids"');
    await queryRunner.query('DROP TABLE "idempotency_key"');
    await queryRunner.query('DROP TABLE "enrollment_document"');
    await queryRunner.query('DROP INDEX "public"."IDX_enrollment_status_change_enrollment"');
    await queryRunner.query('DROP TABLE "enrollment_status_change"');
    await queryRunner.query('DROP INDEX "public"."UQ_enrollment_active_learner_year"');
    await queryRunner.query('DROP INDEX "public"."IDX_enrollment_school_year_grade"');
    await queryRunner.query('DROP INDEX "public"."IDX_enrollment_learner"');
    await queryRunner.query('DROP TABLE "enrollment"');
    await queryRunner.query('DROP TABLE "school_calendar"');
  }
}
