import { type MigrationInterface, type QueryRunner } from 'typeorm';

const keyColumns = `"school_year" varchar(9) NOT NULL, "sector" varchar(10) NOT NULL,
  "grade_level" varchar(24) NOT NULL, "strand" varchar(8) NOT NULL, "sex" varchar(6) NOT NULL,
  "status" varchar(24) NOT NULL, "categories" smallint NOT NULL`;
const measures = `"learners" integer NOT NULL, "moved_in" integer NOT NULL,
  "transferred_in" integer NOT NULL, "transferred_out" integer NOT NULL`;
const sums = `sum(learners)::int, sum(moved_in)::int, sum(transferred_in)::int, sum(transferred_out)::int`;
const addUp = (table: string) => `DO UPDATE SET learners = ${table}.learners + excluded.learners,
  moved_in = ${table}.moved_in + excluded.moved_in,
  transferred_in = ${table}.transferred_in + excluded.transferred_in,
  transferred_out = ${table}.transferred_out + excluded.transferred_out`;
const key = 'school_year, sector, grade_level, strand, sex, status, categories';

const rollupTables = [
  `CREATE TABLE "enrollment_rollup_delta" (
      "id" BIGSERIAL PRIMARY KEY, "region_id" smallint NOT NULL, "division_id" smallint NOT NULL,
      "school_id" integer NOT NULL, ${keyColumns}, ${measures})`,
  `CREATE TABLE "enrollment_rollup_school" (
      "region_id" smallint NOT NULL, "division_id" smallint NOT NULL, "school_id" integer NOT NULL,
      ${keyColumns}, ${measures},
      PRIMARY KEY ("school_id", ${key}))`,
  `CREATE TABLE "enrollment_rollup_division" (
      "region_id" smallint NOT NULL, "division_id" smallint NOT NULL, ${keyColumns}, ${measures},
      PRIMARY KEY ("division_id", ${key}))`,
  `CREATE TABLE "enrollment_rollup_region" (
      "region_id" smallint NOT NULL, ${keyColumns}, ${measures},
      PRIMARY KEY ("region_id", ${key}))`,
  'CREATE INDEX "IDX_enrollment_rollup_school_year_division" ON "enrollment_rollup_school" ("school_year", "division_id")',
  'CREATE INDEX "IDX_enrollment_rollup_division_year_region" ON "enrollment_rollup_division" ("school_year", "region_id")',
  'CREATE INDEX "IDX_enrollment_rollup_region_year" ON "enrollment_rollup_region" ("school_year")',
];

const rollupTriggers = [
  `
      CREATE FUNCTION enrollment_category_mask(p_is_indigenous boolean, p_special_needs varchar[],
                                               p_is_four_ps boolean, p_categories varchar[])
      RETURNS smallint LANGUAGE sql IMMUTABLE AS $$
        SELECT ((CASE WHEN p_is_indigenous THEN 1 ELSE 0 END)
              | (CASE WHEN cardinality(p_special_needs) > 0 THEN 2 ELSE 0 END)
              | (CASE WHEN 'BALIK_ARAL' = ANY (p_categories) THEN 4 ELSE 0 END)
              | (CASE WHEN 'OSY' = ANY (p_categories) THEN 8 ELSE 0 END)
              | (CASE WHEN 'OSC' = ANY (p_categories) THEN 16 ELSE 0 END)
              | (CASE WHEN p_is_four_ps THEN 32 ELSE 0 END))::smallint
      $$`,
  // One enrollment's effect, with the learner's attributes given (the learner trigger passes
  // the old ones for the -1).
  `
      CREATE FUNCTION enrollment_rollup_emit(e enrollment, p_sex varchar, p_is_indigenous boolean,
                                             p_special_needs varchar[], p_is_four_ps boolean, p_sign int)
      RETURNS void LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
        INSERT INTO enrollment_rollup_delta (region_id, division_id, school_id, school_year, sector,
          grade_level, strand, sex, status, categories, learners, moved_in, transferred_in, transferred_out)
        SELECT s.region_id, s.division_id, s.id, e.school_year, s.sector, e.grade_level,
               coalesce(e.strand, ''), p_sex, e.status,
               enrollment_category_mask(p_is_indigenous, p_special_needs, p_is_four_ps, e.categories),
               p_sign, p_sign * e.moved_in::int, p_sign * e.transferred_in::int,
               p_sign * e.transferred_out::int
        FROM school s WHERE s.id = e.school_id
      $$`,
  `
      CREATE FUNCTION enrollment_rollup_track() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        l learner%ROWTYPE;
      BEGIN
        IF TG_OP = 'UPDATE' AND
           (OLD.learner_id, OLD.school_id, OLD.school_year, OLD.grade_level, OLD.strand, OLD.status,
            OLD.categories, OLD.moved_in, OLD.transferred_in, OLD.transferred_out)
           IS NOT DISTINCT FROM
           (NEW.learner_id, NEW.school_id, NEW.school_year, NEW.grade_level, NEW.strand, NEW.status,
            NEW.categories, NEW.moved_in, NEW.transferred_in, NEW.transferred_out) THEN
          RETURN NULL;
        END IF;
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          SELECT * INTO l FROM learner WHERE id = OLD.learner_id;
          PERFORM enrollment_rollup_emit(OLD, l.sex, l.is_indigenous, l.special_needs, l.is_four_ps, -1);
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          SELECT * INTO l FROM learner WHERE id = NEW.learner_id;
          PERFORM enrollment_rollup_emit(NEW, l.sex, l.is_indigenous, l.special_needs, l.is_four_ps, 1);
        END IF;
        RETURN NULL;
      END $$`,
  `
      CREATE TRIGGER "enrollment_rollup" AFTER INSERT OR UPDATE OR DELETE ON "enrollment"
      FOR EACH ROW EXECUTE FUNCTION enrollment_rollup_track()`,
  `
      CREATE FUNCTION learner_rollup_track() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        e enrollment%ROWTYPE;
      BEGIN
        FOR e IN SELECT * FROM enrollment WHERE learner_id = NEW.id LOOP
          PERFORM enrollment_rollup_emit(e, OLD.sex, OLD.is_indigenous, OLD.special_needs, OLD.is_four_ps, -1);
          PERFORM enrollment_rollup_emit(e, NEW.sex, NEW.is_indigenous, NEW.special_needs, NEW.is_four_ps, 1);
        END LOOP;
        RETURN NULL;
      END $$`,
  `
      CREATE TRIGGER "learner_rollup" AFTER UPDATE OF sex, is_indigenous, special_needs, is_four_ps
      ON "learner" FOR EACH ROW
      WHEN ((OLD.sex, OLD.is_indigenous, OLD.special_needs, OLD.is_four_ps)
            IS DISTINCT FROM (NEW.sex, NEW.is_indigenous, NEW.special_needs, NEW.is_four_ps))
      EXECUTE FUNCTION learner_rollup_track()`,
];

const rollupApplier = [
  // Folds the committed deltas into the three grains, in one statement: a reader sees either the
  // deltas or their sums, never both. One applier at a time; the others return at once.
  `
      CREATE FUNCTION apply_enrollment_rollup_deltas() RETURNS integer
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        v_count integer;
      BEGIN
        IF NOT pg_try_advisory_xact_lock(hashtext('apply_enrollment_rollup_deltas')) THEN
          RETURN 0;
        END IF;
        WITH d AS (DELETE FROM enrollment_rollup_delta RETURNING *),
        by_school AS (
          INSERT INTO enrollment_rollup_school AS t
          SELECT region_id, division_id, school_id, ${key}, ${sums} FROM d
          GROUP BY region_id, division_id, school_id, ${key}
          ON CONFLICT (school_id, ${key}) ${addUp('t')}),
        by_division AS (
          INSERT INTO enrollment_rollup_division AS t
          SELECT region_id, division_id, ${key}, ${sums} FROM d
          GROUP BY region_id, division_id, ${key}
          ON CONFLICT (division_id, ${key}) ${addUp('t')}),
        by_region AS (
          INSERT INTO enrollment_rollup_region AS t
          SELECT region_id, ${key}, ${sums} FROM d
          GROUP BY region_id, ${key}
          ON CONFLICT (region_id, ${key}) ${addUp('t')})
        SELECT count(*) INTO v_count FROM d;
        RETURN v_count;
      END $$`,
  ...[
    'enrollment_rollup_emit(enrollment, varchar, boolean, varchar[], boolean, int)',
    'apply_enrollment_rollup_deltas()',
  ].map((fn) => `REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`),
];

const backfill = [
  // Enrollments made before this migration count from the start.
  `
      INSERT INTO enrollment_rollup_delta (region_id, division_id, school_id, school_year, sector,
        grade_level, strand, sex, status, categories, learners, moved_in, transferred_in, transferred_out)
      SELECT s.region_id, s.division_id, s.id, e.school_year, s.sector, e.grade_level,
             coalesce(e.strand, ''), l.sex, e.status,
             enrollment_category_mask(l.is_indigenous, l.special_needs, l.is_four_ps, e.categories),
             1, e.moved_in::int, e.transferred_in::int, e.transferred_out::int
      FROM enrollment e JOIN learner l ON l.id = e.learner_id JOIN school s ON s.id = e.school_id`,
  'SELECT apply_enrollment_rollup_deltas()',
];

/**
 * Live rollups of enrollment (issue 6). Every write to an enrollment, and every change of a
 * learner's sex or categories, appends its effect (-1 for the row as it was, +1 as it is) to
 * `enrollment_rollup_delta` in the same transaction, by trigger: an append, so concurrent writers
 * never wait on a shared counter row. `apply_enrollment_rollup_deltas()` folds the committed deltas
 * into three grains (school, division, region) in one statement; the API calls it several times a
 * second. A reader sums a grain and the deltas not yet folded, so a committed write counts at once.
 *
 * Categories are a bit mask (IP 1, SPED 2, BALIK_ARAL 4, OSY 8, OSC 16, FOUR_PS 32): IP, SPED and
 * 4Ps belong to the learner, the others to the enrollment (SPEC §3).
 */
export class EnrollmentRollup1795699000000 implements MigrationInterface {
  name = 'EnrollmentRollup1795699000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of [...rollupTables, ...rollupTriggers, ...rollupApplier, ...backfill])
      await queryRunner.query(statement);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER "learner_rollup" ON "learner"');
    await queryRunner.query('DROP TRIGGER "enrollment_rollup" ON "enrollment"');
    await queryRunner.query('DROP FUNCTION apply_enrollment_rollup_deltas()');
    await queryRunner.query('DROP FUNCTION learner_rollup_track()');
    await queryRunner.query('DROP FUNCTION enrollment_rollup_track()');
    await queryRunner.query(
      'DROP FUNCTION enrollment_rollup_emit(enrollment, varchar, boolean, varchar[], boolean, int)',
    );
    await queryRunner.query(
      'DROP FUNCTION enrollment_category_mask(boolean, varchar[], boolean, varchar[])',
    );
    for (const table of ['region', 'division', 'school', 'delta'])
      await queryRunner.query(`DROP TABLE "enrollment_rollup_${table}"`);
  }
}
