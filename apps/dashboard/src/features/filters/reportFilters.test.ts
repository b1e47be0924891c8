import { describe, expect, it } from 'vitest';
import {
  defaultReportYear,
  filterSearch,
  nextYear,
  previousYear,
  toReportFilters,
  withFilter,
} from './reportFilters.js';

describe('report filters in the URL', () => {
  it('reads known values only, in their own order', () => {
    const filters = toReportFilters(
      new URLSearchParams(
        'sy=2023-2024&grade=GRADE_7,KINDER,NOPE&sector=PUBLIC&sex=FEMALE&category=OSC,IP',
      ),
    );
    expect(filters).toEqual({
      schoolYear: '2023-2024',
      sectors: ['PUBLIC'],
      gradeLevels: ['KINDER', 'GRADE_7'],
      sexes: ['FEMALE'],
      // OSC are the tracker's: not a filter of the enrolled.
      categories: ['IP'],
    });
  });

  it.each([['2023'], ['2023-24'], ['x']])('ignores a malformed school year %s', (sy) => {
    expect(toReportFilters(new URLSearchParams({ sy })).schoolYear).toBeNull();
  });

  it('sets and clears one filter, keeping the rest of the URL', () => {
    const params = new URLSearchParams('sy=2023-2024&q=abra');
    const set = withFilter(params, 'grade', ['KINDER', 'GRADE_1']);
    expect(set.toString()).toBe('sy=2023-2024&q=abra&grade=KINDER%2CGRADE_1');
    expect(withFilter(set, 'grade', []).toString()).toBe('sy=2023-2024&q=abra');
    expect(params.toString()).toBe('sy=2023-2024&q=abra');
  });

  it('carries only the filters on drill-down links', () => {
    expect(filterSearch(new URLSearchParams('q=abra&sy=2023-2024&sex=MALE&after=x'))).toBe(
      '?sy=2023-2024&sex=MALE',
    );
    expect(filterSearch(new URLSearchParams('q=abra'))).toBe('');
  });

  it('names the year before and the year after', () => {
    expect(previousYear('2024-2025')).toBe('2023-2024');
    expect(nextYear('2024-2025')).toBe('2025-2026');
  });
});

describe('the school year a report opens on (issue 16)', () => {
  it.each([
    [
      'the current year when it has rows',
      ['2023-2024', '2027-2028', '2026-2027'],
      '2027-2028',
      '2027-2028',
    ],
    [
      'not a later year holding a couple of early enrollments',
      ['2023-2024', '2028-2029'],
      '2027-2028',
      '2023-2024',
    ],
    [
      'the latest before the current one when the current has none',
      ['2023-2024', '2024-2025'],
      '2027-2028',
      '2024-2025',
    ],
    [
      'the nearest later year when no earlier one has rows',
      ['2029-2030', '2028-2029'],
      '2027-2028',
      '2028-2029',
    ],
    ['the latest when no current year is known', ['2023-2024', '2028-2029'], null, '2028-2029'],
    ['none when no year has rows', [], '2027-2028', null],
  ])('%s', (_, years, current, expected) => {
    expect(defaultReportYear(years, current)).toBe(expected);
  });
});
