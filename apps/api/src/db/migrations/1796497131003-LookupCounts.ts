import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** db/sql/row-level-security.sql's policy on lookup_count, as this migration made it. */
const ownCounts =
  "CREATE POLICY \"lookup_count_own\" ON \"lookup_count\" FOR ALL TO enrollment_app USING (account_id = nullif(current_setting('app.account_id', true), '')::uuid) WITH CHECK (account_id = nullif(current_setting('app.account_id', true), '')::uuid)";

/**
 * Out-of-scope look-ups counted per account and day (issue 18): each account reads and adds to its
 * own counts only; the division's view reads them as the owner, held to its place.
 */
export class LookupCounts1796497131003 implements MigrationInterface {
  name = 'LookupCounts1796497131003';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "lookup_count" ("account_id" uuid NOT NULL, "day" date NOT NULL, "school_id" integer, "division_id" integer, "region_id" integer, "lookups" integer NOT NULL DEFAULT \'0\', CONSTRAINT "PK_da29f2b873684a0ca82e05a3f59" PRIMARY KEY ("account_id", "day"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_lookup_count_division_day" ON "lookup_count"  ("division_id", "day") ',
    );
    await queryRunner.query('GRANT SELECT, INSERT, UPDATE ON "lookup_count" TO enrollment_app');
    await queryRunner.query('ALTER TABLE "lookup_count" ENABLE ROW LEVEL SECURITY');
    await queryRunner.query(ownCounts);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP POLICY "lookup_count_own" ON "lookup_count"');
    await queryRunner.query('DROP INDEX "public"."IDX_lookup_count_division_day"');
    await queryRunner.query('DROP TABLE "lookup_count"');
  }
}
