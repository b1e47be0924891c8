import { type MigrationInterface, type QueryRunner } from 'typeorm';

const statuses = (list: string) => `IN (${list})`;
const before = statuses(
  "'PRE_REGISTERED', 'TEMPORARILY_ENROLLED', 'OFFICIALLY_ENROLLED', 'MOVED_OUT', 'TRANSFERRED_TO_ALS', 'DROPPED_OUT'",
);
const after = statuses(
  "'PRE_REGISTERED', 'TEMPORARILY_ENROLLED', 'OFFICIALLY_ENROLLED', 'MOVED_OUT', 'TRANSFERRED_TO_ALS', 'DROPPED_OUT', 'AWAITING_APPROVAL', 'DECLINED'",
);

/** The rollups' emitter as it was (CellKeys). */
const emitBefore = `
      CREATE OR REPLACE FUNCTION enrollment_rollup_emit(e enrollment, p_sex varchar, p_is_indigenous boolean,
                                                        p_special_needs varchar[], p_is_four_ps boolean,
                                                        p_record_key int, p_sign int)
      RETURNS void LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
        INSERT INTO enrollment_rollup_delta (region_id, division_id, school_id, school_year, sector,
          grade_level, strand, sex, status, categories, learners, moved_in, transferred_in, transferred_out,
          learners_key_sum, moved_in_key_sum, transferred_in_key_sum, transferred_out_key_sum)
        SELECT s.region_id, s.division_id, s.id, e.school_year, s.sector, e.grade_level,
               coalesce(e.strand, ''), p_sex, e.status,
               enrollment_category_mask(p_is_indigenous, p_special_needs, p_is_four_ps, e.categories),
               p_sign, p_sign * e.moved_in::int, p_sign * e.transferred_in::int,
               p_sign * e.transferred_out::int, p_sign * p_record_key,
               p_sign * p_record_key * e.moved_in::int, p_sign * p_record_key * e.transferred_in::int,
               p_sign * p_record_key * e.transferred_out::int
        FROM school s WHERE s.id = e.school_id
      $$;
`;

/**
 * The same text as db/sql/enrollment-rollup.sql: an enrolment awaiting the school head's approval
 * or declined by the head adds nothing to the rollups.
 */
const emitAfter = `
      CREATE OR REPLACE FUNCTION enrollment_rollup_emit(e enrollment, p_sex varchar, p_is_indigenous boolean,
                                                        p_special_needs varchar[], p_is_four_ps boolean,
                                                        p_record_key int, p_sign int)
      RETURNS void LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
        INSERT INTO enrollment_rollup_delta (region_id, division_id, school_id, school_year, sector,
          grade_level, strand, sex, status, categories, learners, moved_in, transferred_in, transferred_out,
          learners_key_sum, moved_in_key_sum, transferred_in_key_sum, transferred_out_key_sum)
        SELECT s.region_id, s.division_id, s.id, e.school_year, s.sector, e.grade_level,
               coalesce(e.strand, ''), p_sex, e.status,
               enrollment_category_mask(p_is_indigenous, p_special_needs, p_is_four_ps, e.categories),
               p_sign, p_sign * e.moved_in::int, p_sign * e.transferred_in::int,
               p_sign * e.transferred_out::int, p_sign * p_record_key,
               p_sign * p_record_key * e.moved_in::int, p_sign * p_record_key * e.transferred_in::int,
               p_sign * p_record_key * e.transferred_out::int
        FROM school s WHERE s.id = e.school_id AND e.status NOT IN ('AWAITING_APPROVAL', 'DECLINED')
      $$;
`;

/**
 * The school head's approval of late and backdated enrolments (issue 21, DO 03 s. 2018 §V.D): two
 * statuses an enrolment may hold before it counts (AWAITING_APPROVAL, DECLINED), one awaiting
 * enrolment per learner and year, and the rollups leaving both out.
 */
export class EnrollmentApproval1796581651224 implements MigrationInterface {
  name = 'EnrollmentApproval1796581651224';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await this.checks(queryRunner, after);
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_enrollment_awaiting_learner_year" ON "enrollment"  ("learner_id", "school_year") WHERE "status" = \'AWAITING_APPROVAL\'',
    );
    await queryRunner.query(emitAfter);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(emitBefore);
    await queryRunner.query('DROP INDEX "public"."UQ_enrollment_awaiting_learner_year"');
    await this.checks(queryRunner, before);
  }

  private async checks(queryRunner: QueryRunner, list: string) {
    for (const table of ['enrollment', 'enrollment_status_change']) {
      const name = `CHK_${table}_status`;
      await queryRunner.query(`ALTER TABLE "${table}" DROP CONSTRAINT "${name}"`);
      await queryRunner.query(
        `ALTER TABLE "${table}" ADD CONSTRAINT "${name}" CHECK ("status" ${list})`,
      );
    }
  }
}
