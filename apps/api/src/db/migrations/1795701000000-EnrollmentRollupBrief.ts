import { type MigrationInterface, type QueryRunner } from 'typeorm';

const measures = 'learners, moved_in, transferred_in, transferred_out';
const sums = `sum(learners)::int, sum(moved_in)::int, sum(transferred_in)::int, sum(transferred_out)::int`;
const addUp = `DO UPDATE SET learners = t.learners + excluded.learners,
  moved_in = t.moved_in + excluded.moved_in,
  transferred_in = t.transferred_in + excluded.transferred_in,
  transferred_out = t.transferred_out + excluded.transferred_out`;
const wideKey = 'school_year, sector, grade_level, strand, sex, status, categories';
const briefKey = 'school_year, sector, sex, status';

/**
 * A rollup table: its place columns, the first of which leads its primary key, and its key; with
 * `join`, the deltas are joined to it first (the category shape: one row per category).
 */
interface Grain {
  table: string;
  places: string[];
  key: string;
  join?: string;
}
const place = {
  school: ['school_id', 'region_id', 'division_id'],
  division: ['division_id', 'region_id'],
  region: ['region_id'],
};
const wide: Grain[] = (['school', 'division', 'region'] as const).map((p) => ({
  table: `enrollment_rollup_${p}`,
  places: place[p],
  key: wideKey,
}));
const brief: Grain[] = (['school', 'division', 'region'] as const).map((p) => ({
  table: `enrollment_rollup_${p}_brief`,
  places: place[p],
  key: briefKey,
}));

/** The applier over the given grains: every committed delta folded into each, in one statement. */
const applier = (grains: Grain[]) => `
  CREATE OR REPLACE FUNCTION apply_enrollment_rollup_deltas() RETURNS integer
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
  DECLARE
    v_count integer;
  BEGIN
    IF NOT pg_try_advisory_xact_lock(hashtext('apply_enrollment_rollup_deltas')) THEN
      RETURN 0;
    END IF;
    WITH d AS (DELETE FROM enrollment_rollup_delta RETURNING *),
    ${grains
      .map(
        (g, i) => `g${i} AS (
      INSERT INTO ${g.table} AS t (${g.places.join(', ')}, ${g.key}, ${measures})
      SELECT ${g.places.join(', ')}, ${g.key}, ${sums} FROM d ${g.join ?? ''}
      GROUP BY ${g.places.join(', ')}, ${g.key}
      ON CONFLICT (${g.places[0]}, ${g.key}) ${addUp})`,
      )
      .join(',\n    ')}
    SELECT count(*) INTO v_count FROM d;
    RETURN v_count;
  END $$`;

/** The applier as EnrollmentRollup wrote it (the wide grains only), for down. */
const wideApplier = `
      CREATE OR REPLACE FUNCTION apply_enrollment_rollup_deltas() RETURNS integer
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
          SELECT region_id, division_id, school_id, ${wideKey}, ${sums} FROM d
          GROUP BY region_id, division_id, school_id, ${wideKey}
          ON CONFLICT (school_id, ${wideKey}) ${addUp}),
        by_division AS (
          INSERT INTO enrollment_rollup_division AS t
          SELECT region_id, division_id, ${wideKey}, ${sums} FROM d
          GROUP BY region_id, division_id, ${wideKey}
          ON CONFLICT (division_id, ${wideKey}) ${addUp}),
        by_region AS (
          INSERT INTO enrollment_rollup_region AS t
          SELECT region_id, ${wideKey}, ${sums} FROM d
          GROUP BY region_id, ${wideKey}
          ON CONFLICT (region_id, ${wideKey}) ${addUp})
        SELECT count(*) INTO v_count FROM d;
        RETURN v_count;
      END $$`;

/**
 * Brief rollups (issue 6): the same counts without grade, strand and category, at each place
 * grain. The dashboard's commonest questions (places by sex and status: a division's schools, the
 * regions) read a few rows per place there instead of one per grade × strand × category
 * combination: 12 rows a school a year, not about 150 when the school is full. The applier folds
 * every delta into both kinds in the same statement.
 */
export class EnrollmentRollupBrief1795701000000 implements MigrationInterface {
  name = 'EnrollmentRollupBrief1795701000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // What is pending goes into the wide grains first, so the brief ones start equal to them.
    await queryRunner.query('SELECT apply_enrollment_rollup_deltas()');
    const columns = `"school_year" varchar(9) NOT NULL, "sector" varchar(10) NOT NULL,
      "sex" varchar(6) NOT NULL, "status" varchar(24) NOT NULL, "learners" integer NOT NULL,
      "moved_in" integer NOT NULL, "transferred_in" integer NOT NULL,
      "transferred_out" integer NOT NULL`;
    await queryRunner.query(`CREATE TABLE "enrollment_rollup_school_brief" (
      "school_id" integer NOT NULL, "region_id" smallint NOT NULL, "division_id" smallint NOT NULL,
      ${columns}, PRIMARY KEY ("school_id", ${briefKey}))`);
    await queryRunner.query(`CREATE TABLE "enrollment_rollup_division_brief" (
      "division_id" smallint NOT NULL, "region_id" smallint NOT NULL,
      ${columns}, PRIMARY KEY ("division_id", ${briefKey}))`);
    await queryRunner.query(`CREATE TABLE "enrollment_rollup_region_brief" (
      "region_id" smallint NOT NULL, ${columns}, PRIMARY KEY ("region_id", ${briefKey}))`);
    await queryRunner.query(
      'CREATE INDEX "IDX_enrollment_rollup_school_brief_year_division" ON "enrollment_rollup_school_brief" ("school_year", "division_id")',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_enrollment_rollup_division_brief_year_region" ON "enrollment_rollup_division_brief" ("school_year", "region_id")',
    );
    for (const [i, g] of brief.entries()) {
      await queryRunner.query(`
        INSERT INTO ${g.table} (${g.places.join(', ')}, ${g.key}, ${measures})
        SELECT ${g.places.join(', ')}, ${g.key}, ${sums} FROM ${wide[i]!.table}
        GROUP BY ${g.places.join(', ')}, ${g.key}`);
    }
    await queryRunner.query(applier([...wide, ...brief]));
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('SELECT apply_enrollment_rollup_deltas()');
    await queryRunner.query(wideApplier);
    for (const g of brief) await queryRunner.query(`DROP TABLE "${g.table}"`);
  }
}
