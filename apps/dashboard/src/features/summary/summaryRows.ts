import { sectorLabel } from '@repo/domain/school';
import { categoryLabel, gradeLabel, gradeOrder } from '../labels.js';
import { reportedCategories } from '../filters/reportFilters.js';
import { type EnrollmentOverviewQuery } from '../../gql/graphql.js';

export type Overview = EnrollmentOverviewQuery;
/** The total's row; no time when nothing matched (an empty answer has no row to carry it). */
export type Total = Omit<Overview['total'][number], 'asOf'> & { asOf: string | null };

/** The measures of a group with no learner: nothing to compare, no parity index. */
export const noLearners = {
  learners: 0,
  male: 0,
  female: 0,
  genderParityIndex: null,
  previousYearLearners: null,
  change: null,
} as const;

/** The one row of an ungrouped summary; zeros when nothing matched. */
export function toTotal(overview: Overview): Total {
  return (
    overview.total[0] ?? {
      asOf: null,
      ...noLearners,
      preRegistered: 0,
      temporarilyEnrolled: 0,
      officiallyEnrolled: 0,
      movedIn: 0,
      movedOut: 0,
      transferredIn: 0,
      transferredOut: 0,
      transferredToAls: 0,
      droppedOut: 0,
    }
  );
}

export function femaleShare(row: {
  female: number | null;
  learners: number | null;
}): number | undefined {
  return row.female !== null && row.learners ? row.female / row.learners : undefined;
}

/** Grades in school order, each with its males and females. */
export function toGradeRows(overview: Overview) {
  const byGrade = new Map(overview.byGrade.map((r) => [r.gradeLevel, r]));
  return gradeOrder
    .filter((grade) => byGrade.has(grade))
    .map((grade) => {
      const row = byGrade.get(grade)!;
      return {
        key: grade,
        label: gradeLabel[grade],
        male: row.male,
        female: row.female,
        learners: row.learners,
      };
    });
}

/** The four categories of the issue (IP, SPED, Balik-Aral, OSY), zero when none. */
export function toCategoryRows(overview: Overview) {
  const byCategory = new Map(overview.byCategory.map((r) => [r.category, r]));
  return reportedCategories.map((category) => {
    const row = byCategory.get(category);
    return {
      key: category,
      label: categoryLabel[category],
      learners: row ? row.learners : 0,
      male: row ? row.male : 0,
      female: row ? row.female : 0,
      change: comparable(row),
    };
  });
}

const sectorOrder = Object.keys(sectorLabel);

/** The sectors with learners, always in the same order (public, private, SUC / LUC). */
export function toSectorRows(overview: Overview) {
  return overview.bySector
    .filter((r) => r.sector && (r.learners ?? 0) > 0)
    .map((r) => ({ key: r.sector!, label: sectorLabel[r.sector!], value: r.learners ?? 0 }))
    .sort((a, b) => sectorOrder.indexOf(a.key) - sectorOrder.indexOf(b.key));
}

/** The change on the year before, when that year has figures: a first year has nothing to compare. */
export function comparable(
  row: { change: number | null; previousYearLearners: number | null } | undefined,
) {
  return row?.previousYearLearners ? row.change : null;
}
