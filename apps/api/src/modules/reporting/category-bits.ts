// What the enrollment rollups are keyed by, in one place for the reports that read them and the
// data set loaders that write their deltas directly (EnrollmentRollup migration).
import { type Dimension, type LearnerCategory } from '@repo/domain/enums';

/**
 * The category bits of the rollups: the mask `enrollment_category_mask` computes (EnrollmentRollup
 * migration). IP, SPED and 4Ps belong to the learner, the others to the enrollment (SPEC §3).
 */
export const categoryBits: Record<LearnerCategory, number> = {
  IP: 1,
  SPED: 2,
  BALIK_ARAL: 4,
  OSY: 8,
  OSC: 16,
  FOUR_PS: 32,
};

/** The mask of learners in any of `categories` (0 for none). */
export function categoryMask(categories: readonly LearnerCategory[]): number {
  return categories.reduce((mask, category) => mask | categoryBits[category], 0);
}

/** The place columns of a rollup delta, then the key within the place, then the measures. */
export const rollupPlaceColumns = ['region_id', 'division_id', 'school_id'] as const;
export const rollupKeyColumns = [
  'school_year',
  'sector',
  'grade_level',
  'strand',
  'sex',
  'status',
  'categories',
] as const;
export const rollupMeasureColumns = [
  'learners',
  'moved_in',
  'transferred_in',
  'transferred_out',
] as const;
/**
 * Beside each measure, the sum of the counted learners' record keys: the cell key of the
 * cell-key method is that sum modulo 256 (@repo/domain/cell-key; CellKeys migration).
 */
export const rollupKeySumColumns = [
  'learners_key_sum',
  'moved_in_key_sum',
  'transferred_in_key_sum',
  'transferred_out_key_sum',
] as const;

/** The columns of `enrollment_rollup_delta` a writer fills, in order (e.g. for COPY). */
export const rollupDeltaColumns = [
  ...rollupPlaceColumns,
  ...rollupKeyColumns,
  ...rollupMeasureColumns,
  ...rollupKeySumColumns,
] as const;

/** The rollup column (of a rollup read as `r`) each dimension groups by. */
export const dimensionColumn: Record<Dimension, string> = {
  SCHOOL_YEAR: 'r.school_year',
  REGION: 'r.region_id',
  DIVISION: 'r.division_id',
  SCHOOL: 'r.school_id',
  SECTOR: 'r.sector',
  GRADE_LEVEL: 'r.grade_level',
  // The rollups keep "no strand" as '' (a key column is NOT NULL); reports show it as null.
  STRAND: "nullif(r.strand, '')",
  SEX: 'r.sex',
  CATEGORY: 'r.category',
  STATUS: 'r.status',
};
