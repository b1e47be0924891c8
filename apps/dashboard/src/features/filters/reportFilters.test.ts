import { describe, expect, it } from 'vitest';
import { filterSearch, previousYear, toReportFilters, withFilter } from './reportFilters.js';

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

  it('names the year before', () => {
    expect(previousYear('2024-2025')).toBe('2023-2024');
  });
});
