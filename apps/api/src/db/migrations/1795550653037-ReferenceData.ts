import { type MigrationInterface, type QueryRunner } from 'typeorm';

export class ReferenceData1795550653037 implements MigrationInterface {
  name = 'ReferenceData1795550653037';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Fuzzy learner search (SPEC §3) matches accent-free trigrams.
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS unaccent');
    await queryRunner.query(
      'CREATE TABLE "region" ("id" smallint NOT NULL, "name" character varying(40) NOT NULL, "long_name" character varying(120) NOT NULL, "psgc_code" character(2), "is_overseas" boolean NOT NULL DEFAULT false, CONSTRAINT "UQ_8d766fc1d4d2e72ecd5f6567a02" UNIQUE ("name"), CONSTRAINT "PK_5f48ffc3af96bc486f5f3f3a6da" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "division" ("id" smallint NOT NULL, "region_id" smallint NOT NULL, "name" character varying(80) NOT NULL, "is_overseas" boolean NOT NULL DEFAULT false, CONSTRAINT "UQ_division_region_name" UNIQUE ("region_id", "name"), CONSTRAINT "PK_b6f0d207e38106dbddabab3a078" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "district" ("id" integer NOT NULL, "division_id" smallint NOT NULL, "name" character varying(80) NOT NULL, "province" character varying(80), CONSTRAINT "UQ_district_division_name" UNIQUE ("division_id", "name"), CONSTRAINT "PK_ee5cb6fd5223164bb87ea693f1e" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "reference_data_load" ("name" character varying(40) NOT NULL, "checksum" character(64) NOT NULL, "rows" integer NOT NULL, "loaded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c18ab2a9397520a6e358e1f59b6" PRIMARY KEY ("name"))',
    );
    await queryRunner.query(
      'CREATE TABLE "school" ("id" integer NOT NULL, "name" character varying(200) NOT NULL, "region_id" smallint NOT NULL, "division_id" smallint NOT NULL, "district_id" integer, "province" character varying(80), "municipality" character varying(80), "barangay" character varying(120), "sector" character varying(10) NOT NULL, "offers_kinder" boolean NOT NULL, "offers_elementary" boolean NOT NULL, "offers_junior_high" boolean NOT NULL, "offers_senior_high" boolean NOT NULL, "details_source" character varying(20) NOT NULL, CONSTRAINT "CHK_school_details_source" CHECK ("details_source" IN (\'OFFICIAL_SY2023_24\', \'MASTERLIST_2019\')), CONSTRAINT "CHK_school_sector" CHECK ("sector" IN (\'PUBLIC\', \'PRIVATE\', \'SUC_LUC\')), CONSTRAINT "PK_57836c3fe2f2c7734b20911755e" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_school_region_id" ON "school"  ("region_id") ');
    await queryRunner.query('CREATE INDEX "IDX_school_district_id" ON "school"  ("district_id") ');
    await queryRunner.query(
      'CREATE INDEX "IDX_school_division_name" ON "school"  ("division_id", "name") ',
    );
    await queryRunner.query(
      'ALTER TABLE "division" ADD CONSTRAINT "FK_division_region" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "district" ADD CONSTRAINT "FK_district_division" FOREIGN KEY ("division_id") REFERENCES "division"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "school" ADD CONSTRAINT "FK_school_region" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "school" ADD CONSTRAINT "FK_school_division" FOREIGN KEY ("division_id") REFERENCES "division"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "school" ADD CONSTRAINT "FK_school_district" FOREIGN KEY ("district_id") REFERENCES "district"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "school" DROP CONSTRAINT "FK_school_district"');
    await queryRunner.query('ALTER TABLE "school" DROP CONSTRAINT "FK_school_division"');
    await queryRunner.query('ALTER TABLE "school" DROP CONSTRAINT "FK_school_region"');
    await queryRunner.query('ALTER TABLE "district" DROP CONSTRAINT "FK_district_division"');
    await queryRunner.query('ALTER TABLE "division" DROP CONSTRAINT "FK_division_region"');
    await queryRunner.query('DROP INDEX "public"."IDX_school_division_name"');
    await queryRunner.query('DROP INDEX "public"."IDX_school_district_id"');
    await queryRunner.query('DROP INDEX "public"."IDX_school_region_id"');
    await queryRunner.query('DROP TABLE "school"');
    await queryRunner.query('DROP TABLE "reference_data_load"');
    await queryRunner.query('DROP TABLE "district"');
    await queryRunner.query('DROP TABLE "division"');
    await queryRunner.query('DROP TABLE "region"');
    await queryRunner.query('DROP EXTENSION IF EXISTS unaccent');
    await queryRunner.query('DROP EXTENSION IF EXISTS pg_trgm');
  }
}
