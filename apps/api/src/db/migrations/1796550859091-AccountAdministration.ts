import { type MigrationInterface, type QueryRunner } from 'typeorm';

export class AccountAdministration1796550859091 implements MigrationInterface {
  name = 'AccountAdministration1796550859091';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "account" ADD "email" character varying(254)');
    await queryRunner.query(
      'ALTER TABLE "account" ADD CONSTRAINT "UQ_4c8f96ccf523e9a3faefd5bdd4c" UNIQUE ("email")',
    );
    await queryRunner.query('ALTER TABLE "account" ADD "setup_code_hash" character(64)');
    await queryRunner.query(
      'ALTER TABLE "account" ADD "setup_code_expires_at" TIMESTAMP WITH TIME ZONE',
    );
    await queryRunner.query('ALTER TABLE "account" ADD "last_sign_in_at" TIMESTAMP WITH TIME ZONE');
    await queryRunner.query('ALTER TABLE "account" ADD "created_by" uuid');
    await queryRunner.query('ALTER TABLE "account" ALTER COLUMN "password_hash" DROP NOT NULL');
    await queryRunner.query(
      'ALTER TABLE "account" ADD CONSTRAINT "FK_account_created_by" FOREIGN KEY ("created_by") REFERENCES "account"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "account" DROP CONSTRAINT "FK_account_created_by"');
    await queryRunner.query('ALTER TABLE "account" ALTER COLUMN "password_hash" SET NOT NULL');
    await queryRunner.query('ALTER TABLE "account" DROP COLUMN "created_by"');
    await queryRunner.query('ALTER TABLE "account" DROP COLUMN "last_sign_in_at"');
    await queryRunner.query('ALTER TABLE "account" DROP COLUMN "setup_code_expires_at"');
    await queryRunner.query('ALTER TABLE "account" DROP COLUMN "setup_code_hash"');
    await queryRunner.query(
      'ALTER TABLE "account" DROP CONSTRAINT "UQ_4c8f96ccf523e9a3faefd5bdd4c"',
    );
    await queryRunner.query('ALTER TABLE "account" DROP COLUMN "email"');
  }
}
