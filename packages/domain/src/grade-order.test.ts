import { describe, expect, it } from 'vitest';
import { GradeLevel } from './enums.js';
import { compareGradeLevels, gradeLevelOrder } from './grade-order.js';

describe('gradeLevelOrder (DO 03 s. 2018 §V.A: Kindergarten to Grade 12, then ALS)', () => {
  it('holds every grade level once', () => {
    expect([...gradeLevelOrder].sort()).toEqual(Object.values(GradeLevel).sort());
  });

  it.each([
    ['KINDER', 'GRADE_1', 'Kindergarten before Grade 1 (§V.A: K is the first year)'],
    ['GRADE_2', 'GRADE_10', 'Grade 2 before Grade 10 (not as text)'],
    ['GRADE_9', 'GRADE_10', 'Grade 9 before Grade 10'],
    ['GRADE_10', 'GRADE_11', 'junior high before senior high (§V.A: Grade 11 entry)'],
    ['GRADE_6', 'ELEMENTARY_NON_GRADED', 'elementary non-graded after the graded elementary'],
    ['ELEMENTARY_NON_GRADED', 'GRADE_7', 'elementary non-graded before junior high'],
    ['GRADE_10', 'JHS_NON_GRADED', 'JHS non-graded after the graded junior high'],
    ['JHS_NON_GRADED', 'GRADE_11', 'JHS non-graded before senior high'],
    ['GRADE_12', 'ALS_BLP', 'the ALS programs after the formal grades'],
    ['ALS_BLP', 'ALS_AE_ELEMENTARY', 'Basic Literacy before A&E'],
    ['ALS_AE_ELEMENTARY', 'ALS_AE_SECONDARY', 'A&E elementary before secondary'],
  ] as const)('%s before %s: %s', (a, b, _why) => {
    expect(compareGradeLevels(a, b)).toBeLessThan(0);
    expect(compareGradeLevels(b, a)).toBeGreaterThan(0);
    expect(compareGradeLevels(a, a)).toBe(0);
  });

  it('sorts codes that text order scrambles', () => {
    const asText: GradeLevel[] = ['GRADE_1', 'GRADE_10', 'GRADE_12', 'GRADE_2', 'KINDER'];
    expect([...asText].sort(compareGradeLevels)).toEqual([
      'KINDER',
      'GRADE_1',
      'GRADE_2',
      'GRADE_10',
      'GRADE_12',
    ]);
  });
});
