import { type MigrationInterface, type QueryRunner } from 'typeorm';

// take_rate_limit counts the calls stamped up to a minute after its own stamp too (db/sql/
// rate-limit.sql): calls made at once read the clock before they queue for the key's lock, so a
// call stamped earlier can come after calls stamped later, and counting only those stamped at or
// before its own let an eighth of seven calls through (CI, ops.test.ts).

function takeRateLimit(window: string): string {
  return `
    CREATE OR REPLACE FUNCTION take_rate_limit(p_key text, p_per_minute integer, p_now timestamptz)
    RETURNS boolean LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
    DECLARE
      v_used integer;
    BEGIN
      PERFORM pg_advisory_xact_lock(hashtext('take_rate_limit'), hashtext(p_key));
      DELETE FROM rate_limit_call WHERE key = p_key AND at <= p_now - interval '1 minute';
      SELECT count(*) INTO v_used FROM rate_limit_call
      WHERE key = p_key AND ${window};
      IF v_used >= p_per_minute THEN
        RETURN false;
      END IF;
      INSERT INTO rate_limit_call (key, at) VALUES (p_key, p_now);
      RETURN true;
    END $$;
  `;
}

export class RateLimitOutOfOrder1796720000000 implements MigrationInterface {
  name = 'RateLimitOutOfOrder1796720000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      takeRateLimit("at > p_now - interval '1 minute' AND at < p_now + interval '1 minute'"),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(takeRateLimit("at > p_now - interval '1 minute' AND at <= p_now"));
  }
}
