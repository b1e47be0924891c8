import { GradeLevel } from './enums.js';
import { parseSchoolYear } from './school-year.js';

/** The parameters of the enrollment policy that an order sets; an edition may override any. */
export interface PolicyRules {
  /** Minimum age on the cut-off for Kindergarten (§V.A table, DO 47 s. 2016). */
  kinderMinimumAge: number;
  /** Minimum age on the cut-off for Grade 1 without Kindergarten (§V.A table). */
  grade1WithoutKinderMinimumAge: number;
  /** Cut-off month and day for ages, in the year's first calendar year (§V.A table). */
  ageCutoff: { month: number; day: number };
  /** Deadline for missing documents (§V.A, §V.C). */
  documentDeadline: { month: number; day: number };
  /** First-time enrollees from this age are advised to take ALS (§V.A). */
  alsRecommendedFromAge: number;
  /** First-time enrollees aged this to `alsRecommendedFromAge - 1` need KCEP or PEPT (§V.A). */
  firstTimePlacementFromAge: number;
  /** Late enrollees must still be able to attend this share of the prescribed days (§V.D). */
  lateEnrollmentAttendanceShare: number;
  /** Grades that register early; the other grades count as pre-registered (§V.A, §IV.a). */
  earlyRegistrationGrades: readonly GradeLevel[];
  /** OSC and OSY age ranges (§IV.j, §IV.k). */
  outOfSchoolChildAges: { from: number; to: number };
  outOfSchoolYouthAges: { from: number; to: number };
}

export interface PolicyEdition {
  id: string;
  title: string;
  /** First school year it governs ("2018-2019" → 2018). */
  fromStartYear: number;
  overrides: Partial<PolicyRules>;
}

/** DepEd Order No. 03, s. 2018, for SY 2018-2019 and after (§VIII). */
export const do03s2018: PolicyEdition = {
  id: 'DO_03_S_2018',
  title: 'DepEd Order No. 03, s. 2018: Basic Education Enrollment Policy',
  fromStartYear: 2018,
  overrides: {},
};

const baseRules: PolicyRules = {
  kinderMinimumAge: 5,
  grade1WithoutKinderMinimumAge: 6,
  ageCutoff: { month: 8, day: 31 },
  documentDeadline: { month: 8, day: 31 },
  alsRecommendedFromAge: 13,
  firstTimePlacementFromAge: 6,
  lateEnrollmentAttendanceShare: 0.8,
  earlyRegistrationGrades: [
    GradeLevel.KINDER,
    GradeLevel.GRADE_1,
    GradeLevel.GRADE_7,
    GradeLevel.GRADE_11,
  ],
  outOfSchoolChildAges: { from: 6, to: 14 },
  outOfSchoolYouthAges: { from: 15, to: 24 },
};

/**
 * Editions in force, oldest first. DO 017 s. 2025 repealed DO 03 from SY 2025-2026; its text is not
 * at hand, so DO 03 still governs here. A later edition is added to this list with its overrides,
 * and every caller gets it through `rulesFor` without change.
 */
export const editions: readonly PolicyEdition[] = [do03s2018];

export function editionFor(
  schoolYear: string,
  list: readonly PolicyEdition[] = editions,
): PolicyEdition | null {
  const year = parseSchoolYear(schoolYear);
  if (!year) return null;
  const applicable = list.filter((e) => e.fromStartYear <= year.startYear);
  return applicable.at(-1) ?? null;
}

export function rulesFor(
  schoolYear: string,
  list: readonly PolicyEdition[] = editions,
): PolicyRules | null {
  const edition = editionFor(schoolYear, list);
  return edition ? { ...baseRules, ...edition.overrides } : null;
}
