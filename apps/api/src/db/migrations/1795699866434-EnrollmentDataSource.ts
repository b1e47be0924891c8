import { type MigrationInterface, type QueryRunner } from 'typeorm';

export class EnrollmentDataSource1795699866434 implements MigrationInterface {
  name = 'EnrollmentDataSource1795699866434';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "enrollment" ADD "data_source" character varying(24)');
    await queryRunner.query(
      'ALTER TABLE "enrollment" ADD CONSTRAINT "CHK_enrollment_data_source" CHECK ("data_source" IN (\'OFFICIAL_SY2023_24\', \'SYNTHESISED_SY2023_24\', \'SYNTHETIC\'))',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "enrollment" DROP CONSTRAINT "CHK_enrollment_data_source"',
    );
    await queryRunner.query('ALTER TABLE "enrollment" DROP COLUMN "data_source"');
  }
}
