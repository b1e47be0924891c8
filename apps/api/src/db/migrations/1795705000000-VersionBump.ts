import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** The tables with an optimistic-concurrency `version`: learner, enrollment, school_calendar. */
const versioned = ['learner', 'enrollment', 'school_calendar'];

const bumpVersion = [
  `CREATE FUNCTION bump_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.version := OLD.version + 1;
  RETURN NEW;
END $$`,
  ...versioned.map(
    (table) =>
      `CREATE TRIGGER "${table}_version" BEFORE UPDATE ON "${table}" FOR EACH ROW EXECUTE FUNCTION bump_version()`,
  ),
];

/** The functions that raised versions by hand, without it now (db/sql/enrollment-moves.sql, learner-merge.sql). */
const withoutHandBumps = [
  `CREATE OR REPLACE FUNCTION move_out_enrollment(p_learner bigint, p_school_year text, p_left_on date,
                                               p_transferred boolean)
RETURNS TABLE (enrollment_id bigint, school_id int, previous_status varchar)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  v_school int := nullif(current_setting('app.school_id', true), '')::int;
  e enrollment%ROWTYPE;
BEGIN
  IF current_setting('app.scope_kind', true) IS DISTINCT FROM 'SCHOOL' THEN
    RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = 'FORBIDDEN';
  END IF;
  SELECT * INTO e FROM enrollment
  WHERE learner_id = p_learner AND school_year = p_school_year
    AND status IN ('PRE_REGISTERED', 'TEMPORARILY_ENROLLED', 'OFFICIALLY_ENROLLED')
  FOR UPDATE;
  IF NOT FOUND THEN RETURN; END IF;
  IF e.school_id = v_school THEN
    RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = 'ALREADY_ENROLLED_HERE';
  END IF;
  IF p_left_on < coalesce(e.first_attendance, e.enrolled_on, e.registered_on) THEN
    RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = 'MOVE_BEFORE_ORIGIN_ENROLLMENT';
  END IF;
  UPDATE enrollment SET status = 'MOVED_OUT', left_on = p_left_on,
         transferred_out = p_transferred, updated_at = now()
  WHERE id = e.id;
  INSERT INTO enrollment_status_change (enrollment_id, status, effective_on, reason, note, recorded_by)
  VALUES (e.id, 'MOVED_OUT', p_left_on, CASE WHEN p_transferred THEN 'TRANSFERRED_OUT' ELSE 'MOVED_OUT' END,
          'to school ' || lpad(v_school::text, 6, '0'), current_setting('app.account_id')::uuid);
  RETURN QUERY SELECT e.id, e.school_id, e.status;
END $$`,
  `CREATE OR REPLACE FUNCTION decide_learner_merge(p_merge bigint, p_decision text, p_note text)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  m learner_merge%ROWTYPE;
  v_division int := nullif(current_setting('app.division_id', true), '')::int;
BEGIN
  IF current_setting('app.scope_kind', true) IS DISTINCT FROM 'DIVISION' THEN
    RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = 'FORBIDDEN';
  END IF;
  SELECT * INTO m FROM learner_merge WHERE id = p_merge FOR UPDATE;
  IF NOT FOUND OR NOT EXISTS (SELECT 1 FROM school WHERE id = m.proposing_school_id AND division_id = v_division) THEN
    RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = 'MERGE_NOT_FOUND';
  END IF;
  PERFORM 1 FROM learner WHERE id IN (m.survivor_id, m.merged_id) FOR UPDATE;
  IF p_decision = 'REVERTED' THEN
    IF m.status <> 'APPROVED' THEN
      RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = 'MERGE_NOT_APPROVED';
    END IF;
    UPDATE enrollment SET learner_id = m.merged_id
    WHERE id = ANY (m.moved_enrollment_ids) AND learner_id = m.survivor_id;
    DELETE FROM learner_school
    WHERE learner_id = m.survivor_id AND school_id = ANY (m.moved_school_ids) AND reason = 'MERGED';
    UPDATE learner SET merged_into_id = NULL WHERE id = m.merged_id;
    UPDATE learner_merge SET status = 'REVERTED', reverted_by = current_setting('app.account_id')::uuid,
           reverted_at = now(), decision_note = coalesce(p_note, decision_note)
    WHERE id = p_merge;
    RETURN;
  END IF;
  IF m.status <> 'PROPOSED' THEN
    RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = 'MERGE_NOT_PENDING';
  END IF;
  IF p_decision = 'APPROVED' THEN
    IF EXISTS (SELECT 1 FROM learner WHERE id IN (m.survivor_id, m.merged_id) AND merged_into_id IS NOT NULL) THEN
      RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = 'LEARNER_ALREADY_MERGED';
    END IF;
    IF EXISTS (SELECT 1 FROM enrollment a JOIN enrollment b USING (school_year)
               WHERE a.learner_id = m.survivor_id AND b.learner_id = m.merged_id
                 AND a.status IN ('PRE_REGISTERED', 'TEMPORARILY_ENROLLED', 'OFFICIALLY_ENROLLED')
                 AND b.status IN ('PRE_REGISTERED', 'TEMPORARILY_ENROLLED', 'OFFICIALLY_ENROLLED')) THEN
      RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = 'MERGE_ENROLLMENT_CONFLICT';
    END IF;
    UPDATE learner_merge SET moved_school_ids = ARRAY(
      SELECT school_id FROM learner_school WHERE learner_id = m.merged_id
      EXCEPT SELECT school_id FROM learner_school WHERE learner_id = m.survivor_id),
      moved_enrollment_ids = ARRAY(SELECT id FROM enrollment WHERE learner_id = m.merged_id)
    WHERE id = p_merge;
    INSERT INTO learner_school (learner_id, school_id, reason)
    SELECT m.survivor_id, school_id, 'MERGED' FROM learner_school WHERE learner_id = m.merged_id
    ON CONFLICT DO NOTHING;
    UPDATE enrollment SET learner_id = m.survivor_id
    WHERE learner_id = m.merged_id;
    UPDATE learner SET merged_into_id = m.survivor_id WHERE id = m.merged_id;
  END IF;
  UPDATE learner_merge SET status = p_decision, decided_by = current_setting('app.account_id')::uuid,
         decided_at = now(), decision_note = p_note
  WHERE id = p_merge;
END $$`,
];

/** The same functions as the Enrollment migration left them, for down. */
const withHandBumps = [
  `
      CREATE OR REPLACE FUNCTION move_out_enrollment(p_learner bigint, p_school_year text, p_left_on date,
                                          p_transferred boolean)
      RETURNS TABLE (enrollment_id bigint, school_id int, previous_status varchar)
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        v_school int := nullif(current_setting('app.school_id', true), '')::int;
        e enrollment%ROWTYPE;
      BEGIN
        IF current_setting('app.scope_kind', true) IS DISTINCT FROM 'SCHOOL' THEN
          RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = 'FORBIDDEN';
        END IF;
        SELECT * INTO e FROM enrollment
        WHERE learner_id = p_learner AND school_year = p_school_year
          AND status IN ('PRE_REGISTERED', 'TEMPORARILY_ENROLLED', 'OFFICIALLY_ENROLLED')
        FOR UPDATE;
        IF NOT FOUND THEN RETURN; END IF;
        IF e.school_id = v_school THEN
          RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = 'ALREADY_ENROLLED_HERE';
        END IF;
        IF p_left_on < coalesce(e.first_attendance, e.enrolled_on, e.registered_on) THEN
          RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = 'MOVE_BEFORE_ORIGIN_ENROLLMENT';
        END IF;
        UPDATE enrollment SET status = 'MOVED_OUT', left_on = p_left_on,
               transferred_out = p_transferred, version = version + 1, updated_at = now()
        WHERE id = e.id;
        INSERT INTO enrollment_status_change (enrollment_id, status, effective_on, reason, note, recorded_by)
        VALUES (e.id, 'MOVED_OUT', p_left_on, CASE WHEN p_transferred THEN 'TRANSFERRED_OUT' ELSE 'MOVED_OUT' END,
                'to school ' || lpad(v_school::text, 6, '0'), current_setting('app.account_id')::uuid);
        RETURN QUERY SELECT e.id, e.school_id, e.status;
      END $$`,
  `
      CREATE OR REPLACE FUNCTION decide_learner_merge(p_merge bigint, p_decision text, p_note text)
      RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        m learner_merge%ROWTYPE;
        v_division int := nullif(current_setting('app.division_id', true), '')::int;
      BEGIN
        IF current_setting('app.scope_kind', true) IS DISTINCT FROM 'DIVISION' THEN
          RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = 'FORBIDDEN';
        END IF;
        SELECT * INTO m FROM learner_merge WHERE id = p_merge FOR UPDATE;
        IF NOT FOUND OR NOT EXISTS (SELECT 1 FROM school WHERE id = m.proposing_school_id AND division_id = v_division) THEN
          RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = 'MERGE_NOT_FOUND';
        END IF;
        PERFORM 1 FROM learner WHERE id IN (m.survivor_id, m.merged_id) FOR UPDATE;
        IF p_decision = 'REVERTED' THEN
          IF m.status <> 'APPROVED' THEN
            RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = 'MERGE_NOT_APPROVED';
          END IF;
          UPDATE enrollment SET learner_id = m.merged_id, version = version + 1
          WHERE id = ANY (m.moved_enrollment_ids) AND learner_id = m.survivor_id;
          DELETE FROM learner_school
          WHERE learner_id = m.survivor_id AND school_id = ANY (m.moved_school_ids) AND reason = 'MERGED';
          UPDATE learner SET merged_into_id = NULL, version = version + 1 WHERE id = m.merged_id;
          UPDATE learner_merge SET status = 'REVERTED', reverted_by = current_setting('app.account_id')::uuid,
                 reverted_at = now(), decision_note = coalesce(p_note, decision_note)
          WHERE id = p_merge;
          RETURN;
        END IF;
        IF m.status <> 'PROPOSED' THEN
          RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = 'MERGE_NOT_PENDING';
        END IF;
        IF p_decision = 'APPROVED' THEN
          IF EXISTS (SELECT 1 FROM learner WHERE id IN (m.survivor_id, m.merged_id) AND merged_into_id IS NOT NULL) THEN
            RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = 'LEARNER_ALREADY_MERGED';
          END IF;
          IF EXISTS (SELECT 1 FROM enrollment a JOIN enrollment b USING (school_year)
                     WHERE a.learner_id = m.survivor_id AND b.learner_id = m.merged_id
                       AND a.status IN ('PRE_REGISTERED', 'TEMPORARILY_ENROLLED', 'OFFICIALLY_ENROLLED')
                       AND b.status IN ('PRE_REGISTERED', 'TEMPORARILY_ENROLLED', 'OFFICIALLY_ENROLLED')) THEN
            RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = 'MERGE_ENROLLMENT_CONFLICT';
          END IF;
          UPDATE learner_merge SET moved_school_ids = ARRAY(
            SELECT school_id FROM learner_school WHERE learner_id = m.merged_id
            EXCEPT SELECT school_id FROM learner_school WHERE learner_id = m.survivor_id),
            moved_enrollment_ids = ARRAY(SELECT id FROM enrollment WHERE learner_id = m.merged_id)
          WHERE id = p_merge;
          INSERT INTO learner_school (learner_id, school_id, reason)
          SELECT m.survivor_id, school_id, 'MERGED' FROM learner_school WHERE learner_id = m.merged_id
          ON CONFLICT DO NOTHING;
          UPDATE enrollment SET learner_id = m.survivor_id, version = version + 1
          WHERE learner_id = m.merged_id;
          UPDATE learner SET merged_into_id = m.survivor_id, version = version + 1 WHERE id = m.merged_id;
        END IF;
        UPDATE learner_merge SET status = p_decision, decided_by = current_setting('app.account_id')::uuid,
               decided_at = now(), decision_note = p_note
        WHERE id = p_merge;
      END $$`,
];

/**
 * Every update of a versioned row raises its version by one, by trigger (issue 17): the
 * statements that wrote `version = version + 1` by hand in seven places (the API's, TypeORM's
 * @VersionColumn, the merge and move functions) no longer need to, and a hand bump left in one
 * still gives OLD + 1, never 2. An update that wrote no bump before (a catch-up plan, the
 * documents of a move-in) now raises the version too: every change of the row is a new version.
 */
export class VersionBump1795705000000 implements MigrationInterface {
  name = 'VersionBump1795705000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of [...bumpVersion, ...withoutHandBumps])
      await queryRunner.query(statement);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of withHandBumps) await queryRunner.query(statement);
    for (const table of versioned)
      await queryRunner.query(`DROP TRIGGER "${table}_version" ON "${table}"`);
    await queryRunner.query('DROP FUNCTION bump_version()');
  }
}
