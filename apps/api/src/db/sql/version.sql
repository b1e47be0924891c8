-- Optimistic concurrency: every update of a versioned row raises its version by one, whatever the
-- statement wrote (a stale writer names a version that no longer exists and changes nothing).
-- The current definition; migrations hold its history (VersionBump). To change it, edit it here and
-- add a migration that applies the same text (see README.md).

CREATE OR REPLACE FUNCTION bump_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.version := OLD.version + 1;
  RETURN NEW;
END $$;

CREATE OR REPLACE TRIGGER "learner_version" BEFORE UPDATE ON "learner" FOR EACH ROW EXECUTE FUNCTION bump_version();
CREATE OR REPLACE TRIGGER "enrollment_version" BEFORE UPDATE ON "enrollment" FOR EACH ROW EXECUTE FUNCTION bump_version();
CREATE OR REPLACE TRIGGER "school_calendar_version" BEFORE UPDATE ON "school_calendar" FOR EACH ROW EXECUTE FUNCTION bump_version();
