-- Sessions end with their account's authority (issue 18): disabling an account, or giving it
-- another role, place or password, ends every session it has, whoever made the change (the API,
-- an administrator's screen, or SQL by hand). A deleted account's sessions go with it (ON DELETE
-- CASCADE). Every API process re-reads a session at least once a second (auth.service.ts).
-- The current definition; migrations hold its history (Sessions). To change it, edit it here and
-- add a migration that applies the same text (see README.md).

CREATE OR REPLACE FUNCTION end_sessions_of_changed_account() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE account_session
     SET ended_at = now(),
         ended_reason = CASE
           WHEN NEW.disabled_at IS NOT NULL AND OLD.disabled_at IS NULL THEN 'ACCOUNT_DISABLED'
           WHEN NEW.password_hash IS DISTINCT FROM OLD.password_hash THEN 'PASSWORD_CHANGED'
           ELSE 'ROLE_OR_PLACE_CHANGED' END
   WHERE account_id = NEW.id AND ended_at IS NULL;
  RETURN NULL;
END $$;

CREATE OR REPLACE TRIGGER "account_ends_sessions" AFTER UPDATE ON "account" FOR EACH ROW
  WHEN ((NEW.disabled_at IS NOT NULL AND OLD.disabled_at IS NULL)
        OR NEW.password_hash IS DISTINCT FROM OLD.password_hash
        OR NEW.role IS DISTINCT FROM OLD.role
        OR NEW.school_id IS DISTINCT FROM OLD.school_id
        OR NEW.division_id IS DISTINCT FROM OLD.division_id
        OR NEW.region_id IS DISTINCT FROM OLD.region_id)
  EXECUTE FUNCTION end_sessions_of_changed_account();
