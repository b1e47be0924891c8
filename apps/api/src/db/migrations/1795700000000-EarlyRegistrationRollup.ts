import { type MigrationInterface, type QueryRunner } from 'typeorm';

const dailyKey = 'school_id, school_year, registered_on, grade_level';
const circumstanceKey = 'school_id, school_year, circumstance';

const rollupTables = [
  `CREATE TABLE "early_registration_daily" (
      "school_year" varchar(9) NOT NULL, "school_id" integer NOT NULL,
      "division_id" smallint NOT NULL, "region_id" smallint NOT NULL,
      "registered_on" date NOT NULL, "grade_level" varchar(24) NOT NULL,
      "registrations" integer NOT NULL, "out_of_school_children" integer NOT NULL,
      "out_of_school_youth" integer NOT NULL,
      PRIMARY KEY (${dailyKey}))`,
  `CREATE TABLE "early_registration_circumstance" (
      "school_year" varchar(9) NOT NULL, "school_id" integer NOT NULL,
      "division_id" smallint NOT NULL, "region_id" smallint NOT NULL,
      "circumstance" varchar(40) NOT NULL, "learners" integer NOT NULL,
      "out_of_school_children" integer NOT NULL, "out_of_school_youth" integer NOT NULL,
      PRIMARY KEY (${circumstanceKey}))`,
  ...['early_registration_daily', 'early_registration_circumstance'].flatMap((table) => [
    `CREATE INDEX "IDX_${table}_year_division" ON "${table}" ("school_year", "division_id")`,
    `CREATE INDEX "IDX_${table}_year_region" ON "${table}" ("school_year", "region_id")`,
  ]),
];

const rollupTriggers = [
  // One enrollment's contribution, +1 as it is or -1 as it was.
  `
      CREATE FUNCTION early_registration_emit(e enrollment, p_sign int) RETURNS void
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        v_division smallint;
        v_region smallint;
        v_osc int := p_sign * ('OSC' = ANY (e.categories))::int;
        v_osy int := p_sign * ('OSY' = ANY (e.categories))::int;
      BEGIN
        IF e.registered_on IS NULL THEN
          RETURN;
        END IF;
        SELECT division_id, region_id INTO v_division, v_region FROM school WHERE id = e.school_id;
        INSERT INTO early_registration_daily AS t (school_year, school_id, division_id, region_id,
          registered_on, grade_level, registrations, out_of_school_children, out_of_school_youth)
        VALUES (e.school_year, e.school_id, v_division, v_region, e.registered_on, e.grade_level,
                p_sign, v_osc, v_osy)
        ON CONFLICT (${dailyKey}) DO UPDATE SET
          registrations = t.registrations + excluded.registrations,
          out_of_school_children = t.out_of_school_children + excluded.out_of_school_children,
          out_of_school_youth = t.out_of_school_youth + excluded.out_of_school_youth;
        IF p_sign < 0 THEN
          DELETE FROM early_registration_daily
          WHERE school_id = e.school_id AND school_year = e.school_year
            AND registered_on = e.registered_on AND grade_level = e.grade_level
            AND registrations = 0;
        END IF;
        IF cardinality(e.circumstances) > 0 THEN
          -- In the circumstances' order, so two writers lock rows in the same order.
          INSERT INTO early_registration_circumstance AS t (school_year, school_id, division_id,
            region_id, circumstance, learners, out_of_school_children, out_of_school_youth)
          SELECT e.school_year, e.school_id, v_division, v_region, c.circumstance, p_sign, v_osc, v_osy
          FROM (SELECT DISTINCT unnest(e.circumstances) AS circumstance) c
          ORDER BY c.circumstance
          ON CONFLICT (${circumstanceKey}) DO UPDATE SET
            learners = t.learners + excluded.learners,
            out_of_school_children = t.out_of_school_children + excluded.out_of_school_children,
            out_of_school_youth = t.out_of_school_youth + excluded.out_of_school_youth;
          IF p_sign < 0 THEN
            DELETE FROM early_registration_circumstance
            WHERE school_id = e.school_id AND school_year = e.school_year
              AND circumstance = ANY (e.circumstances) AND learners = 0;
          END IF;
        END IF;
      END $$`,
  `
      CREATE FUNCTION early_registration_track() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          PERFORM early_registration_emit(OLD, -1);
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          PERFORM early_registration_emit(NEW, 1);
        END IF;
        RETURN NULL;
      END $$`,
  // Three triggers, so that an enrollment that is no registration, or an update that changes
  // nothing counted, costs no function call.
  `
      CREATE TRIGGER "early_registration_insert" AFTER INSERT ON "enrollment" FOR EACH ROW
      WHEN (NEW.registered_on IS NOT NULL)
      EXECUTE FUNCTION early_registration_track()`,
  `
      CREATE TRIGGER "early_registration_update"
      AFTER UPDATE OF registered_on, school_id, school_year, grade_level, categories, circumstances
      ON "enrollment" FOR EACH ROW
      WHEN ((OLD.registered_on IS NOT NULL OR NEW.registered_on IS NOT NULL) AND
            (OLD.registered_on, OLD.school_id, OLD.school_year, OLD.grade_level,
             'OSC' = ANY (OLD.categories), 'OSY' = ANY (OLD.categories), OLD.circumstances)
            IS DISTINCT FROM
            (NEW.registered_on, NEW.school_id, NEW.school_year, NEW.grade_level,
             'OSC' = ANY (NEW.categories), 'OSY' = ANY (NEW.categories), NEW.circumstances))
      EXECUTE FUNCTION early_registration_track()`,
  `
      CREATE TRIGGER "early_registration_delete" AFTER DELETE ON "enrollment" FOR EACH ROW
      WHEN (OLD.registered_on IS NOT NULL)
      EXECUTE FUNCTION early_registration_track()`,
];

const rebuild = [
  // A recount from the enrollments, writers held off meanwhile.
  `
      CREATE FUNCTION rebuild_early_registration_rollups() RETURNS integer
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        v_count integer;
      BEGIN
        LOCK TABLE enrollment IN SHARE MODE;
        DELETE FROM early_registration_daily;
        DELETE FROM early_registration_circumstance;
        INSERT INTO early_registration_daily (school_year, school_id, division_id, region_id,
          registered_on, grade_level, registrations, out_of_school_children, out_of_school_youth)
        SELECT e.school_year, e.school_id, s.division_id, s.region_id, e.registered_on, e.grade_level,
               count(*), count(*) FILTER (WHERE 'OSC' = ANY (e.categories)),
               count(*) FILTER (WHERE 'OSY' = ANY (e.categories))
        FROM enrollment e JOIN school s ON s.id = e.school_id
        WHERE e.registered_on IS NOT NULL
        GROUP BY e.school_year, e.school_id, s.division_id, s.region_id, e.registered_on, e.grade_level;
        GET DIAGNOSTICS v_count = ROW_COUNT;
        INSERT INTO early_registration_circumstance (school_year, school_id, division_id, region_id,
          circumstance, learners, out_of_school_children, out_of_school_youth)
        SELECT e.school_year, e.school_id, s.division_id, s.region_id, c.circumstance,
               count(*), count(*) FILTER (WHERE 'OSC' = ANY (e.categories)),
               count(*) FILTER (WHERE 'OSY' = ANY (e.categories))
        FROM enrollment e JOIN school s ON s.id = e.school_id
        CROSS JOIN LATERAL (SELECT DISTINCT unnest(e.circumstances) AS circumstance) c
        WHERE e.registered_on IS NOT NULL
        GROUP BY e.school_year, e.school_id, s.division_id, s.region_id, c.circumstance;
        RETURN v_count;
      END $$`,
  ...['early_registration_emit(enrollment, int)', 'rebuild_early_registration_rollups()'].flatMap(
    (fn) => [`REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`],
  ),
];

const backfill = [
  // Registrations made before this migration count from the start.
  'SELECT rebuild_early_registration_rollups()',
];

/**
 * Live rollups of early registration (issue 6; SPEC §4.2, §5): registrations per school, day and
 * grade, with the OSC and OSY among them, and OSC / OSY per circumstance. An enrollment with a
 * `registered_on` is a registration, whatever its status becomes: it stays counted after it turns
 * into an enrolment.
 *
 * Unlike the enrollment rollups, these are written in place: the writing transaction's trigger
 * takes away the row's old contribution and adds its new one by INSERT ... ON CONFLICT DO UPDATE.
 * Two writers wait on each other only for the same school, day and grade (or school and
 * circumstance), which is one registrar's desk; in exchange a reader needs no deltas and no
 * applier. A row whose count falls to zero is deleted.
 *
 * `rebuild_early_registration_rollups()` recounts them from the enrollments (the backfill below;
 * also for a bulk load that ran with triggers disabled).
 */
export class EarlyRegistrationRollup1795700000000 implements MigrationInterface {
  name = 'EarlyRegistrationRollup1795700000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of [...rollupTables, ...rollupTriggers, ...rebuild, ...backfill])
      await queryRunner.query(statement);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const trigger of ['delete', 'update', 'insert'])
      await queryRunner.query(`DROP TRIGGER "early_registration_${trigger}" ON "enrollment"`);
    await queryRunner.query('DROP FUNCTION rebuild_early_registration_rollups()');
    await queryRunner.query('DROP FUNCTION early_registration_track()');
    await queryRunner.query('DROP FUNCTION early_registration_emit(enrollment, int)');
    await queryRunner.query('DROP TABLE "early_registration_circumstance"');
    await queryRunner.query('DROP TABLE "early_registration_daily"');
  }
}
