import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * When each rollup delta was written (the time its transaction began), so /metrics can say how
 * long the oldest one has waited for the folder (issue 20). now() is stable within a statement:
 * the column is added without rewriting the table.
 */
export class RollupDeltaRecordedAt1796551069463 implements MigrationInterface {
  name = 'RollupDeltaRecordedAt1796551069463';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "enrollment_rollup_delta" ADD COLUMN "recorded_at" timestamp with time zone NOT NULL DEFAULT now()',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "enrollment_rollup_delta" DROP COLUMN "recorded_at"');
  }
}
