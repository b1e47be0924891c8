import { sectorLabel } from '@repo/domain/school';
import {
  type GradeLevel,
  type LearnerCategory,
  LearnerCategory as Categories,
  type Sector,
  type Sex,
  sexLabel,
} from '@repo/domain/enums';
import { type FilterField } from '@repo/ui/FilterBar';
import { categoryLabel, gradeLabel, gradeOrder } from '../labels.js';

/** The report filters, as they are written in the URL (`?sy=2023-2024&grade=KINDER,GRADE_1`). */
export interface ReportFilters {
  schoolYear: string | null;
  sectors: Sector[];
  gradeLevels: GradeLevel[];
  sexes: Sex[];
  categories: LearnerCategory[];
}

export const filterParams = ['sy', 'sector', 'grade', 'sex', 'category'] as const;
type FilterParam = (typeof filterParams)[number];

const sectorValues = Object.keys(sectorLabel) as Sector[];
const sexValues = Object.keys(sexLabel) as Sex[];
/** OSC are counted by the tracker, not among the enrolled; FOUR_PS is not a reported category. */
export const reportedCategories: LearnerCategory[] = [
  Categories.IP,
  Categories.SPED,
  Categories.BALIK_ARAL,
  Categories.OSY,
];

function pick<T extends string>(params: URLSearchParams, name: FilterParam, allowed: T[]): T[] {
  const raw = params.get(name);
  if (!raw) return [];
  const wanted = new Set(raw.split(','));
  return allowed.filter((value) => wanted.has(value));
}

export function toReportFilters(params: URLSearchParams): ReportFilters {
  const year = params.get('sy');
  return {
    schoolYear: year && /^\d{4}-\d{4}$/.test(year) ? year : null,
    sectors: pick(params, 'sector', sectorValues),
    gradeLevels: pick(params, 'grade', gradeOrder),
    sexes: pick(params, 'sex', sexValues),
    categories: pick(params, 'category', reportedCategories),
  };
}

/** The URL's filter values per FilterBar field name. */
export function toFieldValues(filters: ReportFilters): Record<FilterParam, string[]> {
  return {
    sy: filters.schoolYear ? [filters.schoolYear] : [],
    sector: filters.sectors,
    grade: filters.gradeLevels,
    sex: filters.sexes,
    category: filters.categories,
  };
}

/** Sets one filter in a copy of the URL's parameters, leaving the others (and non-filters) alone. */
export function withFilter(params: URLSearchParams, name: string, values: string[]) {
  const next = new URLSearchParams(params);
  if (values.length === 0) next.delete(name);
  else next.set(name, values.join(','));
  return next;
}

/** Only the filter parameters: carried along on drill-down links. */
export function filterSearch(params: URLSearchParams): string {
  const kept = new URLSearchParams();
  for (const name of filterParams) {
    const value = params.get(name);
    if (value) kept.set(name, value);
  }
  const text = kept.toString();
  return text ? `?${text}` : '';
}

export function filterFields(schoolYears: string[]): FilterField[] {
  return [
    {
      name: 'sy',
      label: 'School year',
      required: true,
      options: schoolYears.map((year) => ({ value: year, label: `SY ${year}` })),
    },
    {
      name: 'sector',
      label: 'Sector',
      multiple: true,
      options: sectorValues.map((value) => ({ value, label: sectorLabel[value] })),
    },
    {
      name: 'grade',
      label: 'Grades',
      multiple: true,
      options: gradeOrder.map((value) => ({ value, label: gradeLabel[value] })),
    },
    {
      name: 'sex',
      label: 'Sex',
      options: sexValues.map((value) => ({ value, label: sexLabel[value] })),
    },
    {
      name: 'category',
      label: 'Category',
      multiple: true,
      options: reportedCategories.map((value) => ({ value, label: categoryLabel[value] })),
    },
  ];
}

/** The previous school year of "2024-2025". */
export function previousYear(schoolYear: string): string {
  const start = Number(schoolYear.slice(0, 4));
  return `${start - 1}-${start}`;
}

/** The school year after "2024-2025". */
export function nextYear(schoolYear: string): string {
  const start = Number(schoolYear.slice(0, 4));
  return `${start + 1}-${start + 2}`;
}

/**
 * The school year a report opens on: the latest with enrolled learners that is not after the
 * current one, the year whose classes opened last (`lastOpenedSchoolYear`). A later year can hold
 * rows long before its own enrollment (a few learners enrolled early, or by a test), and a report
 * of them is an empty-looking page; the year under way, or the one just closed in the summer, is
 * what a planner means by "now". A year without rows is never chosen: when
 * every year with rows is later than the current one, the nearest of them; with no current year
 * known (no calendars), the latest.
 */
export function defaultReportYear(
  yearsWithRows: readonly string[],
  currentYear: string | null,
): string | null {
  const sorted = [...yearsWithRows].sort();
  if (!currentYear) return sorted.at(-1) ?? null;
  return sorted.filter((y) => y <= currentYear).at(-1) ?? sorted[0] ?? null;
}
