import { type MigrationInterface, type QueryRunner } from 'typeorm';

export class LearnerImport1795698256938 implements MigrationInterface {
  name = 'LearnerImport1795698256938';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "learner_import" ("id" BIGSERIAL NOT NULL, "school_id" integer NOT NULL, "school_year" character varying(9) NOT NULL, "file_name" character varying(200) NOT NULL, "file_sha256" character(64) NOT NULL, "status" character varying(12) NOT NULL, "rows" jsonb NOT NULL, "result" jsonb, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "committed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "CHK_learner_import_status" CHECK ("status" IN (\'PREVIEWED\', \'COMMITTED\')), CONSTRAINT "PK_ec512387f3ea34eb63cce78b884" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_learner_import_school" ON "learner_import"  ("school_id", "created_at") ',
    );
    // A school reads and writes its own staged imports only (SPEC §1).
    await queryRunner.query('GRANT SELECT, INSERT, UPDATE ON "learner_import" TO enrollment_app');
    await queryRunner.query('GRANT USAGE ON SEQUENCE "learner_import_id_seq" TO enrollment_app');
    await queryRunner.query('ALTER TABLE "learner_import" ENABLE ROW LEVEL SECURITY');
    await queryRunner.query(
      `CREATE POLICY "learner_import_own_school" ON "learner_import" FOR ALL TO enrollment_app USING (current_setting('app.scope_kind', true) = 'SCHOOL' AND school_id = nullif(current_setting('app.school_id', true), '')::int) WITH CHECK (current_setting('app.scope_kind', true) = 'SCHOOL' AND school_id = nullif(current_setting('app.school_id', true), '')::int)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."IDX_learner_import_school"');
    await queryRunner.query('DROP TABLE "learner_import"');
  }
}
