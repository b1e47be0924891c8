import { type Dimension, sectorLabel, sexLabel } from '@repo/domain/enums';
import { categoryLabel, gradeLabel, statusLabel } from '../labels.js';
import { type ExploreRow } from './exploreQuery.js';

type Labels = Record<string, string>;

/** A row's value of one dimension, as a reader names it. */
export function dimensionValue(row: ExploreRow, dimension: Dimension): string {
  const named = (labels: Labels, value: string | null | undefined) =>
    value ? (labels[value] ?? value) : '—';
  switch (dimension) {
    case 'SCHOOL_YEAR':
      return row.schoolYear ?? '—';
    case 'REGION':
      return row.region?.name ?? '—';
    case 'DIVISION':
      return row.division?.name ?? '—';
    case 'SCHOOL':
      return row.school ? `${row.school.name} (${row.school.schoolId})` : '—';
    case 'SECTOR':
      return named(sectorLabel, row.sector);
    case 'GRADE_LEVEL':
      return named(gradeLabel, row.gradeLevel);
    case 'STRAND':
      return row.strand ?? '—';
    case 'SEX':
      return named(sexLabel, row.sex);
    case 'CATEGORY':
      return named(categoryLabel, row.category);
    case 'STATUS':
      return named(statusLabel, row.status);
  }
}

export function rowLabel(row: ExploreRow, dimensions: Dimension[]): string {
  return dimensions.length ? dimensions.map((d) => dimensionValue(row, d)).join(' · ') : 'All';
}
