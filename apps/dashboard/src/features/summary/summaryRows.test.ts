import { describe, expect, it } from 'vitest';
import {
  comparable,
  femaleShare,
  toCategoryRows,
  toGradeRows,
  toSectorRows,
  toTotal,
  type Overview,
} from './summaryRows.js';

const overview: Overview = {
  total: [],
  bySector: [
    { sector: 'PRIVATE', learners: 20 },
    { sector: 'PUBLIC', learners: 80 },
    { sector: 'SUC_LUC', learners: 0 },
  ],
  byGrade: [
    { gradeLevel: 'GRADE_7', learners: 30, male: 14, female: 16 },
    { gradeLevel: 'KINDER', learners: 10, male: 6, female: 4 },
    { gradeLevel: 'ALS_BLP', learners: 2, male: 1, female: 1 },
  ],
  byCategory: [
    { category: 'SPED', learners: 3, male: 2, female: 1, previousYearLearners: 4, change: -1 },
  ],
};

describe('overview rows', () => {
  it('an empty total is zeros, with no parity index or change', () => {
    expect(toTotal(overview)).toMatchObject({ learners: 0, genderParityIndex: null, change: null });
    expect(femaleShare({ female: 0, learners: 0 })).toBeUndefined();
    expect(femaleShare({ female: 1, learners: 4 })).toBe(0.25);
  });

  it('grades in school order, Kindergarten first and ALS last', () => {
    expect(toGradeRows(overview).map((g) => g.label)).toEqual([
      'Kindergarten',
      'Grade 7',
      'ALS Basic Literacy',
    ]);
  });

  it('the four categories of the issue, zero when absent', () => {
    expect(toCategoryRows(overview).map((c) => [c.key, c.learners])).toEqual([
      ['IP', 0],
      ['SPED', 3],
      ['BALIK_ARAL', 0],
      ['OSY', 0],
    ]);
  });

  it('a change only where the year before has figures', () => {
    expect(toCategoryRows(overview).find((c) => c.key === 'SPED')?.change).toBe(-1);
    expect(comparable({ previousYearLearners: 0, change: 583296 })).toBeNull();
    expect(comparable({ previousYearLearners: null, change: null })).toBeNull();
    expect(comparable({ previousYearLearners: 10, change: 0 })).toBe(0);
  });

  it('sectors with learners, named, public first whatever order the API answers in', () => {
    expect(toSectorRows(overview)).toEqual([
      { key: 'PUBLIC', label: 'Public', value: 80 },
      { key: 'PRIVATE', label: 'Private', value: 20 },
    ]);
  });
});
