// Flow indicators of a cohort (issue 22; docs/indicators.md): the UNESCO Institute for Statistics
// (UIS) definitions of promotion, repetition, dropout, transition and completion, computed from
// learners followed by LRN from one school year to the next rather than estimated from aggregates.

/**
 * What became of a learner of grade g in school year t, in t + 1 (the database classifies each
 * learner: db/sql/learner-flow.sql). A move to another school, public or private, or to ALS is not
 * a dropout (DO 03 s. 2018 §V.E: a learner who moves stays enrolled).
 */
export const FlowOutcome = {
  PROMOTED: 'PROMOTED',
  REPEATED: 'REPEATED',
  COMPLETED: 'COMPLETED',
  TRANSFERRED_TO_ALS: 'TRANSFERRED_TO_ALS',
  NOT_ENROLLED: 'NOT_ENROLLED',
} as const;
export type FlowOutcome = (typeof FlowOutcome)[keyof typeof FlowOutcome];

/**
 * A cohort's learners by outcome; `otherSchool` is the promoted and repeating at another school.
 * `survivalCohort` is the Grade 1 (Grade 7) learners of a year long enough ago for Grade 6 (Grade 10)
 * to be reached without repeating, and `survived` those of them who have been enrolled in it since.
 */
export interface FlowCounts {
  cohort: number;
  promoted: number;
  repeated: number;
  completed: number;
  transferredToAls: number;
  notEnrolled: number;
  otherSchool: number;
  survivalCohort: number;
  survived: number;
}

export const emptyFlowCounts = (): FlowCounts => ({
  cohort: 0,
  promoted: 0,
  repeated: 0,
  completed: 0,
  transferredToAls: 0,
  notEnrolled: 0,
  otherSchool: 0,
  survivalCohort: 0,
  survived: 0,
});

/**
 * The years from the first grade of a survival cohort to the grade it is followed to, for a learner
 * who never repeats: Grade 1 to Grade 6 and Grade 7 to Grade 10 (RA 10533 §4: six years of
 * elementary, four of junior high school). A cohort counts for survival once that many school years
 * after it have opened.
 */
export const survivalSpans = { GRADE_1: 5, GRADE_7: 3 } as const;

/** What a learner row must be to count in a measure (every condition given must hold). */
export interface FlowMeasureRule {
  outcome?: FlowOutcome;
  /** Promoted or repeating at another school than in t (a move, not a dropout). */
  otherSchool?: true;
  /** In a survival cohort old enough to have reached its grade (`survivalSpans`). */
  mature?: true;
  /** Enrolled in the survival grade since. */
  survived?: true;
}

/**
 * Each count and the learner rows it takes: the one table that both `countsOf` and the API's
 * statement (which sums each count in the database) read.
 */
export const flowMeasureRules: Readonly<Record<keyof FlowCounts, FlowMeasureRule>> = {
  cohort: {},
  promoted: { outcome: 'PROMOTED' },
  repeated: { outcome: 'REPEATED' },
  completed: { outcome: 'COMPLETED' },
  transferredToAls: { outcome: 'TRANSFERRED_TO_ALS' },
  notEnrolled: { outcome: 'NOT_ENROLLED' },
  otherSchool: { otherSchool: true },
  survivalCohort: { mature: true },
  survived: { mature: true, survived: true },
};

/**
 * The counts of one learner row: its outcome, whether it is at another school, and for the survival
 * cohorts, whether its year counts (`mature`) and whether it reached the grade.
 */
export function countsOf(
  outcome: FlowOutcome,
  otherSchool: boolean,
  learners: number,
  survival: { mature: boolean; survived: boolean } = { mature: false, survived: false },
): FlowCounts {
  const counts = emptyFlowCounts();
  for (const [measure, rule] of Object.entries(flowMeasureRules) as [
    keyof FlowCounts,
    FlowMeasureRule,
  ][]) {
    const takes =
      (rule.outcome === undefined || rule.outcome === outcome) &&
      (!rule.otherSchool || otherSchool) &&
      (!rule.mature || survival.mature) &&
      (!rule.survived || survival.survived);
    if (takes) counts[measure] = learners;
  }
  return counts;
}

export function addFlowCounts(a: FlowCounts, b: FlowCounts): FlowCounts {
  return {
    cohort: a.cohort + b.cohort,
    promoted: a.promoted + b.promoted,
    repeated: a.repeated + b.repeated,
    completed: a.completed + b.completed,
    transferredToAls: a.transferredToAls + b.transferredToAls,
    notEnrolled: a.notEnrolled + b.notEnrolled,
    otherSchool: a.otherSchool + b.otherSchool,
    survivalCohort: a.survivalCohort + b.survivalCohort,
    survived: a.survived + b.survived,
  };
}

/**
 * The last grades of elementary and junior high school: their promoted learners are the
 * transition to the next level (K to 12 Act, RA 10533 §4: six years of elementary, four of junior
 * and two of senior high school).
 */
export const transitionGrades = ['GRADE_6', 'GRADE_10'] as const;
/** Grades whose completion is reported: the ends of elementary, junior and senior high school. */
export const completionGrades = ['GRADE_6', 'GRADE_10', 'GRADE_12'] as const;

export interface FlowRates {
  /** UIS: pupils of grade g in t who study in grade g + 1 in t + 1, over grade g's pupils in t. */
  promotionRate: number | null;
  /** UIS: pupils of grade g in t who study in grade g again in t + 1, over grade g's pupils in t. */
  repetitionRate: number | null;
  /**
   * UIS: pupils of grade g in t no longer enrolled in t + 1, over grade g's pupils in t (UIS
   * estimates it as 1 − promotion − repetition; here it is counted, and moves and ALS are not in it).
   */
  dropoutRate: number | null;
  /**
   * UIS: new entrants to the first grade of the higher level in t + 1, over the last grade of the
   * lower level in t: Grade 6 → 7 and Grade 10 → 11; over those grades' learners only.
   */
  transitionRate: number | null;
  /**
   * The administrative counterpart of UIS's completion rate (a household-survey measure): of the
   * learners of Grades 6 and 10, those promoted to the next level; of Grade 12, those completing
   * basic education; over those grades' learners only.
   */
  completionRate: number | null;
  /**
   * UIS: the share of a cohort of pupils enrolled in the first grade who reach a given grade,
   * regardless of repetition: of the Grade 1 learners of a year at least five years back, those
   * enrolled in Grade 6 since (a repeater counted when it reaches it).
   */
  survivalRateToGrade6: number | null;
  /** The same of the Grade 7 learners of a year at least three years back, for Grade 10. */
  survivalRateToGrade10: number | null;
}

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);

/** The rates of a group, from its counts by grade (a group may span grades). */
export function flowRates(byGrade: ReadonlyMap<string, FlowCounts>): FlowRates {
  // Summed in place: a report computes these for each of a few hundred groups and both sexes.
  let cohort = 0;
  let promoted = 0;
  let repeated = 0;
  let notEnrolled = 0;
  const transition = { part: 0, whole: 0 };
  const completion = { part: 0, whole: 0 };
  for (const [grade, counts] of byGrade) {
    cohort += counts.cohort;
    promoted += counts.promoted;
    repeated += counts.repeated;
    notEnrolled += counts.notEnrolled;
    if ((transitionGrades as readonly string[]).includes(grade)) {
      transition.part += counts.promoted;
      transition.whole += counts.cohort;
    }
    if ((completionGrades as readonly string[]).includes(grade)) {
      completion.part += grade === 'GRADE_12' ? counts.completed : counts.promoted;
      completion.whole += counts.cohort;
    }
  }
  return {
    promotionRate: ratio(promoted, cohort),
    repetitionRate: ratio(repeated, cohort),
    dropoutRate: ratio(notEnrolled, cohort),
    transitionRate: ratio(transition.part, transition.whole),
    completionRate: ratio(completion.part, completion.whole),
    survivalRateToGrade6: survival(byGrade.get('GRADE_1')),
    survivalRateToGrade10: survival(byGrade.get('GRADE_7')),
  };
}

const survival = (counts: FlowCounts | undefined) =>
  counts ? ratio(counts.survived, counts.survivalCohort) : null;

/** The gender parity index of each rate: the females' rate over the males'; null without it. */
export function flowParity(female: FlowRates, male: FlowRates): FlowRates {
  const parity = (f: number | null, m: number | null) =>
    f === null || m === null || m === 0 ? null : f / m;
  return {
    promotionRate: parity(female.promotionRate, male.promotionRate),
    repetitionRate: parity(female.repetitionRate, male.repetitionRate),
    dropoutRate: parity(female.dropoutRate, male.dropoutRate),
    transitionRate: parity(female.transitionRate, male.transitionRate),
    completionRate: parity(female.completionRate, male.completionRate),
    survivalRateToGrade6: parity(female.survivalRateToGrade6, male.survivalRateToGrade6),
    survivalRateToGrade10: parity(female.survivalRateToGrade10, male.survivalRateToGrade10),
  };
}
