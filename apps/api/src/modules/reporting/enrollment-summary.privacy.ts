import { canSeePersonalData, type Role } from '@repo/domain/access';
import { perturb } from '@repo/domain/cell-key';
import { type Dimension } from '@repo/domain/enums';

/**
 * Disclosure control of the counts (issue 18; docs/privacy.md, "Counts: the cell-key method"):
 * the cell-key method of ABS TableBuilder and the ONS census 2021 tables (@repo/domain/cell-key).
 * Every cell that involves a learner category (IP, SPED, 4Ps, Balik-Aral, OSC, OSY), grouped by it
 * or filtered on it, is published as its count plus the perturbation table's adjustment for its
 * cell key (the sum of its learners' record keys, carried by the rollups beside the count), for
 * roles without access to personal data and in every export. The same cell gets the same answer
 * however it is asked; a difference of two cells is noisy. Counts without a category (learners by
 * grade, strand, sex, sector, status: what DepEd publishes by school) stay exact; so does every
 * count for a school or division account reading its own place (it sees the learners anyway),
 * unless for an export. It replaces the withholding of small school-level IP, SPED and 4Ps counts
 * (issue 9), which a difference of two questions undid.
 */

/** The counts of a summary row; each is a cell of its own. */
export const countMeasures = [
  'learners',
  'male',
  'female',
  'previousYearLearners',
  'officiallyEnrolled',
  'temporarilyEnrolled',
  'preRegistered',
  'movedIn',
  'transferredIn',
  'movedOut',
  'transferredOut',
  'transferredToAls',
  'droppedOut',
] as const;
export type CountMeasure = (typeof countMeasures)[number];

/** The sums of record keys of a row's cells, by measure (as text: a national sum is a bigint). */
export type KeySums = Record<CountMeasure, string | null>;

/** Whether a question's cells involve a learner category: grouped by one, or filtered on some. */
export function involvesCategory(
  filter: { categories?: readonly string[] | null },
  dimensions: readonly Dimension[],
): boolean {
  return dimensions.includes('CATEGORY') || Boolean(filter.categories?.length);
}

/**
 * Whether a question's counts are perturbed: its cells involve a category, and it is asked by a
 * role without access to personal data (region, nation) or for an export (whatever the role).
 */
export function isPerturbed(
  role: Role,
  filter: { categories?: readonly string[] | null },
  dimensions: readonly Dimension[],
  options: { forExport?: boolean },
): boolean {
  return (
    involvesCategory(filter, dimensions) &&
    (Boolean(options.forExport) || !canSeePersonalData(role))
  );
}

/**
 * Whether the OSC and OSY counts of early registration are perturbed for a viewer: they are
 * category cells (a filter on OSC or OSY), asked by a role without personal data.
 */
export function perturbsOutOfSchool(viewer: { role: Role }): boolean {
  return isPerturbed(viewer.role, { categories: ['OSC', 'OSY'] }, [], {});
}

/**
 * A count's published value: perturbed by its cell key when `perturbed`, else as it is. The key
 * sum comes as the text of a bigint, or as a whole float8 (exact below 2^53).
 */
export function published(count: number, keySum: string | number, perturbed: boolean): number {
  return perturbed ? perturb(count, BigInt(keySum)) : count;
}

/**
 * A row's counts, each replaced by its published value: the count perturbed by its own cell key
 * (a total of category cells is a cell of its own: its key is the sum of its learners' keys, not
 * the sum of its parts' published values). A count the row does not have (null) stays null.
 */
export function perturbCounts<T extends Record<CountMeasure, number | null>>(
  row: T,
  keySums: KeySums,
): T {
  const published = { ...row };
  for (const m of countMeasures) {
    const count = row[m];
    const sum = keySums[m];
    if (count === null) continue;
    if (sum === null) throw new Error(`No record key sum for ${m}`);
    (published as Record<CountMeasure, number | null>)[m] = perturb(count, BigInt(sum));
  }
  return published;
}
