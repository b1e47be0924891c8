import { type Dimension, type LearnerCategory } from '@repo/domain/enums';
import { config } from '../../config.js';

/**
 * Small counts in school-level breakdowns by sensitive categories (Data Privacy Act of 2012,
 * RA 10173 §3(l): ethnic origin and health are sensitive personal data; 4Ps membership marks a
 * household's poverty). In a school, an IP, SPED or 4Ps count from 1 to `threshold - 1` could
 * point at a child; those counts are withheld (null) for roles without access to personal data and
 * in every export. Set by SMALL_COUNT_THRESHOLD (default 10: counts 1-9 withheld; 0 is shown).
 */
export const smallCountThreshold = config.smallCountThreshold;
export const protectedCategories: readonly LearnerCategory[] = ['IP', 'SPED', 'FOUR_PS'];

/** The counts of a summary row that may be withheld; null once withheld. */
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

export interface Cell<T extends Record<CountMeasure, number | null>> {
  keys: Partial<Record<Dimension, string | number | null>>;
  counts: T;
  /** Whether the row's counts are of a protected category at school level. */
  sensitive: boolean;
}

const isSmall = (value: number | null, threshold: number) =>
  value !== null && value > 0 && value < threshold;

/**
 * Sums within a row that a reader can use to work a withheld count out: learners = male + female,
 * and (for the default statuses) learners = officially + temporarily enrolled.
 */
function withinRow(defaultStatuses: boolean): CountMeasure[][] {
  const groups: CountMeasure[][] = [['learners', 'male', 'female']];
  if (defaultStatuses) groups.push(['learners', 'officiallyEnrolled', 'temporarilyEnrolled']);
  return groups;
}

/**
 * Withholds small counts in sensitive cells (primary suppression), then enough other counts that
 * none can be worked out from a total (complementary suppression): in every additive group, within
 * a row (learners = male + female, …) and across the rows that differ in one dimension only (whose
 * sum is what a query without that dimension answers), a withheld count is never alone; the
 * smallest other count of the group is withheld with it. Repeated until nothing changes.
 */
export function suppressSmallCounts<T extends Record<CountMeasure, number | null>>(
  cells: Cell<T>[],
  dimensions: Dimension[],
  options: { defaultStatuses: boolean; threshold?: number },
): Cell<T>[] {
  const threshold = options.threshold ?? smallCountThreshold;
  for (const cell of cells) {
    if (!cell.sensitive) continue;
    for (const m of countMeasures)
      if (isSmall(cell.counts[m], threshold))
        (cell.counts as Record<CountMeasure, number | null>)[m] = null;
  }
  // Groups of [cell, measure] whose values add up to a total someone can read elsewhere.
  type Ref = [Cell<T>, CountMeasure];
  const groups: Ref[][] = [];
  for (const cell of cells.filter((c) => c.sensitive)) {
    for (const members of withinRow(options.defaultStatuses))
      groups.push(members.map((m) => [cell, m]));
  }
  // Categories overlap (a learner counts in each of theirs), so rows differing in category add up
  // to nothing a reader can ask for; every other dimension adds up to its margin.
  for (const dimension of dimensions.filter((d) => d !== 'CATEGORY')) {
    const others = dimensions.filter((d) => d !== dimension);
    const sets = new Map<string, Cell<T>[]>();
    for (const cell of cells.filter((c) => c.sensitive)) {
      const key = JSON.stringify(others.map((d) => cell.keys[d] ?? null));
      sets.set(key, [...(sets.get(key) ?? []), cell]);
    }
    for (const set of sets.values()) {
      if (set.length < 2) continue;
      for (const m of countMeasures) groups.push(set.map((cell) => [cell, m]));
    }
  }
  for (let changed = true; changed;) {
    changed = false;
    for (const group of groups) {
      const withheld = group.filter(([cell, m]) => cell.counts[m] === null);
      if (withheld.length !== 1) continue;
      // The smallest count still shown (0 included: a withheld count next to a known 0 in a
      // pair would be the total itself).
      const shown = group
        .filter(([cell, m]) => cell.counts[m] !== null)
        .sort(([a, ma], [b, mb]) => a.counts[ma]! - b.counts[mb]!);
      const next = shown.find(([cell, m]) => cell.counts[m]! > 0) ?? shown[0];
      if (!next) continue;
      (next[0].counts as Record<CountMeasure, number | null>)[next[1]] = null;
      changed = true;
    }
  }
  return cells;
}
