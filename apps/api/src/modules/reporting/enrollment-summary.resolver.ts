import { Dimension } from '@repo/domain/enums';
import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { type Context } from '../../context.js';
import { toDivision } from '../division/division.type.js';
import { toRegion } from '../region/region.type.js';
import { toSchool } from '../school/school.type.js';
import { enrollmentSummary } from './enrollment-summary.service.js';
import { EnrollmentSummaryFilter, EnrollmentSummaryRow } from './enrollment-summary.type.js';

@Resolver()
export class EnrollmentSummaryResolver {
  @Query(() => [EnrollmentSummaryRow], {
    description:
      'Learners by any combination of dimensions and filters, from live rollups (a committed write counts at once). Grouping by CATEGORY counts a learner once in each of its categories. Regional and national scopes read aggregates of their place only.',
  })
  async enrollmentSummary(
    @Arg('groupBy', () => [Dimension]) groupBy: Dimension[],
    @Ctx() { dataSource, viewer, loaders }: Context,
    @Arg('filter', () => EnrollmentSummaryFilter, { nullable: true })
    filter?: EnrollmentSummaryFilter | null,
  ): Promise<EnrollmentSummaryRow[]> {
    const rows = await enrollmentSummary(dataSource, viewer!, filter ?? {}, groupBy);
    return Promise.all(
      rows.map(async (row) => {
        const { keys } = row;
        const [region, division, school] = await Promise.all([
          keys.REGION == null ? null : loaders.regionById.load(Number(keys.REGION)),
          keys.DIVISION == null ? null : loaders.divisionById.load(Number(keys.DIVISION)),
          keys.SCHOOL == null ? null : loaders.schoolById.load(Number(keys.SCHOOL)),
        ]);
        const male = row.male;
        return Object.assign(new EnrollmentSummaryRow(), {
          schoolYear: row.schoolYear,
          region: region ? toRegion(region) : null,
          division: division ? toDivision(division) : null,
          school: school ? toSchool(school) : null,
          sector: keys.SECTOR ?? null,
          gradeLevel: keys.GRADE_LEVEL ?? null,
          strand: keys.STRAND ?? null,
          sex: keys.SEX ?? null,
          category: keys.CATEGORY ?? null,
          status: keys.STATUS ?? null,
          learners: row.learners,
          male,
          female: row.female,
          genderParityIndex: male > 0 ? Math.round((row.female / male) * 1000) / 1000 : null,
          previousYearLearners: row.previousYearLearners,
          change:
            row.previousYearLearners === null ? null : row.learners - row.previousYearLearners,
          officiallyEnrolled: row.officiallyEnrolled,
          temporarilyEnrolled: row.temporarilyEnrolled,
          preRegistered: row.preRegistered,
          movedIn: row.movedIn,
          transferredIn: row.transferredIn,
          movedOut: row.movedOut,
          transferredOut: row.transferredOut,
          transferredToAls: row.transferredToAls,
          droppedOut: row.droppedOut,
        } as EnrollmentSummaryRow);
      }),
    );
  }
}
