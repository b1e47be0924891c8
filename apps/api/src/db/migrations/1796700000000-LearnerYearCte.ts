import { type MigrationInterface, type QueryRunner } from 'typeorm';
import { learnerFlowViews } from './1796600000000-LearnerFlows.js';

// The enrolment of a learner's year as a CTE of learner_flow_source rather than a view of its own
// (db/sql/learner-flow.sql): a view over one table reads back unqualified from PostgreSQL 16 on and
// qualified before, and the schema dump is compared on PostgreSQL 18 and 15. The same rows.

const view = `
-- Each learner's flow row of each school year, from the base tables.
-- (A view's lists are array constants: an IN list of a view reads back from a dump as another text,
-- which a restored database's schema would not match. The enrolment of a learner's year is a CTE,
-- not a view of its own: a view over one table reads back unqualified from PostgreSQL 16 on and
-- qualified before, and the schema dump is compared on both.)
-- The enrolment that counts for a learner in a school year: the active one (temporarily or
-- officially enrolled), else the last that ended (moved out, transferred to ALS, dropped out).
-- Pre-registrations, enrolments awaiting approval and declined ones do not count. Not
-- materialized: each use is planned with its own conditions (one learner's rows on a refresh).
CREATE OR REPLACE VIEW learner_flow_source AS
WITH learner_year AS NOT MATERIALIZED (
  SELECT DISTINCT ON (e.learner_id, e.school_year)
         e.learner_id, e.school_year, e.school_id, e.grade_level, e.status, e.categories
  FROM enrollment e
  WHERE e.status::text = ANY ('{TEMPORARILY_ENROLLED,OFFICIALLY_ENROLLED,MOVED_OUT,TRANSFERRED_TO_ALS,DROPPED_OUT}'::text[])
  ORDER BY e.learner_id, e.school_year,
           (e.status::text = ANY ('{TEMPORARILY_ENROLLED,OFFICIALLY_ENROLLED}'::text[])) DESC, e.id DESC
)
SELECT c.learner_id, c.school_year, s.region_id, s.division_id, c.school_id, s.sector,
       c.grade_level, l.sex,
       enrollment_category_mask(l.is_indigenous, l.special_needs, l.is_four_ps, c.categories)
         AS categories,
       l.record_key,
       (CASE
          WHEN n.learner_id IS NULL THEN
            CASE WHEN c.status = 'TRANSFERRED_TO_ALS' THEN 'TRANSFERRED_TO_ALS'
                 WHEN c.grade_level = 'GRADE_12' AND c.status <> 'DROPPED_OUT' THEN 'COMPLETED'
                 ELSE 'NOT_ENROLLED' END
          WHEN n.grade_level LIKE 'ALS%' THEN 'TRANSFERRED_TO_ALS'
          WHEN flow_grade_rank(n.grade_level) > flow_grade_rank(c.grade_level) THEN 'PROMOTED'
          ELSE 'REPEATED'
        END)::varchar(20) AS outcome,
       coalesce(n.school_id <> c.school_id AND school_offers_grade(s, n.grade_level), false)
         AS other_school,
       (c.grade_level::text = ANY ('{GRADE_1,GRADE_7}'::text[]) AND EXISTS (
          SELECT 1 FROM enrollment r
          WHERE r.learner_id = c.learner_id AND r.school_year > c.school_year
            AND r.grade_level = CASE c.grade_level WHEN 'GRADE_1' THEN 'GRADE_6' ELSE 'GRADE_10' END
            AND r.status::text = ANY ('{TEMPORARILY_ENROLLED,OFFICIALLY_ENROLLED,MOVED_OUT,TRANSFERRED_TO_ALS,DROPPED_OUT}'::text[])))
         AS survived
FROM learner_year c
JOIN school s ON s.id = c.school_id
JOIN learner l ON l.id = c.learner_id
LEFT JOIN learner_year n
  ON n.learner_id = c.learner_id AND n.school_year = school_year_after(c.school_year)
WHERE flow_grade_rank(c.grade_level) IS NOT NULL;
`;

export class LearnerYearCte1796700000000 implements MigrationInterface {
  name = 'LearnerYearCte1796700000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(view);
    await queryRunner.query('DROP VIEW learner_year_enrollment');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(learnerFlowViews);
  }
}
