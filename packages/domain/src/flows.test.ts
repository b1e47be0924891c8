import { describe, expect, it } from 'vitest';
import {
  addFlowCounts,
  countsOf,
  emptyFlowCounts,
  type FlowCounts,
  flowMeasureRules,
  FlowOutcome,
  flowParity,
  flowRates,
} from './flows.js';

const counts = (partial: Partial<FlowCounts>): FlowCounts => {
  const c = { ...emptyFlowCounts(), ...partial };
  c.cohort = c.promoted + c.repeated + c.completed + c.transferredToAls + c.notEnrolled;
  return c;
};

describe('countsOf', () => {
  it.each([
    ['PROMOTED', false, { promoted: 3 }],
    ['PROMOTED', true, { promoted: 3, otherSchool: 3 }],
    ['REPEATED', true, { repeated: 3, otherSchool: 3 }],
    ['COMPLETED', false, { completed: 3 }],
    ['TRANSFERRED_TO_ALS', false, { transferredToAls: 3 }],
    ['NOT_ENROLLED', false, { notEnrolled: 3 }],
  ] as const)('%s (other school %s)', (outcome, other, expected) => {
    expect(countsOf(outcome, other, 3)).toEqual({ ...counts(expected), cohort: 3 });
  });

  it.each([
    [
      { mature: true, survived: true },
      { survivalCohort: 2, survived: 2 },
    ],
    [{ mature: true, survived: false }, { survivalCohort: 2 }],
    // A cohort too recent to have reached its grade counts in neither, whatever it did since.
    [{ mature: false, survived: true }, {}],
    [{ mature: false, survived: false }, {}],
  ])('survival %o', (survival, expected) => {
    expect(countsOf('PROMOTED', false, 2, survival)).toEqual({
      ...emptyFlowCounts(),
      cohort: 2,
      promoted: 2,
      ...expected,
    });
  });

  it('every count has its rule, and every outcome one count', () => {
    expect(Object.keys(flowMeasureRules).sort()).toEqual(Object.keys(emptyFlowCounts()).sort());
    const outcomes = Object.values(flowMeasureRules).flatMap((rule) => rule.outcome ?? []);
    expect(outcomes.sort()).toEqual(Object.values(FlowOutcome).sort());
  });
});

describe('flowRates (UIS definitions, counted)', () => {
  it.each([
    {
      name: 'one grade: promotion, repetition and dropout share the cohort; ALS and moves are not dropouts',
      grades: {
        GRADE_3: counts({ promoted: 6, repeated: 2, transferredToAls: 1, notEnrolled: 1 }),
      },
      rates: {
        promotionRate: 0.6,
        repetitionRate: 0.2,
        dropoutRate: 0.1,
        transitionRate: null,
        completionRate: null,
        survivalRateToGrade6: null,
        survivalRateToGrade10: null,
      },
    },
    {
      name: 'Grade 6: transition and completion are its promoted learners',
      grades: { GRADE_6: counts({ promoted: 9, notEnrolled: 1 }) },
      rates: {
        promotionRate: 0.9,
        repetitionRate: 0,
        dropoutRate: 0.1,
        transitionRate: 0.9,
        completionRate: 0.9,
        survivalRateToGrade6: null,
        survivalRateToGrade10: null,
      },
    },
    {
      name: 'Grade 12: completion is those who complete; none is promoted',
      grades: { GRADE_12: counts({ completed: 3, repeated: 1 }) },
      rates: {
        promotionRate: 0,
        repetitionRate: 0.25,
        dropoutRate: 0,
        transitionRate: null,
        completionRate: 0.75,
        survivalRateToGrade6: null,
        survivalRateToGrade10: null,
      },
    },
    {
      name: 'grades together: transition over Grades 6 and 10 only, completion over 6, 10 and 12',
      grades: {
        GRADE_5: counts({ promoted: 10 }),
        GRADE_6: counts({ promoted: 3, notEnrolled: 1 }),
        GRADE_10: counts({ promoted: 1, repeated: 1, notEnrolled: 2 }),
        GRADE_12: counts({ completed: 2 }),
      },
      rates: {
        promotionRate: 14 / 20,
        repetitionRate: 1 / 20,
        dropoutRate: 3 / 20,
        transitionRate: 4 / 8,
        completionRate: 6 / 10,
        survivalRateToGrade6: null,
        survivalRateToGrade10: null,
      },
    },
    {
      name: 'no learners: no rates',
      grades: {},
      rates: {
        promotionRate: null,
        repetitionRate: null,
        dropoutRate: null,
        transitionRate: null,
        completionRate: null,
        survivalRateToGrade6: null,
        survivalRateToGrade10: null,
      },
    },
  ])('$name', ({ grades, rates }) => {
    expect(flowRates(new Map(Object.entries(grades)))).toEqual(rates);
  });
});

describe('survival rates', () => {
  it.each([
    [
      'counts only the mature years, repeaters who reached it included',
      [
        countsOf('PROMOTED', false, 8, { mature: true, survived: true }),
        countsOf('REPEATED', false, 1, { mature: true, survived: true }),
        countsOf('NOT_ENROLLED', false, 1, { mature: true, survived: false }),
        countsOf('PROMOTED', false, 5, { mature: false, survived: false }),
      ],
      9 / 10,
    ],
    ['has none without a mature year', [countsOf('PROMOTED', false, 5)], null],
  ] as const)('%s', (_, rows, rate) => {
    const grade1 = rows.reduce(addFlowCounts, emptyFlowCounts());
    const rates = flowRates(
      new Map([
        ['GRADE_1', grade1],
        ['GRADE_7', grade1],
      ]),
    );
    expect(rates.survivalRateToGrade6).toBe(rate);
    expect(rates.survivalRateToGrade10).toBe(rate);
  });
});

describe('flowParity', () => {
  it('divides the females’ rate by the males’, null where the males have none', () => {
    const female = flowRates(new Map([['GRADE_6', counts({ promoted: 9, notEnrolled: 1 })]]));
    const male = flowRates(
      new Map([['GRADE_6', counts({ promoted: 6, repeated: 2, completed: 0 })]]),
    );
    expect(flowParity(female, male)).toEqual({
      promotionRate: 0.9 / 0.75,
      repetitionRate: 0,
      dropoutRate: null,
      transitionRate: 0.9 / 0.75,
      completionRate: 0.9 / 0.75,
      survivalRateToGrade6: null,
      survivalRateToGrade10: null,
    });
  });

  it('adds counts field by field', () => {
    expect(addFlowCounts(counts({ promoted: 1 }), countsOf('REPEATED', true, 2))).toEqual({
      ...emptyFlowCounts(),
      cohort: 3,
      promoted: 1,
      repeated: 2,
      otherSchool: 2,
    });
  });
});
