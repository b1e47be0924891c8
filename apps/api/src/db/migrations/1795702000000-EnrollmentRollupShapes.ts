import { type MigrationInterface, type QueryRunner } from 'typeorm';

// The rollup shapes and applier as EnrollmentRollupBrief left them (a migration imports nothing).
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

const gradedKey = 'school_year, sector, grade_level, strand, sex, status';
const categoryKey = 'school_year, sector, sex, status, category';
/** The category bits of the wide rollups (EnrollmentRollup), one row per category here. */
const categoryJoin = `JOIN (VALUES ('IP', 1), ('SPED', 2), ('BALIK_ARAL', 4), ('OSY', 8), ('OSC', 16),
  ('FOUR_PS', 32)) AS c(category, bit) ON (categories & c.bit) <> 0`;
const grains = ['school', 'division', 'region'] as const;
const graded: Grain[] = grains.map((p) => ({
  table: `enrollment_rollup_${p}_graded`,
  places: place[p],
  key: gradedKey,
}));
const categorized: Grain[] = grains.map((p) => ({
  table: `enrollment_rollup_${p}_category`,
  places: place[p],
  key: categoryKey,
  join: categoryJoin,
}));

const placeColumns = {
  school:
    '"school_id" integer NOT NULL, "region_id" smallint NOT NULL, "division_id" smallint NOT NULL',
  division: '"division_id" smallint NOT NULL, "region_id" smallint NOT NULL',
  region: '"region_id" smallint NOT NULL',
};
const measureColumns = `"learners" integer NOT NULL, "moved_in" integer NOT NULL,
  "transferred_in" integer NOT NULL, "transferred_out" integer NOT NULL`;

/**
 * Two more shapes of the rollups (issue 6), at each place grain: by grade and strand without
 * categories (a grade × sex pyramid reads 5 times fewer rows than the wide rollup with its
 * category combinations), and one row per learner category (a chart by category reads the few
 * rows of the categories instead of every combination of them). The applier folds each delta
 * into all four shapes in one statement.
 */
export class EnrollmentRollupShapes1795702000000 implements MigrationInterface {
  name = 'EnrollmentRollupShapes1795702000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('SELECT apply_enrollment_rollup_deltas()');
    for (const [i, p] of grains.entries()) {
      await queryRunner.query(`CREATE TABLE "${graded[i]!.table}" (${placeColumns[p]},
        "school_year" varchar(9) NOT NULL, "sector" varchar(10) NOT NULL,
        "grade_level" varchar(24) NOT NULL, "strand" varchar(8) NOT NULL,
        "sex" varchar(6) NOT NULL, "status" varchar(24) NOT NULL, ${measureColumns},
        PRIMARY KEY ("${place[p][0]}", ${gradedKey}))`);
      await queryRunner.query(`CREATE TABLE "${categorized[i]!.table}" (${placeColumns[p]},
        "school_year" varchar(9) NOT NULL, "sector" varchar(10) NOT NULL,
        "sex" varchar(6) NOT NULL, "status" varchar(24) NOT NULL,
        "category" varchar(12) NOT NULL, ${measureColumns},
        PRIMARY KEY ("${place[p][0]}", ${categoryKey}))`);
      if (p !== 'region') {
        const parent = p === 'school' ? 'division_id' : 'region_id';
        for (const g of [graded[i]!, categorized[i]!])
          await queryRunner.query(
            `CREATE INDEX "IDX_${g.table}_year_${parent}" ON "${g.table}" ("school_year", "${parent}")`,
          );
      }
      for (const g of [graded[i]!, categorized[i]!]) {
        await queryRunner.query(`
          INSERT INTO ${g.table} (${g.places.join(', ')}, ${g.key}, ${measures})
          SELECT ${g.places.join(', ')}, ${g.key}, ${sums} FROM ${wide[i]!.table} ${g.join ?? ''}
          GROUP BY ${g.places.join(', ')}, ${g.key}`);
      }
    }
    await queryRunner.query(applier([...wide, ...brief, ...graded, ...categorized]));
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('SELECT apply_enrollment_rollup_deltas()');
    await queryRunner.query(applier([...wide, ...brief]));
    for (const g of [...graded, ...categorized]) await queryRunner.query(`DROP TABLE "${g.table}"`);
  }
}
