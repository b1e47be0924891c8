import { describe, expect, it } from 'vitest';
import {
  shiftSchoolYear,
  currentSchoolYear,
  documentDeadlineFor,
  lastOpenedSchoolYear,
  formatSchoolYear,
  isSchoolDay,
  isWithin,
  parseSchoolYear,
  policyDates,
  type SchoolCalendar,
  schoolDaysBetween,
} from './school-year.js';

const sy2025: SchoolCalendar = {
  schoolYear: '2025-2026',
  openingDay: '2025-06-16',
  closingDay: '2026-04-15',
  prescribedSchoolDays: 200,
  nonSchoolDays: ['2025-06-27', '2025-08-21', '2025-08-25', '2025-12-25'],
};

describe('school years (SPEC §2)', () => {
  it.each([
    ['2025-2026', { startYear: 2025 }],
    [' 2018-2019 ', { startYear: 2018 }],
    ['2025-2027', null],
    ['2025/2026', null],
    ['25-26', null],
  ])('parses %j', (value, expected) => {
    expect(parseSchoolYear(value)).toEqual(expected);
  });

  it('formats', () => {
    expect(formatSchoolYear({ startYear: 2025 })).toBe('2025-2026');
  });
});

describe('policyDates (SPEC §2, each from its section)', () => {
  const dates = policyDates(sy2025);
  it.each([
    [
      '§V.A early registration opens on the last Saturday of January',
      dates.earlyRegistrationStart,
      '2025-01-25',
    ],
    [
      '§V.A early registration closes on the last Friday of February',
      dates.earlyRegistrationEnd,
      '2025-02-28',
    ],
    ['§V.A table: age cut-off 31 August', dates.ageCutoff, '2025-08-31'],
    ['§V.A, §V.C: documents due 31 August', dates.documentDeadline, '2025-08-31'],
    [
      '§IV.h-i: transfers from the first Friday of classes',
      dates.transferWindowStart,
      '2025-06-20',
    ],
    ['§IV.h-i: transfers to 31 March', dates.transferWindowEnd, '2026-03-31'],
    ['§VI: quick count from the first day of classes', dates.quickCountStart, '2025-06-16'],
    [
      '§VI: quick count to the last school day of the opening month',
      dates.quickCountEnd,
      '2025-06-30',
    ],
  ])('%s', (_, actual, expected) => {
    expect(actual).toBe(expected);
  });

  it('ALS guide step 4: the first-attendance cut-off is set by the administrator, none by default', () => {
    expect(dates.alsFirstAttendanceCutoff).toBeNull();
    expect(
      policyDates({ ...sy2025, overrides: { alsFirstAttendanceCutoff: '2025-10-30' } })
        .alsFirstAttendanceCutoff,
    ).toBe('2025-10-30');
  });

  it('§V.A: an administrator can override a derived date for one year', () => {
    const moved = policyDates({ ...sy2025, overrides: { earlyRegistrationEnd: '2025-03-14' } });
    expect(moved.earlyRegistrationEnd).toBe('2025-03-14');
    expect(moved.earlyRegistrationStart).toBe('2025-01-25');
  });

  it('§VI: the quick count ends on the last school day when the month ends on a weekend or holiday', () => {
    const calendar: SchoolCalendar = {
      ...sy2025,
      openingDay: '2025-06-02',
      nonSchoolDays: ['2025-06-30'],
    };
    expect(policyDates(calendar).quickCountEnd).toBe('2025-06-27');
    const august: SchoolCalendar = {
      ...sy2025,
      schoolYear: '2024-2025',
      openingDay: '2024-07-29',
      closingDay: '2025-04-15',
      nonSchoolDays: [],
    };
    // 31 July 2024 is a Wednesday
    expect(policyDates(august).quickCountEnd).toBe('2024-07-31');
  });

  it('§V.A: 2024 was a leap year: early registration closed on Friday 23 February', () => {
    expect(
      policyDates({ ...sy2025, schoolYear: '2024-2025', openingDay: '2024-07-29' })
        .earlyRegistrationEnd,
    ).toBe('2024-02-23');
  });

  it('refuses a calendar whose school year is not one', () => {
    expect(() => policyDates({ ...sy2025, schoolYear: '2025' })).toThrow();
  });
});

describe('school days (SPEC §2; §V.D counts them)', () => {
  it.each([
    ['a Monday of classes', '2025-06-16', true],
    ['a Saturday', '2025-06-21', false],
    ['a listed holiday', '2025-06-27', false],
    ['the day before opening', '2025-06-15', false],
    ['the closing day', '2026-04-15', true],
    ['the day after closing', '2026-04-16', false],
  ])('%s: %s → %s', (_, date, expected) => {
    expect(isSchoolDay(sy2025, date)).toBe(expected);
  });

  it('counts the school days between two dates, both included', () => {
    // 16-30 June 2025: 11 weekdays, less 27 June
    expect(schoolDaysBetween(sy2025, '2025-06-16', '2025-06-30')).toBe(10);
    expect(schoolDaysBetween(sy2025, '2025-06-21', '2025-06-22')).toBe(0);
  });

  it('isWithin includes both ends', () => {
    expect(isWithin('2025-01-25', '2025-01-25', '2025-02-28')).toBe(true);
    expect(isWithin('2025-01-24', '2025-01-25', '2025-02-28')).toBe(false);
    expect(isWithin('2025-03-01', '2025-01-25', '2025-02-28')).toBe(false);
  });
});

describe('documentDeadlineFor (§V.A, §V.C; a late enrolment §V.D)', () => {
  // Opening 16 June 2025, deadline 31 August: 76 days; classes close 15 April 2026.
  it.each([
    ['§V.C enrolled during early registration: 31 August', '2025-02-01', '2025-08-31'],
    ['§V.C enrolled on the opening day: 31 August', '2025-06-16', '2025-08-31'],
    ['§V.C enrolled on the deadline itself: that day', '2025-08-31', '2025-08-31'],
    ['§V.D enrolled the day after the deadline: 76 days on', '2025-09-01', '2025-11-16'],
    ['§V.D enrolled in November: 76 days on', '2025-11-20', '2026-02-04'],
    ['§V.D enrolled in March: the last day of classes', '2026-03-02', '2026-04-15'],
    ['§V.D enrolled on the last day of classes: that day', '2026-04-15', '2026-04-15'],
  ])('%s (%s → %s)', (_, enrolledOn, due) => {
    expect(documentDeadlineFor(sy2025, enrolledOn)).toBe(due);
  });

  it('§V.C a deadline moved by the administrator moves the late span with it', () => {
    const moved = { ...sy2025, overrides: { documentDeadline: '2025-07-16' } };
    expect(documentDeadlineFor(moved, '2025-10-01')).toBe('2025-10-31');
  });

  it('§V.C a deadline set before the opening day gives a late learner the enrolment day', () => {
    const early = { ...sy2025, overrides: { documentDeadline: '2025-06-01' } };
    expect(documentDeadlineFor(early, '2025-10-01')).toBe('2025-10-01');
  });
});

describe('currentSchoolYear (SPEC §2: a year runs from its opening to its closing day)', () => {
  const years = [
    { schoolYear: '2026-2027', openingDay: '2026-06-15', closingDay: '2027-03-31' },
    { schoolYear: '2027-2028', openingDay: '2027-06-14', closingDay: '2028-03-31' },
  ];
  it.each([
    ['the opening day', '2027-06-14', '2027-2028'],
    ['mid-year', '2027-11-20', '2027-2028'],
    ['the closing day', '2028-03-31', '2027-2028'],
    ['the day before the opening: the coming year', '2027-06-13', '2027-2028'],
    ['between two years: the coming one', '2027-05-15', '2027-2028'],
    ['before every year: the first', '2020-01-01', '2026-2027'],
    ['after every year: the last', '2030-01-01', '2027-2028'],
  ])('%s (%s)', (_title, today, expected) => {
    expect(currentSchoolYear(years, today)).toBe(expected);
  });
  it('is null without calendars', () => {
    expect(currentSchoolYear([], '2027-01-01')).toBeNull();
  });
});

describe('lastOpenedSchoolYear (what reports mean by "now")', () => {
  const years = [
    { schoolYear: '2026-2027', openingDay: '2026-06-15' },
    { schoolYear: '2027-2028', openingDay: '2027-06-14' },
  ];
  it.each([
    ['the opening day', '2027-06-14', '2027-2028'],
    ['the day before the opening: the year just closed', '2027-06-13', '2026-2027'],
    ['mid-year', '2027-11-20', '2027-2028'],
    ['before every year: the first', '2020-01-01', '2026-2027'],
  ])('%s (%s)', (_title, today, expected) => {
    expect(lastOpenedSchoolYear(years, today)).toBe(expected);
  });
  it('is null without calendars', () => {
    expect(lastOpenedSchoolYear([], '2027-01-01')).toBeNull();
  });
});

describe('shiftSchoolYear', () => {
  it.each([
    ['2025-2026', 1, '2026-2027'],
    ['2025-2026', -1, '2024-2025'],
    ['2025-2026', 0, '2025-2026'],
  ] as const)('%s by %i is %s', (year, by, expected) => {
    expect(shiftSchoolYear(year, by)).toBe(expected);
  });
  it('refuses what is not a school year', () => {
    expect(() => shiftSchoolYear('2025-2027', 1)).toThrow('not a school year');
  });
});
