import { type MigrationInterface, type QueryRunner } from 'typeorm';

const tables = [
  'CREATE TABLE "audit_event" ("id" BIGSERIAL NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "account_id" uuid, "action" character varying(40) NOT NULL, "entity" character varying(40) NOT NULL, "entity_id" character varying(40), "before" jsonb, "after" jsonb, CONSTRAINT "PK_481efbe8b0a403efe3f47a6528f" PRIMARY KEY ("id"))',
  'CREATE INDEX "IDX_audit_event_entity" ON "audit_event"  ("entity", "entity_id", "at") ',
  'CREATE TABLE "learner" ("id" BIGSERIAL NOT NULL, "lrn" character(12), "last_name" character varying(100) NOT NULL, "first_name" character varying(100) NOT NULL, "middle_name" character varying(100), "extension_name" character varying(10), "name_key" character varying(400) NOT NULL, "birth_date" date NOT NULL, "sex" character varying(6) NOT NULL, "place_of_birth" character varying(200), "mother_tongue" character varying(60), "is_indigenous" boolean NOT NULL DEFAULT false, "ip_community" character varying(100), "special_needs" character varying array NOT NULL DEFAULT \'{}\', "is_four_ps" boolean NOT NULL DEFAULT false, "address_street" character varying(200), "address_barangay" character varying(120), "address_municipality" character varying(80), "address_province" character varying(80), "father_name" character varying(200), "mother_maiden_name" character varying(200), "guardian_name" character varying(200), "birth_document_type" character varying(24), "birth_document_received_on" date, "merged_into_id" bigint, "version" integer NOT NULL DEFAULT 1, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "created_by" uuid NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_67fb7af8fe8e6553c3aabda53f4" UNIQUE ("lrn"), CONSTRAINT "CHK_learner_birth_document" CHECK ("birth_document_type" IN (\'PSA_BIRTH_CERTIFICATE\', \'LCR_BIRTH_CERTIFICATE\', \'BARANGAY_CERTIFICATION\')), CONSTRAINT "CHK_learner_lrn" CHECK ("lrn" ~ \'^[0-9]{12}$\'), CONSTRAINT "CHK_learner_sex" CHECK ("sex" IN (\'MALE\', \'FEMALE\')), CONSTRAINT "PK_c6521028f8bb5e7ab25067f8f4d" PRIMARY KEY ("id"))',
  'CREATE INDEX "IDX_learner_birth_date" ON "learner"  ("birth_date") ',
  'CREATE TABLE "learner_school" ("learner_id" bigint NOT NULL, "school_id" integer NOT NULL, "since" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "reason" character varying(20) NOT NULL, CONSTRAINT "PK_156f9d32b2019f669a59813517c" PRIMARY KEY ("learner_id", "school_id"))',
  'CREATE INDEX "IDX_learner_school_school_id" ON "learner_school"  ("school_id") ',
  'ALTER TABLE "learner" ADD CONSTRAINT "FK_learner_merged_into" FOREIGN KEY ("merged_into_id") REFERENCES "learner"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
  'ALTER TABLE "learner" ADD CONSTRAINT "FK_learner_created_by" FOREIGN KEY ("created_by") REFERENCES "account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
  'ALTER TABLE "learner_school" ADD CONSTRAINT "FK_learner_school_learner" FOREIGN KEY ("learner_id") REFERENCES "learner"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
  'ALTER TABLE "learner_school" ADD CONSTRAINT "FK_learner_school_school" FOREIGN KEY ("school_id") REFERENCES "school"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
];

const searchLrnsAndAudit = [
  // Duplicate search over normalised names (SPEC §3).
  'CREATE INDEX "IDX_learner_name_key_trgm" ON "learner" USING gin ("name_key" gin_trgm_ops)',
  // LRNs come from a sequence and a unique constraint, never read-then-write (DO 03 s. 2018 §VI).
  'CREATE SEQUENCE "lrn_seq" AS bigint START WITH 100000000001 MINVALUE 100000000001 MAXVALUE 999999999999 NO CYCLE',
  `
      CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_event is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`,
  'CREATE TRIGGER "audit_event_no_change" BEFORE UPDATE OR DELETE ON "audit_event" FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()',
  'CREATE TRIGGER "audit_event_no_truncate" BEFORE TRUNCATE ON "audit_event" FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only()',
];

const appRole = [
  // Requests run as enrollment_app: no superuser, no RLS bypass, only the grants below.
  `
      DO $$ BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'enrollment_app') THEN
          CREATE ROLE enrollment_app NOLOGIN;
        END IF;
      END $$`,
  'GRANT enrollment_app TO CURRENT_USER',
  'GRANT USAGE ON SCHEMA public TO enrollment_app',
  'GRANT SELECT ON "region", "division", "district", "school" TO enrollment_app',
  'GRANT SELECT ("id", "username", "display_name", "role", "school_id", "division_id", "region_id") ON "account" TO enrollment_app',
  'GRANT SELECT, INSERT, UPDATE ON "learner" TO enrollment_app',
  'GRANT SELECT, INSERT ON "learner_school", "audit_event" TO enrollment_app',
  'GRANT USAGE ON SEQUENCE "learner_id_seq", "audit_event_id_seq", "lrn_seq" TO enrollment_app',
];

const learnerScope = [
  // Personal data stays in scope (SPEC §1): a school sees the learners it has registered or
  // enrolled, now or before; a division the learners of its schools; other scopes none.
  // The scope comes from per-transaction settings made by the API (db/scoped.ts).
  `
      CREATE FUNCTION app_scope_sees_learner(p_learner bigint) RETURNS boolean
      LANGUAGE sql STABLE AS $$
        SELECT CASE current_setting('app.scope_kind', true)
          WHEN 'SCHOOL' THEN EXISTS (
            SELECT 1 FROM learner_school ls
            WHERE ls.learner_id = p_learner
              AND ls.school_id = nullif(current_setting('app.school_id', true), '')::int)
          WHEN 'DIVISION' THEN EXISTS (
            SELECT 1 FROM learner_school ls JOIN school s ON s.id = ls.school_id
            WHERE ls.learner_id = p_learner
              AND s.division_id = nullif(current_setting('app.division_id', true), '')::int)
          ELSE false
        END
      $$`,
  'ALTER TABLE "learner" ENABLE ROW LEVEL SECURITY',
  'CREATE POLICY "learner_select_in_scope" ON "learner" FOR SELECT TO enrollment_app USING (app_scope_sees_learner(id))',
  `CREATE POLICY "learner_insert_by_school" ON "learner" FOR INSERT TO enrollment_app WITH CHECK (current_setting('app.scope_kind', true) = 'SCHOOL')`,
  `CREATE POLICY "learner_update_by_school" ON "learner" FOR UPDATE TO enrollment_app USING (current_setting('app.scope_kind', true) = 'SCHOOL' AND app_scope_sees_learner(id))`,
  'ALTER TABLE "learner_school" ENABLE ROW LEVEL SECURITY',
  `CREATE POLICY "learner_school_select" ON "learner_school" FOR SELECT TO enrollment_app USING (true)`,
  `CREATE POLICY "learner_school_insert_own" ON "learner_school" FOR INSERT TO enrollment_app WITH CHECK (current_setting('app.scope_kind', true) = 'SCHOOL' AND school_id = nullif(current_setting('app.school_id', true), '')::int)`,
];

const auditScope = [
  // The audit trail holds personal data in before/after: a viewer reads only the events of
  // learners in scope, and writes only as itself.
  'ALTER TABLE "audit_event" ENABLE ROW LEVEL SECURITY',
  `CREATE POLICY "audit_event_select_in_scope" ON "audit_event" FOR SELECT TO enrollment_app USING (entity = 'learner' AND entity_id ~ '^[0-9]+$' AND app_scope_sees_learner(entity_id::bigint))`,
  `CREATE POLICY "audit_event_insert_as_self" ON "audit_event" FOR INSERT TO enrollment_app WITH CHECK (account_id = nullif(current_setting('app.account_id', true), '')::uuid)`,
];

const uniquenessSearch = [
  // Uniqueness first (DO 03 s. 2018 §VI): any school may search the whole registry, but sees
  // only what establishes uniqueness. Runs as the owner, past row-level security.
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

export class LearnerRegistry1795552117016 implements MigrationInterface {
  name = 'LearnerRegistry1795552117016';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of [
      ...tables,
      ...searchLrnsAndAudit,
      ...appRole,
      ...learnerScope,
      ...auditScope,
      ...uniquenessSearch,
    ])
      await queryRunner.query(statement);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP FUNCTION learner_uniqueness_candidates(text, date, text, int)');
    await queryRunner.query('DROP POLICY "audit_event_insert_as_self" ON "audit_event"');
    await queryRunner.query('DROP POLICY "audit_event_select_in_scope" ON "audit_event"');
    await queryRunner.query('DROP POLICY "learner_school_insert_own" ON "learner_school"');
    await queryRunner.query('DROP POLICY "learner_school_select" ON "learner_school"');
    await queryRunner.query('DROP POLICY "learner_update_by_school" ON "learner"');
    await queryRunner.query('DROP POLICY "learner_insert_by_school" ON "learner"');
    await queryRunner.query('DROP POLICY "learner_select_in_scope" ON "learner"');
    await queryRunner.query('DROP FUNCTION app_scope_sees_learner(bigint)');
    await queryRunner.query('REVOKE ALL ON ALL TABLES IN SCHEMA public FROM enrollment_app');
    await queryRunner.query('REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM enrollment_app');
    await queryRunner.query('REVOKE USAGE ON SCHEMA public FROM enrollment_app');
    await queryRunner.query('DROP TRIGGER "audit_event_no_truncate" ON "audit_event"');
    await queryRunner.query('DROP TRIGGER "audit_event_no_change" ON "audit_event"');
    await queryRunner.query('DROP FUNCTION audit_event_append_only()');
    await queryRunner.query('DROP SEQUENCE "lrn_seq"');
    await queryRunner.query('DROP INDEX "IDX_learner_name_key_trgm"');
    await queryRunner.query(
      'ALTER TABLE "learner_school" DROP CONSTRAINT "FK_learner_school_school"',
    );
    await queryRunner.query(
      'ALTER TABLE "learner_school" DROP CONSTRAINT "FK_learner_school_learner"',
    );
    await queryRunner.query('ALTER TABLE "learner" DROP CONSTRAINT "FK_learner_created_by"');
    await queryRunner.query('ALTER TABLE "learner" DROP CONSTRAINT "FK_learner_merged_into"');
    await queryRunner.query('DROP INDEX "public"."IDX_learner_school_school_id"');
    await queryRunner.query('DROP TABLE "learner_school"');
    await queryRunner.query('DROP INDEX "public"."IDX_learner_birth_date"');
    await queryRunner.query('DROP TABLE "learner"');
    await queryRunner.query('DROP INDEX "public"."IDX_audit_event_entity"');
    await queryRunner.query('DROP TABLE "audit_event"');
  }
}
