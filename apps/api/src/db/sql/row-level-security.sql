-- Personal data stays in scope (SPEC §1): requests run as enrollment_app (no superuser, no
-- RLS bypass) under these policies, keyed on per-transaction settings made by the API (db/scoped.ts).
-- The current definition; migrations hold its history (LearnerRegistry, LearnerMerge, Enrollment, LearnerImport, LookupCounts, CrossDivisionMergeApprovals). To change it, edit it here and
-- add a migration that applies the same text (see README.md).

-- A school sees the learners it has registered or enrolled, now or before; a division the learners
-- of its schools; other scopes none.
CREATE OR REPLACE FUNCTION app_scope_sees_learner(p_learner bigint) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT CASE current_setting('app.scope_kind', true)
    WHEN 'SCHOOL' THEN EXISTS (
      SELECT 1 FROM learner_school ls
      WHERE ls.learner_id = p_learner
        AND ls.school_id = nullif(current_setting('app.school_id', true), '')::int)
    WHEN 'DIVISION' THEN EXISTS (
      SELECT 1 FROM learner_school ls JOIN school s ON s.id = ls.school_id
      WHERE ls.learner_id = p_learner
        AND s.division_id = nullif(current_setting('app.division_id', true), '')::int)
    ELSE false
  END
$$;

ALTER TABLE "learner" ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS "learner_select_in_scope" ON "learner";
CREATE POLICY "learner_select_in_scope" ON "learner" FOR SELECT TO enrollment_app USING (app_scope_sees_learner(id));
DROP POLICY IF EXISTS "learner_insert_by_school" ON "learner";
CREATE POLICY "learner_insert_by_school" ON "learner" FOR INSERT TO enrollment_app WITH CHECK (current_setting('app.scope_kind', true) = 'SCHOOL');
DROP POLICY IF EXISTS "learner_update_by_school" ON "learner";
CREATE POLICY "learner_update_by_school" ON "learner" FOR UPDATE TO enrollment_app USING (current_setting('app.scope_kind', true) = 'SCHOOL' AND app_scope_sees_learner(id));

ALTER TABLE "learner_school" ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS "learner_school_select" ON "learner_school";
CREATE POLICY "learner_school_select" ON "learner_school" FOR SELECT TO enrollment_app USING (true);
DROP POLICY IF EXISTS "learner_school_insert_own" ON "learner_school";
CREATE POLICY "learner_school_insert_own" ON "learner_school" FOR INSERT TO enrollment_app WITH CHECK (current_setting('app.scope_kind', true) = 'SCHOOL' AND school_id = nullif(current_setting('app.school_id', true), '')::int);

-- The audit trail holds personal data in before/after: a viewer reads only the events of learners
-- in scope, and writes only as itself.
ALTER TABLE "audit_event" ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS "audit_event_select_in_scope" ON "audit_event";
CREATE POLICY "audit_event_select_in_scope" ON "audit_event" FOR SELECT TO enrollment_app USING (entity = 'learner' AND entity_id ~ '^[0-9]+$' AND app_scope_sees_learner(entity_id::bigint));
DROP POLICY IF EXISTS "audit_event_insert_as_self" ON "audit_event";
CREATE POLICY "audit_event_insert_as_self" ON "audit_event" FOR INSERT TO enrollment_app WITH CHECK (account_id = nullif(current_setting('app.account_id', true), '')::uuid);

-- A school sees the merges it proposed; a division those it must approve, which include those of
-- its schools (issue 18). Owner's rights, so the two tables' policies do not recurse.
CREATE OR REPLACE FUNCTION app_scope_sees_merge(p_merge bigint) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT CASE current_setting('app.scope_kind', true)
    WHEN 'SCHOOL' THEN EXISTS (
      SELECT 1 FROM learner_merge m
      WHERE m.id = p_merge
        AND m.proposing_school_id = nullif(current_setting('app.school_id', true), '')::int)
    WHEN 'DIVISION' THEN EXISTS (
      SELECT 1 FROM learner_merge_division d
      WHERE d.merge_id = p_merge
        AND d.division_id = nullif(current_setting('app.division_id', true), '')::int)
    ELSE false
  END
$$;
REVOKE ALL ON FUNCTION app_scope_sees_merge(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_scope_sees_merge(bigint) TO enrollment_app;

ALTER TABLE "learner_merge" ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS "learner_merge_select_in_scope" ON "learner_merge";
CREATE POLICY "learner_merge_select_in_scope" ON "learner_merge" FOR SELECT TO enrollment_app
USING (
  (current_setting('app.scope_kind', true) = 'SCHOOL'
    AND proposing_school_id = nullif(current_setting('app.school_id', true), '')::int)
  OR (current_setting('app.scope_kind', true) = 'DIVISION'
    AND id IN (SELECT d.merge_id FROM learner_merge_division d
               WHERE d.division_id = nullif(current_setting('app.division_id', true), '')::int)));

ALTER TABLE "learner_merge_division" ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS "learner_merge_division_select_in_scope" ON "learner_merge_division";
CREATE POLICY "learner_merge_division_select_in_scope" ON "learner_merge_division" FOR SELECT TO enrollment_app USING (app_scope_sees_merge(merge_id));

-- A school writes its own enrollments; a school and its division read the enrollments of the
-- learners they may see.
ALTER TABLE "enrollment" ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS "enrollment_select_in_scope" ON "enrollment";
CREATE POLICY "enrollment_select_in_scope" ON "enrollment" FOR SELECT TO enrollment_app USING (app_scope_sees_learner(learner_id));
DROP POLICY IF EXISTS "enrollment_insert_own_school" ON "enrollment";
CREATE POLICY "enrollment_insert_own_school" ON "enrollment" FOR INSERT TO enrollment_app WITH CHECK (current_setting('app.scope_kind', true) = 'SCHOOL' AND school_id = nullif(current_setting('app.school_id', true), '')::int);
DROP POLICY IF EXISTS "enrollment_update_own_school" ON "enrollment";
CREATE POLICY "enrollment_update_own_school" ON "enrollment" FOR UPDATE TO enrollment_app USING (current_setting('app.scope_kind', true) = 'SCHOOL' AND school_id = nullif(current_setting('app.school_id', true), '')::int) WITH CHECK (current_setting('app.scope_kind', true) = 'SCHOOL' AND school_id = nullif(current_setting('app.school_id', true), '')::int);

ALTER TABLE "enrollment_status_change" ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS "enrollment_status_change_select_in_scope" ON "enrollment_status_change";
CREATE POLICY "enrollment_status_change_select_in_scope" ON "enrollment_status_change" FOR SELECT TO enrollment_app USING (EXISTS (SELECT 1 FROM enrollment e WHERE e.id = enrollment_id));
DROP POLICY IF EXISTS "enrollment_status_change_insert_own_school" ON "enrollment_status_change";
CREATE POLICY "enrollment_status_change_insert_own_school" ON "enrollment_status_change" FOR INSERT TO enrollment_app WITH CHECK (EXISTS (SELECT 1 FROM enrollment e WHERE e.id = enrollment_id AND e.school_id = nullif(current_setting('app.school_id', true), '')::int) AND recorded_by = nullif(current_setting('app.account_id', true), '')::uuid);

ALTER TABLE "enrollment_document" ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS "enrollment_document_select_in_scope" ON "enrollment_document";
CREATE POLICY "enrollment_document_select_in_scope" ON "enrollment_document" FOR SELECT TO enrollment_app USING (EXISTS (SELECT 1 FROM enrollment e WHERE e.id = enrollment_id));
DROP POLICY IF EXISTS "enrollment_document_insert_own_school" ON "enrollment_document";
CREATE POLICY "enrollment_document_insert_own_school" ON "enrollment_document" FOR INSERT TO enrollment_app WITH CHECK (EXISTS (SELECT 1 FROM enrollment e WHERE e.id = enrollment_id AND e.school_id = nullif(current_setting('app.school_id', true), '')::int) AND recorded_by = nullif(current_setting('app.account_id', true), '')::uuid);

ALTER TABLE "idempotency_key" ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS "idempotency_key_own" ON "idempotency_key";
CREATE POLICY "idempotency_key_own" ON "idempotency_key" FOR ALL TO enrollment_app USING (account_id = nullif(current_setting('app.account_id', true), '')::uuid) WITH CHECK (account_id = nullif(current_setting('app.account_id', true), '')::uuid);

-- A school reads and writes its own staged imports only.
ALTER TABLE "learner_import" ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS "learner_import_own_school" ON "learner_import";
CREATE POLICY "learner_import_own_school" ON "learner_import" FOR ALL TO enrollment_app USING (current_setting('app.scope_kind', true) = 'SCHOOL' AND school_id = nullif(current_setting('app.school_id', true), '')::int) WITH CHECK (current_setting('app.scope_kind', true) = 'SCHOOL' AND school_id = nullif(current_setting('app.school_id', true), '')::int);

-- Each account reads and adds to its own out-of-scope look-up counts only (issue 18).
ALTER TABLE "lookup_count" ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS "lookup_count_own" ON "lookup_count";
CREATE POLICY "lookup_count_own" ON "lookup_count" FOR ALL TO enrollment_app USING (account_id = nullif(current_setting('app.account_id', true), '')::uuid) WITH CHECK (account_id = nullif(current_setting('app.account_id', true), '')::uuid);
