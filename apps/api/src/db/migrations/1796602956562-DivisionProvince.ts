import { type MigrationInterface, type QueryRunner } from 'typeorm';

export class DivisionProvince1796602956562 implements MigrationInterface {
  name = 'DivisionProvince1796602956562';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "division" ADD "province" character varying(60)');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "division" DROP COLUMN "province"');
  }
}
