import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Rate limits shared by every API process through the database (issue 20): the calls of the last
 * minute, and `take_rate_limit` (the same text as db/sql/rate-limit.sql).
 */
export class RateLimitShared1796560000000 implements MigrationInterface {
  name = 'RateLimitShared1796560000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE UNLOGGED TABLE "rate_limit_call" ("key" text NOT NULL, "at" timestamp with time zone NOT NULL)',
    );
    await queryRunner.query(
      'CREATE INDEX "rate_limit_call_key_at" ON "rate_limit_call" ("key", "at")',
    );
    await queryRunner.query('CREATE INDEX "rate_limit_call_at" ON "rate_limit_call" ("at")');
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION take_rate_limit(p_key text, p_per_minute integer, p_now timestamptz)
      RETURNS boolean LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        v_used integer;
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtext('take_rate_limit'), hashtext(p_key));
        DELETE FROM rate_limit_call WHERE key = p_key AND at <= p_now - interval '1 minute';
        SELECT count(*) INTO v_used FROM rate_limit_call
        WHERE key = p_key AND at > p_now - interval '1 minute' AND at <= p_now;
        IF v_used >= p_per_minute THEN
          RETURN false;
        END IF;
        INSERT INTO rate_limit_call (key, at) VALUES (p_key, p_now);
        RETURN true;
      END $$;
    `);
    await queryRunner.query(
      'REVOKE ALL ON FUNCTION take_rate_limit(text, integer, timestamptz) FROM PUBLIC',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'DROP FUNCTION take_rate_limit(text, integer, timestamp with time zone)',
    );
    await queryRunner.query('DROP TABLE "rate_limit_call"');
  }
}
