import { canSeePersonalData } from '@repo/domain/access';
import { type Dimension, type LearnerCategory } from '@repo/domain/enums';
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
import {
  countMeasures,
  protectedCategories,
  smallCountThreshold,
  suppressSmallCounts,
} from './enrollment-summary.privacy.js';
import { type EnrollmentSummaryFilter } from './enrollment-summary.type.js';

/**
 * `enrollmentSummary` (SPEC §7): counts for any combination of groupings and filters, answered from
 * the live rollups and the deltas not yet folded into them, never by counting enrollments. The
 * coarsest grain that has the dimensions asked for is read (region, division or school), in the
 * smallest shape that has them (enrollment-summary.query.ts). A viewer below the nation is held
 * to its own place, and refused a place outside it (place-scope.ts).
 */
export async function enrollmentSummary(
  dataSource: DataSource,
  viewer: Viewer,
  filter: EnrollmentSummaryFilter,
  groupBy: Dimension[],
  options: { forExport?: boolean } = {},
): Promise<SummaryRow[]> {
  const dimensions = [...new Set(groupBy)];
  const rows = await countRows(dataSource, viewer, filter, dimensions);
  if (!isWithheld(viewer, filter, dimensions, options)) return rows;
  // Worked out over every school of the divisions concerned (not only the ones asked for), so a
  // narrower question can never show a count that the wider one withholds.
  if (filter.schoolIds?.length || !dimensions.includes('SCHOOL'))
    return withheldOverDivisions(dataSource, viewer, filter, dimensions, options);
  const byCategory = dimensions.includes('CATEGORY');
  const cells = suppressSmallCounts(
    rows.map((row) => ({
      keys: row.keys,
      counts: row,
      sensitive: byCategory
        ? protectedCategories.includes(row.keys.CATEGORY as LearnerCategory)
        : hasSensitiveFilter(filter),
    })),
    dimensions,
    { defaultStatuses: !filter.statuses?.length },
  );
  return cells.map((cell) => cell.counts);
}

const hasSensitiveFilter = (filter: EnrollmentSummaryFilter) =>
  filter.categories?.some((c) => protectedCategories.includes(c)) ?? false;

/**
 * Whether small counts are withheld: at school level, by or filtered on a category, for roles
 * without access to personal data and in every export (enrollment-summary.privacy.ts).
 */
function isWithheld(
  viewer: Viewer,
  filter: EnrollmentSummaryFilter,
  dimensions: Dimension[],
  options: { forExport?: boolean },
): boolean {
  const atSchool =
    dimensions.includes('SCHOOL') ||
    Boolean(filter.schoolIds?.length) ||
    viewer.scope.kind === 'SCHOOL';
  return (
    (Boolean(options.forExport) || !canSeePersonalData(viewer.role)) &&
    atSchool &&
    (dimensions.includes('CATEGORY') || hasSensitiveFilter(filter))
  );
}

/** The summary asked for, as the sums of the withheld rows of every school of its divisions. */
async function withheldOverDivisions(
  dataSource: DataSource,
  viewer: Viewer,
  filter: EnrollmentSummaryFilter,
  dimensions: Dimension[],
  options: { forExport?: boolean },
): Promise<SummaryRow[]> {
  const divisions = filter.schoolIds?.length
    ? (
        await dataSource.query<{ id: string }[]>(
          'SELECT DISTINCT division_id::text AS id FROM school WHERE id = ANY ($1::int[])',
          [filter.schoolIds.map(Number)],
        )
      ).map((d) => d.id)
    : filter.divisionIds;
  const wide = await enrollmentSummary(
    dataSource,
    viewer,
    { ...filter, schoolIds: null, divisionIds: divisions },
    [...dimensions, 'SCHOOL'],
    options,
  );
  const asked = filter.schoolIds?.length ? new Set(filter.schoolIds.map(Number)) : null;
  return regroup(
    wide.filter((row) => !asked || asked.has(Number(row.keys.SCHOOL))),
    dimensions,
  );
}

/** Rows summed over the dimensions not in `dimensions`; a sum with a withheld part is withheld. */
function regroup(rows: SummaryRow[], dimensions: Dimension[]): SummaryRow[] {
  const groups = new Map<string, SummaryRow>();
  for (const row of rows) {
    const key = JSON.stringify(dimensions.map((d) => row.keys[d] ?? null));
    const into = groups.get(key);
    if (!into) {
      groups.set(key, {
        ...row,
        keys: Object.fromEntries(dimensions.map((d) => [d, row.keys[d] ?? null])),
      });
      continue;
    }
    for (const m of countMeasures) {
      const [a, b] = [into[m], row[m]];
      into[m] = a === null || b === null ? null : a + b;
    }
  }
  for (const row of groups.values())
    for (const m of countMeasures)
      if (row[m] !== null && row[m] > 0 && row[m] < smallCountThreshold) row[m] = null;
  return [...groups.values()];
}

/** The groups' counts from the rollups, held to the place the viewer may read. */
async function countRows(
  dataSource: DataSource,
  viewer: Viewer,
  filter: EnrollmentSummaryFilter,
  dimensions: Dimension[],
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
  };
  const { sql, params } = summaryStatement(question);
  const raw = await dataSource.query<Record<string, string | number | null>[]>(sql, params);
  return raw.map((row) => toSummaryRow(row, question)).filter(hasCounts);
}
