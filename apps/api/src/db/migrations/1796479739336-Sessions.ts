import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** db/sql/account-session.sql as this migration made it. */
const endSessions = [
  `CREATE OR REPLACE FUNCTION end_sessions_of_changed_account() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE account_session
     SET ended_at = now(),
         ended_reason = CASE
           WHEN NEW.disabled_at IS NOT NULL AND OLD.disabled_at IS NULL THEN 'ACCOUNT_DISABLED'
           WHEN NEW.password_hash IS DISTINCT FROM OLD.password_hash THEN 'PASSWORD_CHANGED'
           ELSE 'ROLE_OR_PLACE_CHANGED' END
   WHERE account_id = NEW.id AND ended_at IS NULL;
  RETURN NULL;
END $$`,
  `CREATE OR REPLACE TRIGGER "account_ends_sessions" AFTER UPDATE ON "account" FOR EACH ROW
  WHEN ((NEW.disabled_at IS NOT NULL AND OLD.disabled_at IS NULL)
        OR NEW.password_hash IS DISTINCT FROM OLD.password_hash
        OR NEW.role IS DISTINCT FROM OLD.role
        OR NEW.school_id IS DISTINCT FROM OLD.school_id
        OR NEW.division_id IS DISTINCT FROM OLD.division_id
        OR NEW.region_id IS DISTINCT FROM OLD.region_id)
  EXECUTE FUNCTION end_sessions_of_changed_account()`,
];

/**
 * Sessions (issue 18): each sign-in a row, named by its access tokens; an account's sessions end
 * when it is disabled or given another role, place or password, and go when it is deleted.
 */
export class Sessions1796479739336 implements MigrationInterface {
  name = 'Sessions1796479739336';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "account_session" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "account_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "renewed_at" TIMESTAMP WITH TIME ZONE, "ended_at" TIMESTAMP WITH TIME ZONE, "ended_reason" character varying(30), "client_address" character varying(64), CONSTRAINT "PK_5c3e060425fa96014c285fc6c1e" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_account_session_account" ON "account_session"  ("account_id") ',
    );
    await queryRunner.query(
      'ALTER TABLE "account_session" ADD CONSTRAINT "FK_account_session_account" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    for (const statement of endSessions) await queryRunner.query(statement);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER "account_ends_sessions" ON "account"');
    await queryRunner.query('DROP FUNCTION end_sessions_of_changed_account()');
    await queryRunner.query(
      'ALTER TABLE "account_session" DROP CONSTRAINT "FK_account_session_account"',
    );
    await queryRunner.query('DROP INDEX "public"."IDX_account_session_account"');
    await queryRunner.query('DROP TABLE "account_session"');
  }
}
