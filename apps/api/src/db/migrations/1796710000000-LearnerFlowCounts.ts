import { type MigrationInterface, type QueryRunner } from 'typeorm';
import { learnerFlowApply, learnerFlowRollupTables } from './1796600000000-LearnerFlows.js';

// The flow rollups keep counts (issue 22): a row per place, school year, sector, grade and sex (and
// category mask) with the cohort, each outcome's count, the promoted and repeating at another
// school and the survived, each with its record keys' sum; a national question sums about 950 rows
// a year where it grouped about 3,900 by outcome. learner_flow_counts and the applier as in
// db/sql/learner-flow.sql.

const counts = [
  'cohort',
  'promoted',
  'repeated',
  'completed',
  'transferred_to_als',
  'not_enrolled',
  'other_school',
  'survived',
];
const countColumns = counts
  .map((c) => `"${c}" integer NOT NULL, "${c}_key_sum" bigint NOT NULL`)
  .join(', ');
const grains = [
  {
    grain: 'school',
    places:
      '"region_id" smallint NOT NULL, "division_id" smallint NOT NULL, "school_id" integer NOT NULL',
    placeKeys: 'school_id, region_id, division_id',
    index: ['division', '"school_year", "division_id"'],
  },
  {
    grain: 'division',
    places: '"region_id" smallint NOT NULL, "division_id" smallint NOT NULL',
    placeKeys: 'division_id, region_id',
    index: ['region', '"school_year", "region_id"'],
  },
  {
    grain: 'region',
    places: '"region_id" smallint NOT NULL',
    placeKeys: 'region_id',
    index: ['', '"school_year"'],
  },
];
const rollups = ['', '_brief'].flatMap((shape) =>
  grains.map(({ grain, places, placeKeys, index: [by, columns] }) => {
    const table = `learner_flow_rollup_${grain}${shape}`;
    const category = shape === '' ? ', "categories" smallint NOT NULL' : '';
    const primary = `"${grain}_id", "school_year", "sector", "grade_level", "sex"${shape === '' ? ', "categories"' : ''}`;
    const index = `IDX_${table}_year${by ? `_${by}` : ''}`;
    return {
      table,
      index,
      keys: `${placeKeys}, school_year, sector, grade_level, sex${shape === '' ? ', categories' : ''}`,
      create: [
        `CREATE TABLE "${table}" (${places}, "school_year" varchar(9) NOT NULL,
          "sector" varchar(10) NOT NULL, "grade_level" varchar(24) NOT NULL, "sex" varchar(6) NOT NULL${category},
          ${countColumns}, PRIMARY KEY (${primary}))`,
        `CREATE INDEX "${index}" ON "${table}" (${columns})`,
      ],
    };
  }),
);

/** The same text as db/sql/learner-flow.sql. */
const functions = `
-- A delta's learners by count, and the sums of their record keys: the cohort; the outcome's count;
-- the promoted and repeating at another school; the survived. What each count of learnerFlows
-- takes is the domain's table (flowMeasureRules, packages/domain/src/flows.ts), and
-- learner-flow-counts.test.ts holds this function to it. The rollups keep these counts, so a
-- question sums a few columns over a row per place, year, sector, grade and sex (and category mask)
-- instead of a row per outcome as well.
CREATE OR REPLACE FUNCTION learner_flow_counts(p_outcome varchar, p_other_school boolean,
  p_survived boolean, p_learners int, p_key_sum bigint)
RETURNS TABLE (cohort int, cohort_key_sum bigint, promoted int, promoted_key_sum bigint,
  repeated int, repeated_key_sum bigint, completed int, completed_key_sum bigint,
  transferred_to_als int, transferred_to_als_key_sum bigint, not_enrolled int,
  not_enrolled_key_sum bigint, other_school int, other_school_key_sum bigint, survived int,
  survived_key_sum bigint)
LANGUAGE sql IMMUTABLE AS $$
  SELECT p_learners, p_key_sum,
         CASE WHEN p_outcome = 'PROMOTED' THEN p_learners ELSE 0 END,
         CASE WHEN p_outcome = 'PROMOTED' THEN p_key_sum ELSE 0 END,
         CASE WHEN p_outcome = 'REPEATED' THEN p_learners ELSE 0 END,
         CASE WHEN p_outcome = 'REPEATED' THEN p_key_sum ELSE 0 END,
         CASE WHEN p_outcome = 'COMPLETED' THEN p_learners ELSE 0 END,
         CASE WHEN p_outcome = 'COMPLETED' THEN p_key_sum ELSE 0 END,
         CASE WHEN p_outcome = 'TRANSFERRED_TO_ALS' THEN p_learners ELSE 0 END,
         CASE WHEN p_outcome = 'TRANSFERRED_TO_ALS' THEN p_key_sum ELSE 0 END,
         CASE WHEN p_outcome = 'NOT_ENROLLED' THEN p_learners ELSE 0 END,
         CASE WHEN p_outcome = 'NOT_ENROLLED' THEN p_key_sum ELSE 0 END,
         CASE WHEN p_other_school THEN p_learners ELSE 0 END,
         CASE WHEN p_other_school THEN p_key_sum ELSE 0 END,
         CASE WHEN p_survived THEN p_learners ELSE 0 END,
         CASE WHEN p_survived THEN p_key_sum ELSE 0 END
$$;

-- Folds the committed deltas into the school, division and region rollups in one statement, each
-- in two shapes: with the category mask, and brief (without it: a sixth of the rows, for the
-- questions that neither group nor filter by category). The statement is written from the list of
-- counts and shapes below (six INSERT ... ON CONFLICT alike but for their keys), and only when
-- there are deltas. One applier at a time; the others return at once.
CREATE OR REPLACE FUNCTION apply_learner_flow_deltas() RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  v_count integer;
  v_counts text[] := ARRAY['cohort', 'promoted', 'repeated', 'completed', 'transferred_to_als',
                           'not_enrolled', 'other_school', 'survived'];
  v_columns text;
  v_sums text;
  v_sets text;
  v_folds text;
BEGIN
  IF NOT pg_try_advisory_xact_lock(hashtext('apply_learner_flow_deltas')) THEN
    RETURN 0;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM learner_flow_delta) THEN
    RETURN 0;
  END IF;
  SELECT string_agg(format('%1$I, %2$I', c, c || '_key_sum'), ', '),
         string_agg(format('sum(%1$I)::int, sum(%2$I)::bigint', c, c || '_key_sum'), ', '),
         string_agg(format('%1$I = t.%1$I + excluded.%1$I, %2$I = t.%2$I + excluded.%2$I',
                           c, c || '_key_sum'), ', ')
  INTO v_columns, v_sums, v_sets
  FROM unnest(v_counts) c;
  SELECT string_agg(format(
           'g%s AS (INSERT INTO %I AS t (%s, %s) SELECT %s, %s FROM c GROUP BY %s '
           'ON CONFLICT (%s) DO UPDATE SET %s)',
           n, 'learner_flow_rollup_' || grain || shape, keys, v_columns, keys, v_sums, keys,
           conflict, v_sets), ', ')
  INTO v_folds
  FROM (SELECT row_number() OVER () AS n, g.grain, sh.shape,
               g.places || ', school_year, sector, grade_level, sex' || sh.extra AS keys,
               g.grain || '_id, school_year, sector, grade_level, sex' || sh.extra AS conflict
        FROM (VALUES ('school', 'school_id, region_id, division_id'),
                     ('division', 'division_id, region_id'),
                     ('region', 'region_id')) g(grain, places)
        CROSS JOIN (VALUES ('', ', categories'), ('_brief', '')) sh(shape, extra)) f;
  EXECUTE 'WITH d AS (DELETE FROM learner_flow_delta RETURNING *), '
          'c AS (SELECT d.region_id, d.division_id, d.school_id, d.school_year, d.sector, '
          'd.grade_level, d.sex, d.categories, k.* FROM d CROSS JOIN LATERAL '
          'learner_flow_counts(d.outcome, d.other_school, d.survived, d.learners, '
          'd.learners_key_sum) k), ' || v_folds || ' SELECT count(*)::int FROM d'
  INTO v_count;
  RETURN v_count;
END $$;
`;

/** The rollups counted again from learner_flow: its rows as deltas, folded by the applier. */
async function recount(queryRunner: QueryRunner) {
  await queryRunner.query("SELECT pg_advisory_xact_lock(hashtext('apply_learner_flow_deltas'))");
  await queryRunner.query('DELETE FROM learner_flow_delta');
  await queryRunner.query(`
    INSERT INTO learner_flow_delta (region_id, division_id, school_id, school_year, sector,
      grade_level, sex, categories, outcome, other_school, survived, learners, learners_key_sum)
    SELECT region_id, division_id, school_id, school_year, sector, grade_level, sex, categories,
           outcome, other_school, survived, count(*)::int, sum(record_key)::bigint
    FROM learner_flow GROUP BY region_id, division_id, school_id, school_year, sector, grade_level,
                               sex, categories, outcome, other_school, survived`);
  await queryRunner.query('SELECT apply_learner_flow_deltas()');
}

export class LearnerFlowCounts1796710000000 implements MigrationInterface {
  name = 'LearnerFlowCounts1796710000000';

  /**
   * Each rollup of outcomes becomes its rollup of counts, summed through learner_flow_counts (the
   * rollups' rows, not the learners': minutes less on a national database); the deltas not folded
   * yet keep their shape and are folded by the new applier.
   */
  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const { table, index } of rollups) {
      await queryRunner.query(`ALTER TABLE "${table}" RENAME TO "${table}_outcomes"`);
      await queryRunner.query(`ALTER INDEX "${table}_pkey" RENAME TO "${table}_outcomes_pkey"`);
      await queryRunner.query(`DROP INDEX "${index}"`);
    }
    for (const { create } of rollups)
      for (const statement of create) await queryRunner.query(statement);
    await queryRunner.query(functions);
    const sums = counts.map((c) => `sum(k.${c})::int, sum(k.${c}_key_sum)::bigint`).join(', ');
    const columns = counts.map((c) => `${c}, ${c}_key_sum`).join(', ');
    for (const { table, keys } of rollups) {
      await queryRunner.query(`
        INSERT INTO "${table}" (${keys}, ${columns})
        SELECT ${keys
          .split(', ')
          .map((k) => `o.${k}`)
          .join(', ')}, ${sums}
        FROM "${table}_outcomes" o CROSS JOIN LATERAL learner_flow_counts(o.outcome,
          o.other_school, o.survived, o.learners, o.learners_key_sum) k
        GROUP BY ${keys
          .split(', ')
          .map((k) => `o.${k}`)
          .join(', ')}`);
      await queryRunner.query(`DROP TABLE "${table}_outcomes"`);
    }
  }

  /** The rollups of outcomes counted again from learner_flow (counts do not split back). */
  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const { table } of rollups) await queryRunner.query(`DROP TABLE "${table}"`);
    await queryRunner.query(
      'DROP FUNCTION learner_flow_counts(varchar, boolean, boolean, int, bigint)',
    );
    for (const statement of learnerFlowRollupTables) await queryRunner.query(statement);
    await queryRunner.query(learnerFlowApply);
    await recount(queryRunner);
  }
}
