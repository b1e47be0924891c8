import { type MigrationInterface, type QueryRunner } from 'typeorm';

export class Accounts1795551961229 implements MigrationInterface {
  name = 'Accounts1795551961229';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "account" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "username" character varying(60) NOT NULL, "password_hash" character varying(100) NOT NULL, "display_name" character varying(120) NOT NULL, "role" character varying(20) NOT NULL, "school_id" integer, "division_id" smallint, "region_id" smallint, "is_demo" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "disabled_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "UQ_41dfcb70af895ddf9a53094515b" UNIQUE ("username"), CONSTRAINT "CHK_account_scope" CHECK (("role" IN (\'SCHOOL_REGISTRAR\', \'SCHOOL_HEAD\', \'ALS_FACILITATOR\') AND "school_id" IS NOT NULL AND "division_id" IS NULL AND "region_id" IS NULL)\n   OR ("role" = \'DIVISION_MONITOR\' AND "school_id" IS NULL AND "division_id" IS NOT NULL AND "region_id" IS NULL)\n   OR ("role" = \'REGIONAL_PLANNER\' AND "school_id" IS NULL AND "division_id" IS NULL AND "region_id" IS NOT NULL)\n   OR ("role" IN (\'NATIONAL_ANALYST\', \'ADMINISTRATOR\') AND "school_id" IS NULL AND "division_id" IS NULL AND "region_id" IS NULL)), CONSTRAINT "CHK_account_role" CHECK ("role" IN (\'SCHOOL_REGISTRAR\', \'SCHOOL_HEAD\', \'ALS_FACILITATOR\', \'DIVISION_MONITOR\', \'REGIONAL_PLANNER\', \'NATIONAL_ANALYST\', \'ADMINISTRATOR\')), CONSTRAINT "PK_54115ee388cdb6d86bb4bf5b2ea" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'ALTER TABLE "school" ADD "is_als_learning_center" boolean NOT NULL DEFAULT false',
    );
    await queryRunner.query(
      'ALTER TABLE "account" ADD CONSTRAINT "FK_account_school" FOREIGN KEY ("school_id") REFERENCES "school"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "account" ADD CONSTRAINT "FK_account_division" FOREIGN KEY ("division_id") REFERENCES "division"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "account" ADD CONSTRAINT "FK_account_region" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "account" DROP CONSTRAINT "FK_account_region"');
    await queryRunner.query('ALTER TABLE "account" DROP CONSTRAINT "FK_account_division"');
    await queryRunner.query('ALTER TABLE "account" DROP CONSTRAINT "FK_account_school"');
    await queryRunner.query('ALTER TABLE "school" DROP COLUMN "is_als_learning_center"');
    await queryRunner.query('DROP TABLE "account"');
  }
}
