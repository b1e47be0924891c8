import { GradeLevel } from './enums.js';

/**
 * Grade levels in the order a school runs them (K to 12 under DO 03 s. 2018 §V.A's table:
 * Kindergarten, then Grades 1 to 6, 7 to 10 and 11 to 12), each non-graded special-education
 * class after the graded years of its stage, the ALS programs last. Lists, exports and the SF1
 * go by it: a grade's code sorted as text puts Grade 10 before Grade 2 and Kindergarten last.
 */
export const gradeLevelOrder: readonly GradeLevel[] = [
  GradeLevel.KINDER,
  GradeLevel.GRADE_1,
  GradeLevel.GRADE_2,
  GradeLevel.GRADE_3,
  GradeLevel.GRADE_4,
  GradeLevel.GRADE_5,
  GradeLevel.GRADE_6,
  GradeLevel.ELEMENTARY_NON_GRADED,
  GradeLevel.GRADE_7,
  GradeLevel.GRADE_8,
  GradeLevel.GRADE_9,
  GradeLevel.GRADE_10,
  GradeLevel.JHS_NON_GRADED,
  GradeLevel.GRADE_11,
  GradeLevel.GRADE_12,
  GradeLevel.ALS_BLP,
  GradeLevel.ALS_AE_ELEMENTARY,
  GradeLevel.ALS_AE_SECONDARY,
];

/** Negative when `a` comes before `b` in `gradeLevelOrder`, for `Array.prototype.sort`. */
export function compareGradeLevels(a: GradeLevel, b: GradeLevel): number {
  return gradeLevelOrder.indexOf(a) - gradeLevelOrder.indexOf(b);
}
