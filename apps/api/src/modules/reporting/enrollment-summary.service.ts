import { type Dimension } from '@repo/domain/enums';
import { formatSchoolYear, parseSchoolYear } from '@repo/domain/school-year';
import { type DataSource } from 'typeorm';
import { badUserInput } from '../../errors.js';
import { checkPlaces, placeToRead } from '../../place-scope.js';
import { type Viewer } from '../auth/viewer.js';
import {
  hasCounts,
  type SummaryQuestion,
  type SummaryRow,
  summaryStatement,
  toSummaryRow,
} from './enrollment-summary.query.js';
import { isPerturbed, perturbCounts } from './enrollment-summary.privacy.js';
import { type EnrollmentSummaryFilter } from './enrollment-summary.type.js';

/**
 * `enrollmentSummary` (SPEC §7): counts for any combination of groupings and filters, answered from
 * the live rollups and the deltas not yet folded into them, never by counting enrollments. The
 * coarsest grain that has the dimensions asked for is read (region, division or school), in the
 * smallest shape that has them (enrollment-summary.query.ts). A viewer below the nation is held
 * to its own place, and refused a place outside it (place-scope.ts). Cells that involve a learner
 * category are perturbed by the cell-key method for roles without personal data and in every
 * export (enrollment-summary.privacy.ts); a group is left out when every count it would show is 0.
 */
export async function enrollmentSummary(
  dataSource: DataSource,
  viewer: Viewer,
  filter: EnrollmentSummaryFilter,
  groupBy: Dimension[],
  options: { forExport?: boolean } = {},
): Promise<SummaryRow[]> {
  const dimensions = [...new Set(groupBy)];
  const perturbed = isPerturbed(viewer.role, filter, dimensions, options);
  const rows = await countRows(dataSource, viewer, filter, dimensions, perturbed);
  // Left out after the perturbation, so that a group's absence says no more than a 0 would.
  return rows
    .map(({ keySums, ...row }) => (perturbed ? perturbCounts(row, keySums!) : row))
    .filter(hasCounts);
}

/** The groups' counts from the rollups, held to the place the viewer may read. */
async function countRows(
  dataSource: DataSource,
  viewer: Viewer,
  filter: EnrollmentSummaryFilter,
  dimensions: Dimension[],
  withKeys: boolean,
): Promise<SummaryRow[]> {
  const year = filter.schoolYear ? parseSchoolYear(filter.schoolYear) : null;
  if (filter.schoolYear && !year)
    throw badUserInput('filter.schoolYear', 'SCHOOL_YEAR_INVALID', 'Write it like "2025-2026"');
  const asked = checkPlaces({
    region: { ids: filter.regionIds, field: 'filter.regionIds' },
    division: { ids: filter.divisionIds, field: 'filter.divisionIds' },
    school: { ids: filter.schoolIds, field: 'filter.schoolIds' },
  });
  const question: SummaryQuestion = {
    filter,
    dimensions,
    place: await placeToRead(dataSource, viewer, asked),
    previousYear:
      year && !dimensions.includes('SCHOOL_YEAR')
        ? formatSchoolYear({ startYear: year.startYear - 1 })
        : null,
    withKeys,
  };
  const { sql, params } = summaryStatement(question);
  const raw = await dataSource.query<Record<string, string | number | Date | null>[]>(sql, params);
  return raw.map((row) => toSummaryRow(row, question));
}
