// A hand-built cohort (issue 22, learner-flows.cohort.test.ts): 30 learners over three school
// years, each outcome of docs/indicators.md at least once, with the outcome each learner must get.

export const YEARS = ['2023-2024', '2024-2025', '2025-2026'] as const;
export type SchoolKey = 'E1' | 'E2' | 'H1' | 'H2' | 'P';
/** [year index, school, grade, status (default OFFICIALLY_ENROLLED), categories]. */
export type Enrolment = [0 | 1 | 2, SchoolKey, string, string?, string[]?];
/** P promoted, R repeating, C completed, A to ALS, N not enrolled; '+' at another school; null: no cohort. */
export type Outcome = 'P' | 'P+' | 'R' | 'R+' | 'C' | 'A' | 'N' | null;
export interface Hand {
  sex: 'FEMALE' | 'MALE';
  ip?: boolean;
  enrolments: Enrolment[];
  /** The outcome of the cohort of 2023-24 and of 2024-25. */
  outcomes: [Outcome, Outcome];
}

const F = 'FEMALE';
const M = 'MALE';
export const learners: Hand[] = [
  {
    sex: F,
    enrolments: [
      [0, 'E1', 'GRADE_3'],
      [1, 'E1', 'GRADE_4'],
      [2, 'E1', 'GRADE_5'],
    ],
    outcomes: ['P', 'P'],
  },
  {
    sex: M,
    enrolments: [
      [0, 'E1', 'GRADE_3'],
      [1, 'E1', 'GRADE_3'],
      [2, 'E1', 'GRADE_4'],
    ],
    outcomes: ['R', 'P'],
  },
  // Moved to another elementary school that offers Grade 4 (a move, not a dropout); then gone.
  {
    sex: F,
    enrolments: [
      [0, 'E1', 'GRADE_3'],
      [1, 'E2', 'GRADE_4'],
    ],
    outcomes: ['P+', 'N'],
  },
  // Out a year, back as Balik-Aral in the grade it left.
  {
    sex: M,
    enrolments: [
      [0, 'E1', 'GRADE_3'],
      [2, 'E1', 'GRADE_3', undefined, ['BALIK_ARAL']],
    ],
    outcomes: ['N', null],
  },
  // Grade 6 → 7 at a high school: a transition, not a move (the elementary school has no Grade 7).
  {
    sex: F,
    enrolments: [
      [0, 'E1', 'GRADE_6'],
      [1, 'H1', 'GRADE_7'],
      [2, 'H1', 'GRADE_8'],
    ],
    outcomes: ['P', 'P'],
  },
  { sex: M, enrolments: [[0, 'E1', 'GRADE_6']], outcomes: ['N', null] },
  {
    sex: F,
    enrolments: [
      [0, 'E1', 'GRADE_6'],
      [1, 'E1', 'GRADE_6'],
      [2, 'H2', 'GRADE_7'],
    ],
    outcomes: ['R', 'P'],
  },
  {
    sex: M,
    enrolments: [
      [0, 'H1', 'GRADE_10'],
      [1, 'H1', 'GRADE_11'],
      [2, 'H1', 'GRADE_12'],
    ],
    outcomes: ['P', 'P'],
  },
  // Grade 10 → 11 at another school although its own offers senior high: a move.
  {
    sex: F,
    enrolments: [
      [0, 'H1', 'GRADE_10'],
      [1, 'H2', 'GRADE_11'],
      [2, 'H2', 'GRADE_12'],
    ],
    outcomes: ['P+', 'P'],
  },
  // To an ALS program the next year.
  {
    sex: M,
    enrolments: [
      [0, 'H1', 'GRADE_10'],
      [1, 'H2', 'ALS_AE_SECONDARY'],
    ],
    outcomes: ['A', null],
  },
  { sex: F, enrolments: [[0, 'H1', 'GRADE_12']], outcomes: ['C', null] },
  { sex: M, enrolments: [[0, 'H1', 'GRADE_12', 'DROPPED_OUT']], outcomes: ['N', null] },
  {
    sex: F,
    enrolments: [
      [0, 'H1', 'GRADE_12'],
      [1, 'H1', 'GRADE_12'],
    ],
    outcomes: ['R', 'C'],
  },
  // Transferred to ALS during the year, nothing the next.
  { sex: M, enrolments: [[0, 'H1', 'GRADE_8', 'TRANSFERRED_TO_ALS']], outcomes: ['A', null] },
  // Dropped out during the year, back the next in the same grade.
  {
    sex: F,
    enrolments: [
      [0, 'H1', 'GRADE_8', 'DROPPED_OUT'],
      [1, 'H1', 'GRADE_8', undefined, ['BALIK_ARAL']],
      [2, 'H1', 'GRADE_9'],
    ],
    outcomes: ['R', 'P'],
  },
  // Moved during 2023-24 from E1 to E2: counted at E2, where it went on.
  {
    sex: M,
    enrolments: [
      [0, 'E1', 'GRADE_2', 'MOVED_OUT'],
      [0, 'E2', 'GRADE_2'],
      [1, 'E2', 'GRADE_3'],
      [2, 'E2', 'GRADE_4'],
    ],
    outcomes: ['P', 'P'],
  },
  {
    sex: F,
    enrolments: [
      [0, 'E1', 'KINDER'],
      [1, 'E1', 'GRADE_1'],
      [2, 'E1', 'GRADE_2'],
    ],
    outcomes: ['P', 'P'],
  },
  // A new entrant of 2024-25.
  {
    sex: M,
    enrolments: [
      [1, 'E1', 'KINDER'],
      [2, 'E1', 'GRADE_1'],
    ],
    outcomes: [null, 'P'],
  },
  // To a private school that the public one could have kept it for: a move.
  {
    sex: F,
    enrolments: [
      [0, 'E1', 'GRADE_4'],
      [1, 'P', 'GRADE_5'],
      [2, 'P', 'GRADE_6'],
    ],
    outcomes: ['P+', 'P'],
  },
  // A lower grade the next year counts as repeating.
  {
    sex: M,
    enrolments: [
      [0, 'E1', 'GRADE_4'],
      [1, 'E1', 'GRADE_3'],
      [2, 'E1', 'GRADE_4'],
    ],
    outcomes: ['R', 'P'],
  },
  {
    sex: F,
    enrolments: [
      [0, 'E1', 'GRADE_5'],
      [1, 'E2', 'GRADE_5'],
      [2, 'E2', 'GRADE_6'],
    ],
    outcomes: ['R+', 'P'],
  },
  // Pre-registered only, and awaiting approval only: not enrolled.
  {
    sex: M,
    enrolments: [
      [0, 'E1', 'GRADE_5'],
      [1, 'E1', 'GRADE_6', 'PRE_REGISTERED'],
    ],
    outcomes: ['N', null],
  },
  {
    sex: F,
    enrolments: [
      [0, 'E1', 'GRADE_5'],
      [1, 'E1', 'GRADE_6', 'AWAITING_APPROVAL'],
    ],
    outcomes: ['N', null],
  },
  {
    sex: M,
    enrolments: [
      [0, 'H1', 'GRADE_7', 'TEMPORARILY_ENROLLED'],
      [1, 'H1', 'GRADE_8', 'TEMPORARILY_ENROLLED'],
      [2, 'H1', 'GRADE_9', 'DROPPED_OUT'],
    ],
    outcomes: ['P', 'P'],
  },
  {
    sex: F,
    enrolments: [
      [0, 'H2', 'GRADE_9'],
      [1, 'H2', 'GRADE_10'],
      [2, 'H2', 'GRADE_11'],
    ],
    outcomes: ['P', 'P'],
  },
  { sex: M, enrolments: [[0, 'H2', 'GRADE_9']], outcomes: ['N', null] },
  {
    sex: F,
    ip: true,
    enrolments: [
      [0, 'E2', 'GRADE_1'],
      [1, 'E2', 'GRADE_2'],
      [2, 'E2', 'GRADE_2'],
    ],
    outcomes: ['P', 'R'],
  },
  {
    sex: M,
    ip: true,
    enrolments: [
      [0, 'E2', 'GRADE_1'],
      [1, 'E2', 'ALS_BLP'],
    ],
    outcomes: ['A', null],
  },
  {
    sex: F,
    enrolments: [
      [0, 'E2', 'GRADE_6'],
      [1, 'H2', 'GRADE_7'],
      [2, 'H1', 'GRADE_8'],
    ],
    outcomes: ['P', 'P+'],
  },
  {
    sex: M,
    enrolments: [
      [1, 'H1', 'GRADE_11'],
      [2, 'H1', 'GRADE_12'],
    ],
    outcomes: [null, 'P'],
  },
];
