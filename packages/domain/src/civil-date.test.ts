import { describe, expect, it } from 'vitest';
import {
  addDays,
  ageOn,
  daysBetween,
  firstWeekdayOnOrAfter,
  isLeapYear,
  lastWeekdayOfMonth,
  weekday,
} from './civil-date.js';

describe('ageOn (DO 03 s. 2018 §V.A: ages are taken on the cut-off date)', () => {
  it.each([
    ['§V.A the day before the fifth birthday', '2020-09-01', '2025-08-31', 4],
    ['§V.A on the fifth birthday', '2020-08-31', '2025-08-31', 5],
    ['§V.A the day after the fifth birthday', '2020-08-30', '2025-08-31', 5],
    ['§V.A born 29 February, on 28 February of a common year', '2020-02-29', '2025-02-28', 4],
    ['§V.A born 29 February, on 1 March of a common year', '2020-02-29', '2025-03-01', 5],
    ['§V.A born 29 February, on 29 February of a leap year', '2020-02-29', '2024-02-29', 4],
    [
      '§V.A born 29 February, on the cut-off',
      '2019-02-29'.replace('2019', '2020'),
      '2026-08-31',
      6,
    ],
    ['§V.A born today', '2025-08-31', '2025-08-31', 0],
  ])('%s: %s on %s → %d', (_, birth, on, age) => {
    expect(ageOn(birth, on)).toBe(age);
  });
});

describe('civil dates', () => {
  it.each([
    [2024, true],
    [2025, false],
    [1900, false],
    [2000, true],
  ])('leap year %d → %s', (year, leap) => {
    expect(isLeapYear(year)).toBe(leap);
  });

  it('adds days across months and years, and counts between', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(daysBetween('2025-01-01', '2025-12-31')).toBe(364);
    expect(weekday('2025-06-16')).toBe(1);
  });

  it.each([
    [2025, 1, 6, '2025-01-25'],
    [2024, 1, 6, '2024-01-27'],
    [2026, 1, 6, '2026-01-31'],
    [2025, 2, 5, '2025-02-28'],
    [2024, 2, 5, '2024-02-23'],
  ])('last weekday %d-%d (%d) → %s', (year, month, day, expected) => {
    expect(lastWeekdayOfMonth(year, month, day)).toBe(expected);
  });

  it('first Friday on or after a date', () => {
    expect(firstWeekdayOnOrAfter('2025-06-16', 5)).toBe('2025-06-20');
    expect(firstWeekdayOnOrAfter('2025-06-20', 5)).toBe('2025-06-20');
  });
});
