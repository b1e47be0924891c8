import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** The search as LearnerSearchSpeed left it, for down. */
const speedSearch = `
      CREATE OR REPLACE FUNCTION learner_uniqueness_candidates(p_name_key text, p_birth_date date, p_lrn text, p_limit int)
      RETURNS TABLE (id bigint, lrn char(12), last_name varchar, first_name varchar, middle_name varchar,
                     extension_name varchar, name_key varchar, birth_date date, sex varchar,
                     last_school_id int, name_similarity real, former_lrns text[])
      LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        -- day and month swapped, where the day can be a month
        v_swapped date := CASE WHEN extract(day FROM p_birth_date) <= 12 THEN
          make_date(extract(year FROM p_birth_date)::int, extract(day FROM p_birth_date)::int,
                    extract(month FROM p_birth_date)::int) END;
        v_ids bigint[];
      BEGIN
        IF p_lrn IS NOT NULL THEN
          -- char(12) = text would cast the column and skip its index
          v_ids := ARRAY(SELECT coalesce(l.merged_into_id, l.id) FROM learner l WHERE l.lrn = p_lrn::char(12));
        END IF;
        IF p_name_key IS NOT NULL AND p_birth_date IS NOT NULL THEN
          v_ids := v_ids || ARRAY(
            SELECT l.id FROM learner l
            WHERE l.birth_date IN (p_birth_date, v_swapped)
              -- the thresholds of % and <%, as functions: the date index alone drives this
              -- branch (the planner otherwise ANDs in costly trigram index scans)
              AND (similarity(l.name_key, p_name_key) >= 0.3
                   OR word_similarity(p_name_key, l.name_key) >= 0.6)
            ORDER BY l.name_key <-> p_name_key
            LIMIT p_limit);
        ELSIF p_name_key IS NOT NULL THEN
          v_ids := v_ids || ARRAY(
            SELECT l.id FROM learner l ORDER BY l.name_key <-> p_name_key LIMIT p_limit);
        END IF;
        RETURN QUERY
        SELECT c.id, c.lrn, c.last_name, c.first_name, c.middle_name, c.extension_name, c.name_key,
               c.birth_date, c.sex,
               (SELECT ls.school_id FROM learner_school ls WHERE ls.learner_id = c.id
                ORDER BY ls.since DESC LIMIT 1),
               CASE WHEN p_name_key IS NULL THEN 0::real ELSE similarity(c.name_key, p_name_key) END,
               ARRAY(SELECT m.lrn::text FROM learner m WHERE m.merged_into_id = c.id AND m.lrn IS NOT NULL)
        FROM learner c
        WHERE c.id = ANY (v_ids) AND c.merged_into_id IS NULL;
      END $$`;

/**
 * Measured at 5,000,000 learners: a name-only search by trigram distance (GiST KNN) took about
 * 1.4 s, because common Filipino names share most trigrams and the index cannot prune. Searching
 * first for learners who have every word of the name, in any order, uses a GIN index on the word
 * set; trigram distance then only ranks those few, and remains the fallback for misspellings.
 */
export class LearnerNameWords1795554982580 implements MigrationInterface {
  name = 'LearnerNameWords1795554982580';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "IDX_learner_name_words" ON "learner" USING gin (string_to_array("name_key", ' '))`,
    );
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION learner_uniqueness_candidates(p_name_key text, p_birth_date date, p_lrn text, p_limit int)
      RETURNS TABLE (id bigint, lrn char(12), last_name varchar, first_name varchar, middle_name varchar,
                     extension_name varchar, name_key varchar, birth_date date, sex varchar,
                     last_school_id int, name_similarity real, former_lrns text[])
      LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        -- day and month swapped, where the day can be a month
        v_swapped date := CASE WHEN extract(day FROM p_birth_date) <= 12 THEN
          make_date(extract(year FROM p_birth_date)::int, extract(day FROM p_birth_date)::int,
                    extract(month FROM p_birth_date)::int) END;
        v_ids bigint[];
        v_named bigint[];
      BEGIN
        IF p_lrn IS NOT NULL THEN
          -- char(12) = text would cast the column and skip its index
          v_ids := ARRAY(SELECT coalesce(l.merged_into_id, l.id) FROM learner l WHERE l.lrn = p_lrn::char(12));
        END IF;
        IF p_name_key IS NOT NULL AND p_birth_date IS NOT NULL THEN
          v_ids := v_ids || ARRAY(
            SELECT l.id FROM learner l
            WHERE l.birth_date IN (p_birth_date, v_swapped)
              -- the thresholds of % and <%, as functions: the date index alone drives this branch
              AND (similarity(l.name_key, p_name_key) >= 0.3
                   OR word_similarity(p_name_key, l.name_key) >= 0.6)
            ORDER BY l.name_key <-> p_name_key
            LIMIT p_limit);
        ELSIF p_name_key IS NOT NULL THEN
          -- every word of the name, in any order; ranked among those by trigram distance
          v_named := ARRAY(
            SELECT l.id FROM learner l
            WHERE string_to_array(l.name_key, ' ') @> string_to_array(p_name_key, ' ')
            ORDER BY l.name_key <-> p_name_key
            LIMIT p_limit);
          IF cardinality(v_named) = 0 THEN
            v_named := ARRAY(SELECT l.id FROM learner l ORDER BY l.name_key <-> p_name_key LIMIT p_limit);
          END IF;
          v_ids := v_ids || v_named;
        END IF;
        RETURN QUERY
        SELECT c.id, c.lrn, c.last_name, c.first_name, c.middle_name, c.extension_name, c.name_key,
               c.birth_date, c.sex,
               (SELECT ls.school_id FROM learner_school ls WHERE ls.learner_id = c.id
                ORDER BY ls.since DESC LIMIT 1),
               CASE WHEN p_name_key IS NULL THEN 0::real ELSE similarity(c.name_key, p_name_key) END,
               ARRAY(SELECT m.lrn::text FROM learner m WHERE m.merged_into_id = c.id AND m.lrn IS NOT NULL)
        FROM learner c
        WHERE c.id = ANY (v_ids) AND c.merged_into_id IS NULL;
      END $$`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(speedSearch);
    await queryRunner.query('DROP INDEX "IDX_learner_name_words"');
  }
}
