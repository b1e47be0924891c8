// The rates at which the multi-year data sets move their learners from one school year to the
// next (issue 22), in one table: docs/indicators.md ("What the demo data assumes") gives each with
// its source, or says it is an assumption. Read by the forward and backward steps
// (enrollment-steps.ts) and by the new entrants' cells (enrollment-years.ts).

/** What happens to a learner of a grade between year t and year t + 1, as shares of the grade. */
export interface GradeFlow {
  grade: string;
  /** The grade of a promoted learner; null where the grade ends basic education (or ALS). */
  next: string | null;
  /** Not enrolled anywhere in t + 1. */
  dropout: number;
  /** Enrolled in the same grade again. */
  repetition: number;
  /** Enrolled at the division's ALS learning center (when it has one). */
  als: number;
  /** Promoted, at another school of the division (public or private). */
  move: number;
}

const flow = (
  grade: string,
  next: string | null,
  dropout: number,
  repetition: number,
  als: number,
  move: number,
): GradeFlow => ({ grade, next, dropout, repetition, als, move });

/**
 * By grade. Dropout: DepEd's reported school leavers, about 1% a year in elementary and 2-3% in
 * junior high; Grade 6 → 7 transition about 95% and Grade 10 → 11 about 85-90% (the rest is
 * dropout, repetition and ALS here). Repetition 1-2%, highest in Grade 1 (UNESCO UIS). Moves and
 * ALS transfers are assumptions. Grades 6 and 10 have no "move": every promoted learner there is
 * placed at a school offering the next grade (their own when it does).
 */
export const gradeFlows: readonly GradeFlow[] = [
  flow('KINDER', 'GRADE_1', 0.01, 0.005, 0, 0.02),
  flow('GRADE_1', 'GRADE_2', 0.012, 0.025, 0, 0.02),
  flow('GRADE_2', 'GRADE_3', 0.008, 0.015, 0, 0.02),
  flow('GRADE_3', 'GRADE_4', 0.008, 0.012, 0, 0.02),
  flow('GRADE_4', 'GRADE_5', 0.01, 0.01, 0.002, 0.02),
  flow('GRADE_5', 'GRADE_6', 0.01, 0.01, 0.002, 0.02),
  flow('GRADE_6', 'GRADE_7', 0.03, 0.005, 0.015, 0),
  flow('GRADE_7', 'GRADE_8', 0.03, 0.02, 0.005, 0.02),
  flow('GRADE_8', 'GRADE_9', 0.03, 0.015, 0.005, 0.02),
  flow('GRADE_9', 'GRADE_10', 0.025, 0.012, 0.005, 0.02),
  flow('GRADE_10', 'GRADE_11', 0.08, 0.01, 0.02, 0),
  flow('GRADE_11', 'GRADE_12', 0.04, 0.01, 0.005, 0.015),
  // Grade 12: the rest complete basic education.
  flow('GRADE_12', null, 0.02, 0.01, 0, 0),
  // ALS learners: "repetition" is staying in the program another year; the rest leave it
  // (assumption: AE programs run about a year).
  flow('ALS_AE_ELEMENTARY', null, 0, 0.4, 0, 0),
  flow('ALS_AE_SECONDARY', null, 0, 0.4, 0, 0),
];

/** The rates that are not by grade. */
export const yearFlows = {
  /** Of last year's leavers (dropouts, not completers), the share enrolled again (assumption). */
  balikAralReturn: 0.25,
  /** Of a year's dropouts, the share marked DROPPED_OUT in that year (the rest left between years; assumption). */
  markedDroppedOut: 0.4,
  /** Grade 1 entrants who did not attend Kindergarten, as a share of Grade 1 (assumption). */
  grade1WithoutKinder: 0.03,
  /**
   * Transferees from outside the data set (abroad, other divisions, non-accredited schools) into
   * Grades 2-12: this share of what the grade below loses to dropout and ALS (assumption: new
   * entrants fill what leaves, with Balik-Aral, so school sizes stay about the same).
   */
  outsideRefill: 0.8,
  /** Kindergarten entrants year on year: a small national trend (assumption, PSA projections of 5-year-olds about flat). */
  kinderTrend: 0.005,
} as const;

export const flowByGrade = new Map(gradeFlows.map((f) => [f.grade, f]));

/** The ALS program a learner of a grade transfers to. */
export const alsGradeOf = (grade: string) =>
  ['KINDER', 'GRADE_1', 'GRADE_2', 'GRADE_3', 'GRADE_4', 'GRADE_5', 'GRADE_6'].includes(grade)
    ? 'ALS_AE_ELEMENTARY'
    : 'ALS_AE_SECONDARY';
