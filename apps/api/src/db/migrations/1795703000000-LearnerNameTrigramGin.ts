import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** The last resort of a name-only search before this migration (LearnerNameSearchPlan's), for down. */
const gistFallback = 'SELECT l.id FROM learner l ORDER BY l.name_key <-> p_name_key LIMIT p_limit';

/** learner_uniqueness_candidates, with the last resort of a name-only search given. */
const uniquenessCandidatesSql = (fallback: string) => `
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
        v_words text[] := string_to_array(p_name_key, ' ');
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
            WHERE string_to_array(l.name_key, ' ') @> v_words
            -- similarity, not the <-> distance: no ordered trigram scan that finds nothing and
            -- reads the whole index when a word is misspelt; the word index finds the rows first
            ORDER BY similarity(l.name_key, p_name_key) DESC
            LIMIT p_limit);
          -- one word misspelt: every word but one
          IF cardinality(v_named) = 0 AND cardinality(v_words) > 1 THEN
            FOR i IN 1 .. cardinality(v_words) LOOP
              v_named := v_named || ARRAY(
                SELECT l.id FROM learner l
                WHERE string_to_array(l.name_key, ' ') @> (v_words[:i - 1] || v_words[i + 1:])
                ORDER BY similarity(l.name_key, p_name_key) DESC
                LIMIT p_limit);
            END LOOP;
          END IF;
          IF cardinality(v_named) = 0 THEN
            v_named := ARRAY(${fallback});
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
      END $$`;

/**
 * The name's trigram index as GIN instead of GiST. Measured at 1,000,000 learners: GiST took 19.1 s
 * to build on one core, GIN 4.4 s (and GIN builds in parallel since PostgreSQL 18); kept during a
 * load, GiST cost 25 s per million learners. GiST's one use was the name-only search's last resort,
 * the learners nearest by trigram distance when none has all the words but one; with GIN that
 * resort is the learners similar by the trigram threshold (`%`, 0.3), nearest first.
 */
export class LearnerNameTrigramGin1795703000000 implements MigrationInterface {
  name = 'LearnerNameTrigramGin1795703000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_learner_name_key_trgm"');
    await queryRunner.query(
      'CREATE INDEX "IDX_learner_name_key_trgm" ON learner USING gin (name_key gin_trgm_ops)',
    );
    await queryRunner.query(
      uniquenessCandidatesSql(
        'SELECT l.id FROM learner l WHERE l.name_key % p_name_key ORDER BY l.name_key <-> p_name_key LIMIT p_limit',
      ),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(uniquenessCandidatesSql(gistFallback));
    await queryRunner.query('DROP INDEX "IDX_learner_name_key_trgm"');
    await queryRunner.query(
      'CREATE INDEX "IDX_learner_name_key_trgm" ON learner USING gist (name_key gist_trgm_ops)',
    );
  }
}
