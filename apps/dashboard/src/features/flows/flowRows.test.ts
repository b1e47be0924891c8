import { describe, expect, it } from 'vitest';
import {
  type FlowRow,
  formatRate,
  notApplicable,
  rateOf,
  toIndicatorRows,
  toOutcomeRows,
  toSankeyData,
} from './flowRows.js';

const rates = {
  promotionRate: 0.6,
  repetitionRate: 0.2,
  dropoutRate: 0.1,
  transitionRate: 0.6,
  completionRate: 0.6,
};
const row = (gradeLevel: FlowRow['gradeLevel'], counts: Partial<FlowRow> = {}): FlowRow => ({
  asOf: '2026-12-07T00:00:00Z',
  schoolYear: '2025-2026',
  nextSchoolYear: '2026-2027',
  gradeLevel,
  cohort: 10,
  promoted: 6,
  repeated: 2,
  completed: 0,
  transferredToAls: 1,
  notEnrolled: 1,
  otherSchool: 3,
  ...rates,
  genderParity: { ...rates, dropoutRate: null },
  ...counts,
});

describe('the flow table and picture (issue 22)', () => {
  it('lists each outcome with its share, the moves as a part, and the cohort as the total', () => {
    const rows = toOutcomeRows(row('GRADE_6'));
    expect(rows.map((r) => [r.label, r.count, r.kind])).toEqual([
      ['Next grade', 6, 'outcome'],
      ['Same grade', 2, 'outcome'],
      ['of which at another school', 3, 'part'],
      ['Completed', 0, 'outcome'],
      ['ALS', 1, 'outcome'],
      ['Not enrolled', 1, 'outcome'],
      ['Total (the cohort)', 10, 'total'],
    ]);
    const outcomes = rows.filter((r) => r.kind === 'outcome');
    expect(outcomes.reduce((sum, r) => sum + r.count, 0)).toBe(10);
    expect(rows[0]!.share).toBe(0.6);
  });

  it('gives no share without a cohort, and zeros without a row', () => {
    expect(toOutcomeRows(undefined).every((r) => r.count === 0 && r.share === null)).toBe(true);
  });

  it('draws only the outcomes that have learners, each linked from the cohort', () => {
    const data = toSankeyData(row('GRADE_6'), 'Grade 6');
    expect(data.nodes.map((n) => n.name)).toEqual([
      'Grade 6',
      'Next grade',
      'Same grade',
      'ALS',
      'Not enrolled',
    ]);
    expect(data.links).toEqual([
      { source: 0, target: 1, value: 6 },
      { source: 0, target: 2, value: 2 },
      { source: 0, target: 3, value: 1 },
      { source: 0, target: 4, value: 1 },
    ]);
  });

  it.each([
    ['GRADE_6', 'transitionRate', 0.6],
    ['GRADE_10', 'transitionRate', 0.6],
    ['GRADE_7', 'transitionRate', notApplicable],
    ['GRADE_12', 'completionRate', 0.6],
    ['GRADE_11', 'completionRate', notApplicable],
    ['GRADE_3', 'promotionRate', 0.6],
  ] as const)('%s: %s is %s (docs/indicators.md)', (grade, key, wanted) => {
    expect(rateOf(row(grade), key)).toBe(wanted);
  });

  it('reads the parity of a rate, null when it has no males to divide by', () => {
    expect(rateOf(row('GRADE_6'), 'dropoutRate', true)).toBeNull();
    expect(rateOf(row('GRADE_6'), 'promotionRate', true)).toBe(0.6);
  });

  it('orders the grades with a cohort, basic education only', () => {
    const rows = toIndicatorRows([
      row('GRADE_7'),
      row('KINDER'),
      row('ALS_BLP'),
      row('GRADE_2', { cohort: 0 }),
    ]);
    expect(rows.map((r) => r.label)).toEqual(['Kindergarten', 'Grade 7']);
  });

  it('writes rates as percentages with one decimal', () => {
    expect([formatRate(0.5), formatRate(0.07345), formatRate(1)]).toEqual([
      '50.0%',
      '7.3%',
      '100.0%',
    ]);
  });
});
