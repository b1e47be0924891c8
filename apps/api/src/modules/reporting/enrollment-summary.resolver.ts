import { Dimension } from '@repo/domain/enums';
import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { type Context } from '../../context.js';
import { Division, toDivision } from '../division/division.type.js';
import { Region, toRegion } from '../region/region.type.js';
import { School, toSchool } from '../school/school.type.js';
import { enrollmentSummary } from './enrollment-summary.service.js';
import { EnrollmentSummaryFilter, EnrollmentSummaryRow } from './enrollment-summary.type.js';

@Resolver(() => EnrollmentSummaryRow)
export class EnrollmentSummaryResolver {
  @Query(() => [EnrollmentSummaryRow], {
    description:
      'Learners by any combination of dimensions and filters, from live rollups (a committed write counts at once). Grouping by CATEGORY counts a learner once in each of its categories. Regional and national scopes read aggregates of their place only. For roles without access to personal data, and with forExport, every count of a group that involves a learner category (grouped by CATEGORY or filtered on categories) is perturbed by the cell-key method: the true count plus an adjustment from -2 to +2 that a published table gives for the count and the key of its learners; 0 stays 0, the same group always gets the same answer, and a difference of two groups is not exact (docs/privacy.md). Other counts are exact.',
  })
  async enrollmentSummary(
    @Arg('groupBy', () => [Dimension]) groupBy: Dimension[],
    @Ctx() { dataSource, viewer }: Context,
    @Arg('filter', () => EnrollmentSummaryFilter, { nullable: true })
    filter?: EnrollmentSummaryFilter | null,
    @Arg('forExport', () => Boolean, {
      defaultValue: false,
      description:
        'For a CSV or other export: counts of groups that involve a learner category are perturbed whatever your role.',
    })
    forExport = false,
  ): Promise<EnrollmentSummaryRow[]> {
    const rows = await enrollmentSummary(dataSource, viewer!, filter ?? {}, groupBy, { forExport });
    return rows.map((row) => {
      const { keys } = row;
      const male = row.male;
      return Object.assign(new EnrollmentSummaryRow(), {
        regionId: keys.REGION == null ? null : Number(keys.REGION),
        divisionId: keys.DIVISION == null ? null : Number(keys.DIVISION),
        schoolId: keys.SCHOOL == null ? null : Number(keys.SCHOOL),
        schoolYear: row.schoolYear,
        asOf: row.asOf,
        sector: keys.SECTOR ?? null,
        gradeLevel: keys.GRADE_LEVEL ?? null,
        strand: keys.STRAND ?? null,
        sex: keys.SEX ?? null,
        category: keys.CATEGORY ?? null,
        status: keys.STATUS ?? null,
        learners: row.learners,
        male,
        female: row.female,
        genderParityIndex:
          male !== null && male > 0 && row.female !== null
            ? Math.round((row.female / male) * 1000) / 1000
            : null,
        previousYearLearners: row.previousYearLearners,
        change:
          row.previousYearLearners === null || row.learners === null
            ? null
            : row.learners - row.previousYearLearners,
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
    });
  }

  // The places are loaded only when asked for, in one batch per request (DataLoader).
  @FieldResolver(() => Region, { nullable: true })
  async region(@Root() row: EnrollmentSummaryRow, @Ctx() { loaders }: Context) {
    if (row.regionId === null) return null;
    const entity = await loaders.regionById.load(row.regionId);
    return entity ? toRegion(entity) : null;
  }

  @FieldResolver(() => Division, { nullable: true })
  async division(@Root() row: EnrollmentSummaryRow, @Ctx() { loaders }: Context) {
    if (row.divisionId === null) return null;
    const entity = await loaders.divisionById.load(row.divisionId);
    return entity ? toDivision(entity) : null;
  }

  @FieldResolver(() => School, { nullable: true })
  async school(@Root() row: EnrollmentSummaryRow, @Ctx() { loaders }: Context) {
    if (row.schoolId === null) return null;
    const entity = await loaders.schoolById.load(row.schoolId);
    return entity ? toSchool(entity) : null;
  }
}
