-- Rate limits shared by every API process (issue 20): one row per counted call, kept for a minute,
-- in an unlogged table (a crash forgets the last minute's calls, which is all they are worth).
-- The current definition; migrations hold its history (RateLimitShared, RateLimitOutOfOrder).

-- Takes one call for `p_key` at `p_now` (the app's clock) when fewer than `p_per_minute` were
-- taken in the minute before; false otherwise, and nothing is recorded. The key's advisory lock
-- makes the count and the insert one step for every process; the key's calls older than a minute
-- are deleted on the way (the API sweeps those of keys gone quiet: sweepRateLimitCalls).
-- Calls stamped up to a minute after `p_now` count too: calls made at once read the clock before
-- they queue for the lock, so one stamped earlier can come after ones stamped later (and two
-- processes' clocks differ by milliseconds); leaving those out let an eighth call of seven through.
-- Calls stamped over a minute ahead come from a clock pinned to a later day and are left out.
CREATE OR REPLACE FUNCTION take_rate_limit(p_key text, p_per_minute integer, p_now timestamptz)
RETURNS boolean LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  v_used integer;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('take_rate_limit'), hashtext(p_key));
  DELETE FROM rate_limit_call WHERE key = p_key AND at <= p_now - interval '1 minute';
  SELECT count(*) INTO v_used FROM rate_limit_call
  WHERE key = p_key AND at > p_now - interval '1 minute' AND at < p_now + interval '1 minute';
  IF v_used >= p_per_minute THEN
    RETURN false;
  END IF;
  INSERT INTO rate_limit_call (key, at) VALUES (p_key, p_now);
  RETURN true;
END $$;

REVOKE ALL ON FUNCTION take_rate_limit(text, integer, timestamptz) FROM PUBLIC;
